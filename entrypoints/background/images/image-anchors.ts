import { browser } from 'wxt/browser';

/**
 * Where the reader's own trust anchors for Content Credentials are kept
 * (PEM, in storage.local), until the options page and the managed policy
 * write them (issue 15). The C2PA Trust List is not shipped yet: with no
 * anchor, a valid manifest is `untrusted`.
 */
export const imageAnchorsKey = 'verity.c2pa.anchors';

export async function readImageAnchors(): Promise<string> {
  const stored = (await browser.storage.local.get(imageAnchorsKey))[imageAnchorsKey];
  return typeof stored === 'string' ? stored : '';
}
