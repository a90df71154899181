/**
 * Where share links open: the address of a hosted copy of the static
 * verifier page (`npm run build:web`, web/). The project hosts none yet, so
 * the default is a placeholder that names the shape (docs/protocol.md §11);
 * a reader sets their own on the options page.
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
 * Whether `address` is a share link of the verifier page at `base`: the
 * same origin and path (query ignored), with a `#share=` fragment.
 */
export function isShareLinkAt(base: string, address: string): boolean {
  if (!URL.canParse(base) || !URL.canParse(address)) return false;
  const page = new URL(base);
  const link = new URL(address);
  return link.origin === page.origin && link.pathname === page.pathname && /^#share(=|%3D)/i.test(link.hash);
}
