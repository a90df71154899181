import { quoteIsSigned, selectionHeadlines, type SelectionOutcome } from '../../components/selection-outcome';
import type { PageProof } from '../extract/page-proof';
import { shareLink } from '../share/share-link';
import { sharedProofOf } from '../share/shared-proof';
import { displaySafe } from '../text/display-safe';
import { modelClaimOf, modelClaimWords } from '../verdict/model-claim';
import type { VerdictState } from '../verdict/states';
import type { Verdict } from '../verdict/types';
import { checkItYourself, excerpt, verdictWord } from './words';
import { readableDate } from './readable-date';
import { signerWords } from './signer-words';

/** A quote check as the citation needs it (messaging's SelectionCheck has this shape). */
export type CitedQuoteCheck = {
  quote: string;
  pageUrl: string;
  /** ms since the epoch. */
  checkedAt: number;
  outcome: SelectionOutcome;
  state?: VerdictState;
  parts: { proofId: string | null }[];
};

/** A proof of the page, by the id the check's parts name it. */
export type CitedProof = { id: string; input: Omit<PageProof, 'id'>; verdict: Verdict };

export type QuoteCitationParameters = {
  check: CitedQuoteCheck;
  proofs: readonly CitedProof[];
  /** The verifier page share links open at (lib/share/share-base.ts). */
  shareLinkBase: string;
};

/** Longest quote a citation repeats, in characters: a selection may be 10,000. */
const maxQuoted = 1_000;
/** Share links per citation: a quote across more snippets links the first ones. */
const maxLinks = 3;

/**
 * A citation of the selected words, for a journalist to paste: the words,
 * where and when they were checked, the verdict in words, who vouches, and
 * a share link anyone can open to check it again. Undefined when no proof
 * of the page holds any of the words, or only another snippet's does (there is nothing to cite).
 */
export function quoteCitation({ check, proofs, shareLinkBase }: QuoteCitationParameters): string | undefined {
  // The proof that holds the words signs another snippet: a citation and its link would vouch for words the reader did not select.
  if (check.outcome === 'found-in-other-snippet') return undefined;
  const byId = new Map(proofs.map((proof) => [proof.id, proof]));
  const holding = [...new Set(check.parts.map((part) => part.proofId))].flatMap((id) => (id === null ? [] : (byId.get(id) ?? [])));
  if (holding.length === 0) return undefined;
  const page = /^https?:\/\//i.test(check.pageUrl) ? check.pageUrl : undefined;
  const signers = [...new Set(holding.flatMap((proof) => signerWords(proof.verdict) ?? []))];
  const models = [...new Set(holding.flatMap(({ verdict }) => {
    const claim = modelClaimOf(verdict.facts);
    if (claim === undefined) return [];
    const { speaker, claim: words } = modelClaimWords(claim);
    return [`${speaker}${claim.by === 'page' ? ' (not signed)' : ''}: ${words}`];
  }))];
  const links = holding.slice(0, maxLinks).flatMap((proof) => {
    try {
      return [shareLink(shareLinkBase, sharedProofOf(proof.input, page))];
    } catch {
      // Too large for a link: the citation still says what was checked.
      return [];
    }
  });
  const lines = [
    `“${displaySafe(excerpt(check.quote, maxQuoted), { maxLength: maxQuoted + 1 })}”`,
    page && `Source: ${page}`,
    `Checked with Verity on ${readableDate(check.checkedAt)}: ${verdictWords(check)}`,
    signers.length > 0 && vouchLine(check, signers.join('; ')),
    ...models,
    ...links.map((link, index) => (index === 0 ? checkItYourself(link) : `And: ${link}`)),
    'Verity checks who produced a text, not whether what it says is true.',
  ];
  return lines.filter(Boolean).join('\n');
}

/** "Verified — part of the signed text", or the outcome alone when no verdict covers every word. */
function verdictWords({ outcome, state }: CitedQuoteCheck): string {
  const headline = selectionHeadlines[outcome];
  if (state === undefined) return `${headline}. No one vouches for every one of these words.`;
  return `${verdictWord(state)}. ${headline}.`;
}

/** A signer vouches only when the verdict holds and the checker trusts them; otherwise the proof merely names them. */
function vouchLine({ outcome, state }: CitedQuoteCheck, signers: string): string {
  if (state === 'verified' || state === 'pending') return `${quoteIsSigned(outcome) ? 'Vouched for by' : 'Part of it vouched for by'}: ${signers}`;
  if (state === 'untrusted') return `Signed by: ${signers}, whom the checker has not chosen to trust`;
  return `The proof names: ${signers} (not confirmed)`;
}
