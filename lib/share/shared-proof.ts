import type { PageProof } from '../extract/page-proof';
import type { SharedProof } from './types';

/**
 * What a share link carries of a proof: the proof as found and its texts,
 * and the page's address when it is a web page. Never a verdict, nor the
 * shown links and images (the link format has no place for them: a reader's
 * Verity checks the text alone).
 */
export function sharedProofOf(proof: Omit<PageProof, 'id'> & { id?: string }, pageUrl?: string): SharedProof {
  const { form, raw, shownText, renderedText, problem, shownTextComplete } = proof;
  return {
    proof: { form, raw, shownText, renderedText, ...(problem && { problem }), ...(shownTextComplete === false && { shownTextComplete }) },
    ...(pageUrl && /^https?:\/\//i.test(pageUrl) && { pageUrl }),
  };
}
