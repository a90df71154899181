import { readShareFragment } from './share-link';

/**
 * Where share links open: the address of a hosted copy of the static
 * verifier page (`npm run build:web`, web/). The project hosts none yet, so
 * the default is a placeholder that names the shape (docs/protocol.md §11):
 * its links open only where Verity is installed, until a reader sets their
 * own page on the options page.
 */
export const defaultShareLinkBase = 'https://verity.example/verify/';

/** The stored base as a usable one: an http(s) address, its own fragment dropped; the default for anything else. */
export function shareLinkBaseFrom(stored: unknown): string {
  if (typeof stored !== 'string') return defaultShareLinkBase;
  const reason = shareLinkBaseProblem(stored);
  return reason === undefined ? stored.trim().split('#')[0]! : defaultShareLinkBase;
}

/** Why a typed base cannot be used, in words for the options page; undefined when it can. */
export function shareLinkBaseProblem(text: string): string | undefined {
  const value = text.trim();
  if (value === '') return 'Enter the address of a Verity verifier page.';
  if (!URL.canParse(value)) return 'That is not a web address (it should start with https://).';
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Share links must open at an https:// (or http://) address.';
  if (url.username !== '' || url.password !== '') return 'The address must not carry a user name or password.';
  return undefined;
}

/**
 * Whether a link at `address` opens in a browser without Verity: an http(s)
 * address, but not the placeholder or any other `.example` one, a name
 * reserved never to resolve (RFC 2606).
 */
export function opensWithoutVerity(address: string): boolean {
  if (!URL.canParse(address)) return false;
  const { protocol, hostname } = new URL(address);
  return (protocol === 'https:' || protocol === 'http:') && hostname !== 'example' && !hostname.endsWith('.example');
}

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
