import type { ChainAccess } from '../chain/types';
import type { Envelope, Proof, ProofType } from '../envelope/schema';
import { compareTexts } from '../text/match';
import { renderMarkdown } from '../text/markdown';
import { checkShownLinks, type ShownLink } from '../text/markdown-links';
import { matchesRenderedMarkdown } from '../text/markdown-match';
import { listFactsOf } from '../trust/list-reliance';
import type { TrustConfig } from '../trust/schema';
import { failed, passed, skipped, unconfirmed, unreachable } from '../verdict/check';
import { confidenceOf } from '../verdict/confidence';
import { renderingDoubtSentence, type RenderingDoubt } from '../verdict/rendering-doubts';
import { worstState } from '../verdict/states';
import { summarize } from '../verdict/summary';
import type { Check, TextMatch, Verdict } from '../verdict/types';
import { verifyEasOffchain } from './eas-offchain';
import { verifyEasOnchain } from './eas-onchain';
import { verifyErc7007 } from './erc7007';
import { verifyOgSettlement } from './og-settlement';
import { verifyOgTee } from './og-tee';
import type { ProofVerifier, ProofVerifierReturnType } from './types';

export type VerifySnippetParameters = {
  /** The envelope as decoded from the page, or why it could not be. */
  decoded: { ok: true; envelope: Envelope } | { ok: false; reason: string };
  /** Canonical text of the snippet as it stands in the page. */
  shownText: string;
  /** False when the snippet's text was cut off at a size limit: nothing can be compared with it. */
  shownTextComplete?: boolean;
  /**
   * Canonical text of what the browser actually renders, when known. Only
   * a browser can tell; the command line leaves it out.
   */
  renderedText?: string;
  /** What the browser could not confirm about how the rendered text is drawn (content script's allowlist). */
  renderingDoubts?: readonly RenderingDoubt[];
  /** The links and images the snippet shows (lib/extract/shown-links.ts), where the page was read as HTML. */
  shownLinks?: readonly ShownLink[];
  trust: TrustConfig;
  chains: ChainAccess;
};

export type VerifySnippetReturnType = Promise<Verdict>;

const verifiers: { [type in ProofType]: ProofVerifier<Extract<Proof, { type: type }>> } = {
  'og-tee': verifyOgTee,
  'og-settlement': verifyOgSettlement,
  'eas-offchain': verifyEasOffchain,
  'eas-onchain': verifyEasOnchain,
  erc7007: verifyErc7007,
};

/** The verdict for one snippet (spec §6). Never throws. */
export async function verifySnippet({
  decoded,
  shownText,
  shownTextComplete = true,
  renderedText,
  renderingDoubts = [],
  shownLinks,
  trust,
  chains,
}: VerifySnippetParameters): VerifySnippetReturnType {
  if (decoded.ok && !shownTextComplete) return tooLongVerdict(decoded.envelope, shownText);
  if (!decoded.ok) {
    const checks = [failed('envelope', decoded.reason, 'malformed')];
    return {
      state: 'malformed',
      confidence: 0,
      proofType: null,
      summary: decoded.reason,
      checks,
      facts: {},
      text: { signed: null, shown: shownText, match: 'differs' },
    };
  }

  const { envelope } = decoded;
  const { proof } = envelope;
  const signedText = envelope.text ?? shownText;
  const compared = envelope.text === undefined ? ('shown-is-signed' as const) : compareShownText(shownText, envelope.text);
  const textMatch: TextMatch = compared instanceof Error ? 'differs' : compared;

  const result = await runVerifier({ proof, envelope, signedText, trust, chains });
  const checks: Check[] = [
    passed('envelope', `A version 1 envelope with an ${proof.type} proof.`),
    ...result.checks,
    compared instanceof Error
      ? unreachable('shown-text', `The shown text could not be compared: ${compared.message}`)
      : shownTextCheck(textMatch),
    ...(textMatch === 'markdown' ? [shownLinksCheck(signedText, shownLinks)] : []),
    renderingCheck(shownText, renderedText, renderingDoubts),
  ];
  const facts = { ...result.facts, model: result.facts.model ?? envelope.model, ...listFactsOf({ trust, proofType: proof.type, facts: result.facts }) };
  const state = worstState(checks.flatMap((check) => (check.implies ? [check.implies] : [])));
  const confidence = confidenceOf({
    state,
    proofType: proof.type,
    settled: proof.type === 'og-tee' && proof.settlement !== undefined,
    textMatch,
    checks,
    rpcCount: facts.rpcs?.length ?? 0,
  });

  return {
    state,
    confidence,
    proofType: proof.type,
    summary: summarize({ state, proofType: proof.type, checks, facts }),
    checks,
    facts,
    text: { signed: signedText, shown: shownText, match: textMatch },
  };
}

