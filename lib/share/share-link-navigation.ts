import { readShareFragment } from './read-share-link';

/**
 * Whether a top-frame navigation to `address` is a share link this Verity
 * opens itself: any link to the page at the reader's `base` (a damaged one
 * is explained there), and a link to any other verifier page — another
 * reader's — whose fragment reads as a share link. Another site's own
 * `#share=` fragment that does not read as one loads as usual.
 */
export function isShareLinkNavigation(base: string, address: string): boolean {
  if (isShareLinkAt(base, address)) return true;
  if (!URL.canParse(address)) return false;
  const { protocol, hash } = new URL(address);
  return (protocol === 'https:' || protocol === 'http:') && /^#share(=|%3D)v/i.test(hash) && readShareFragment(hash).ok;
}

/**
 * Whether `address` is a share link of the verifier page at `base`: the
 * same origin and path (query ignored), with a `#share=` fragment.
 */
export function isShareLinkAt(base: string, address: string): boolean {
  if (!URL.canParse(base) || !URL.canParse(address)) return false;
  const page = new URL(base);
  const link = new URL(address);
  return link.origin === page.origin && link.pathname === page.pathname && /^#share(=|%3D)/i.test(link.hash);
}
