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