/** Hashing a cut-off text would call honest content altered: say it was not checked instead. */
function tooLongVerdict(envelope: Envelope, shownText: string): Verdict {
  const checks = [
    passed('envelope', `A version 1 envelope with an ${envelope.proof.type} proof.`),
    unreachable('shown-text', 'The snippet is too large or too complex to read in full, so its text was not checked.'),
  ];
  return {
    state: 'unavailable',
    confidence: 0,
    proofType: envelope.proof.type,
    summary: checks[1]!.detail,
    checks,
    facts: {},
    text: { signed: envelope.text ?? null, shown: shownText, match: 'differs' },
  };
}

async function runVerifier({
  proof,
  ...rest
}: Parameters<ProofVerifier<Proof>>[0]): Promise<ProofVerifierReturnType> {
  const verify = verifiers[proof.type] as ProofVerifier<Proof>;
  try {
    return await verify({ proof, ...rest });
  } catch (error) {
    // A bug must never turn into a verdict either way: say it could not be checked.
    const message = error instanceof Error ? error.message : String(error);
    return { checks: [unreachable('chain', `The check stopped on an unexpected error: ${message}`)], facts: {} };
  }
}

/**
 * Exact, then in wording, then as rendered Markdown (spec §4: tried whether
 * or not the envelope declares it). An error (a parser bug, say) is
 * returned, never thrown: it must not become a verdict either way.
 */
function compareShownText(shownText: string, signedText: string): TextMatch | Error {
  try {
    const plain = compareTexts(shownText, signedText);
    if (plain !== 'differs') return plain;
    return matchesRenderedMarkdown(shownText, signedText) ? 'markdown' : 'differs';
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function shownTextCheck(match: TextMatch): Check {
  switch (match) {
    case 'shown-is-signed':
      // Nothing to compare: the proof's own checks already ran on the shown text, and only they can fail it.
      return skipped(
        'shown-text',
        'There is no separate signed text: the envelope carries none, so the proof is checked against the text as the page shows it.',
      );
    case 'exact':
      return passed('shown-text', 'The page shows exactly the signed text.');
    case 'wording':
      return passed('shown-text', 'The page shows the signed wording; quotation marks, case, spacing or Markdown formatting differ.');
    case 'markdown':
      return passed('shown-text', 'The page shows the signed Markdown, rendered.');
    case 'differs':
      return failed('shown-text', 'The page shows different text from what was signed.', 'altered');
  }
}

/** Spec §4: a rendered link or image pointing elsewhere than the signed Markdown says is altered text. */
function shownLinksCheck(signedMarkdown: string, shownLinks: readonly ShownLink[] | undefined): Check {
  if (shownLinks === undefined) return skipped('shown-links', 'Where the page points its links was not read here, only its text.');
  const checked = checkShownLinks({ signed: renderMarkdown(signedMarkdown).links, shown: shownLinks });
  return checked.ok
    ? passed('shown-links', shownLinks.length === 0 ? 'The page shows no links or images here.' : 'Every link and image points where the signed Markdown says.')
    : failed('shown-links', checked.reason, 'altered');
}

/**
 * Spec §4, rendering honesty: words readers see that differ from the signed
 * ones are `altered`; drawing the browser could not vouch for leaves the
 * check unconfirmed, `unavailable`, never `verified` (docs/protocol.md §10).
 */
function renderingCheck(shownText: string, renderedText: string | undefined, doubts: readonly RenderingDoubt[]): Check {
  if (renderedText === undefined) return skipped('rendering', 'Only a browser can see what is rendered.');
  if (compareTexts(renderedText, shownText) === 'differs') {
    return failed('rendering', 'Part of this text is hidden from readers, or readers see text that was not signed.', 'altered');
  }
  if (doubts.length > 0) return unconfirmed('rendering', renderingDoubtSentence(doubts));
  return passed('rendering', 'Readers see all of the signed text and nothing else.');
}
