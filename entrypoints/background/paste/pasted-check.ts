import { resolveReference as defaultResolveReference } from '../../../lib/chain/resolve-reference';
import type { ChainAccess } from '../../../lib/chain/types';
import { decodeLocatedProof } from '../../../lib/extract/decode-located';
import { classifyPaste, type ClassifiedPaste } from '../../../lib/paste/classify-paste';
import { canonicalText } from '../../../lib/text/canonical';
import type { TrustConfig } from '../../../lib/trust/schema';
import type { Verdict } from '../../../lib/verdict/types';
import type { PastedCheck, SelectionCheck, StandaloneResult, WorkerMessages } from '../../../messaging/messages';
import type { PageProof } from '../../../lib/extract/page-proof';
import type { PastedKind } from '../../../lib/paste/classify-paste';
import type { ProofInput } from '../verification/session-records';
import type { TrustState } from '../verification/trust-state';

export type CreatePastedCheckParameters = {
  trust: () => Promise<TrustState>;
  /** createChainAccess, for looking a reference up. */
  createChains: (trust: TrustConfig) => ChainAccess;
  /** The verification service's verifyStandalone. */
  verifyStandalone: (input: ProofInput) => Promise<Verdict>;
  /** The selection service's checkQuote: a plain text looked for in a tab's proofs. */
  checkQuote: (tabId: number | undefined, quote: string) => Promise<SelectionCheck>;
  /** resolveReference; replaced in tests. */
  resolveReference?: typeof defaultResolveReference | undefined;
};

export type CheckPastedParameters = WorkerMessages['check-pasted']['request'];

export type CheckPasted = (parameters: CheckPastedParameters) => Promise<PastedCheck>;

const needsText = (input: PastedKind): PastedCheck => ({
  kind: 'problem',
  input,
  message: 'This proof does not carry the text it signs: paste that text in "Text to compare" to check it.',
});

/**
 * The popup's "Check pasted material" (PastedCheck in messages.ts). A proof
 * is verified with the text to compare, else with the text it carries; a
 * proof with no text anywhere is not verified against an empty one (that
 * would call honest content altered), it asks for the text instead.
 */
export function createPastedCheck({
  trust,
  createChains,
  verifyStandalone,
  checkQuote,
  resolveReference = defaultResolveReference,
}: CreatePastedCheckParameters): CheckPasted {
  /** Verifies one proof with the text it is for: `compareText`, else `ownText`, else its envelope's `text`. */
  async function verifyOne(
    input: PastedKind,
    {
      label,
      form,
      raw,
      ownText,
      compareText,
      namesType = true,
    }: { label: string; form: PageProof['form']; raw: string; ownText?: string | undefined; compareText: string | undefined; namesType?: boolean },
  ): Promise<StandaloneResult | PastedCheck> {
    const decoded = decodeLocatedProof({ form, raw });
    const shownText = canonicalText(compareText ?? '') || canonicalText(ownText ?? '') || (decoded.ok ? canonicalText(decoded.envelope.text ?? '') : '');
    if (decoded.ok && shownText === '') return needsText(input);
    const proof: ProofInput = { form, raw, shownText, renderedText: shownText };
    return { label: decoded.ok && namesType ? `${label} (${decoded.envelope.proof.type})` : label, proof: { id: 'pasted', ...proof }, verdict: await verifyStandalone(proof) };
  }

  function single(input: PastedKind, result: StandaloneResult | PastedCheck): PastedCheck {
    return 'verdict' in result ? { kind: 'proofs', input, results: [result] } : result;
  }

  async function resolved(paste: Extract<ClassifiedPaste, { kind: 'transaction' | 'attestation' | 'hash' }>, compareText: string | undefined): Promise<PastedCheck> {
    const { config } = await trust();
    const found = await resolveReference({ reference: paste, trust: config, chains: createChains(config) });
    if (!found.ok) return { kind: 'problem', input: paste.kind, message: found.reason, ...(found.unavailable && { unavailable: true as const }) };
    const results = await Promise.all(
      found.proofs.map(({ label, raw }) => verifyOne(paste.kind, { label, form: 'attribute', raw, compareText, namesType: false })),
    );
    const verified = results
      .filter((result): result is StandaloneResult => 'verdict' in result)
      .map((result, index) => ({ ...result, proof: { ...result.proof, id: `pasted-${index}` } }));
    // With no text to compare, only the proofs that carry their own text can be checked; say so when none does.
    return verified.length > 0 ? { kind: 'proofs', input: paste.kind, results: verified } : needsText(paste.kind);
  }

  return async ({ input, compareText, tabId }) => {
    const paste = classifyPaste({ input, trust: (await trust()).config });
    switch (paste.kind) {
      case 'empty':
        return { kind: 'problem', input: 'empty', message: 'Paste a text, a proof token, an envelope, a share link, or a transaction or attestation link to check.' };
      case 'problem':
        return { kind: 'problem', input: paste.input, message: paste.reason };
      case 'share-link': {
        const { proof, pageUrl } = paste.shared;
        const label = pageUrl !== undefined && URL.canParse(pageUrl) ? `Shared proof from ${new URL(pageUrl).host}` : 'Shared proof';
        return single('share-link', await verifyOne('share-link', { label, form: proof.form, raw: proof.raw, ownText: proof.shownText, compareText }));
      }
      case 'envelope':
        return single('envelope', await verifyOne('envelope', { label: 'Envelope', form: 'attribute', raw: paste.raw, compareText }));
      case 'token':
        return single('token', await verifyOne('token', { label: 'Proof token', form: 'text', raw: paste.raw, ownText: paste.text, compareText }));
      case 'transaction':
      case 'attestation':
      case 'hash':
        return resolved(paste, compareText);
      case 'text':
        return { kind: 'quote', check: await checkQuote(tabId, paste.text) };
    }
  };
}
