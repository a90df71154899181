import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { messageOf } from '../../components/error-message';
import type { PageProof } from '../../lib/extract/page-proof';
import { defaultShareLinkBase, shareLinkBaseFrom } from '../../lib/share/share-base';
import { shareLink } from '../../lib/share/share-link';
import { sharedProofOf } from '../../lib/share/shared-proof';
import { readShareLinkBase, shareLinkBaseItem } from '../../storage/settings-items';

export type ProofShareLinkReturnType = { ok: true; link: string } | { ok: false; reason: string };

/**
 * A share link for a proof: the proof as found and its text, and the page's
 * address when it is a web page. Never a verdict. It opens at `base`: the
 * reader's verifier page for links to send (useShareLinkBase), or this
 * browser's inspector for a link to open here (the default).
 */
export function proofShareLink(proof: Omit<PageProof, 'id'> & { id?: string }, pageUrl?: string, base = browser.runtime.getURL('/inspector.html')): ProofShareLinkReturnType {
  try {
    return { ok: true, link: shareLink(base, sharedProofOf(proof, pageUrl)) };
  } catch (error) {
    return { ok: false, reason: messageOf(error) };
  }
}

/** The verifier page share links to send open at (the options page sets it), kept current. */
export function useShareLinkBase(): string {
  const [base, setBase] = useState(defaultShareLinkBase);
  useEffect(() => {
    let closed = false;
    readShareLinkBase().then((read) => !closed && setBase(read), () => undefined);
    const unwatch = shareLinkBaseItem.watch((stored) => setBase(shareLinkBaseFrom(stored)));
    return () => {
      closed = true;
      unwatch();
    };
  }, []);
  return base;
}
