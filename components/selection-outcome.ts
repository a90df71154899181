import type { SelectionCheck } from '../messaging/messages';

export type SelectionOutcome = SelectionCheck['outcome'];

/**
 * The headline for each outcome of a quote check. It says only whether
 * proofs sign the words; the verdict of those proofs is told apart, by
 * their badge. Plain TypeScript, no React: the content script's card can
 * use it too.
 */
export const selectionHeadlines: Record<SelectionOutcome, string> = {
  'in-signed-text': 'Part of the signed text',
  'not-in-signed-text': 'Not part of the signed text',
  'not-checked': 'Its proof was not checked',
  'found-in-proof': 'Found in a proof on this page',
  'found-in-other-snippet': 'Signed only for another snippet',
  'spans-proofs': 'Signed, across several snippets',
  'partly-signed': 'Only partly signed',
  'not-signed': 'No proof on this page signs it',
  'no-proofs': 'No proofs on this page',
  unreadable: 'Nothing to check',
};

/** Outcomes where every word of the quote is signed by a proof of the page. */
export function quoteIsSigned(outcome: SelectionOutcome): boolean {
  return outcome === 'in-signed-text' || outcome === 'found-in-proof' || outcome === 'spans-proofs';
}
