import { browser } from 'wxt/browser';
import { messageOf } from '../../components/error-message';
import type { PageProof } from '../../lib/extract/page-proof';
import { shareLink } from '../../lib/share/share-link';
import type { SharedProof } from '../../lib/share/types';

export type ProofShareLinkReturnType = { ok: true; link: string } | { ok: false; reason: string };

/**
 * The inspector's share link for a proof: the proof as found and its text,
 * and the page's address when it is a web page (the only kind a link
 * carries). Never a verdict.
 */
export function proofShareLink(proof: Omit<PageProof, 'id'> & { id?: string }, pageUrl?: string): ProofShareLinkReturnType {
  const { id: _id, ...found } = proof;
  const shared: SharedProof = { proof: found, ...(pageUrl && /^https?:\/\//i.test(pageUrl) && { pageUrl }) };
  try {
    return { ok: true, link: shareLink(browser.runtime.getURL('/inspector.html'), shared) };
  } catch (error) {
    return { ok: false, reason: messageOf(error) };
  }
}
