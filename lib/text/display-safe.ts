import { terminalSafe } from './terminal-safe';

export type DisplaySafeOptions = {
  /** Most characters (code points) shown, "…" included. Default 200. */
  maxLength?: number;
};

/** Default for a label; long claims are cut sooner where they sit beside facts (claimMaxLength). */
export const labelMaxLength = 200;

/** How much of a claim the page makes (a model name) is shown beside verified facts. */
export const claimMaxLength = 60;

const whitespace = /\s+/gu;
// Bidi embeddings, overrides and isolates are Cf too, but terminalSafe has written them out by now.
const invisibleFormat = /\p{Cf}/gu;

/**
 * `text` as a one-line label that cannot reorder, hide or overrun what is
 * around it. For text a page chose (a model name, a page title, an address, a
 * decoded field) shown to the reader as a label beside Verity's own words. The
 * reader must see what the characters are, not what they were built to look
 * like, so the label:
 *
 * - has its whitespace, line breaks included, collapsed to single spaces;
 * - shows controls and bidi embeddings, overrides and isolates written out
 *   as `\u{202E}`, exactly as the CLI prints them (terminalSafe), so a
 *   reordered label is visibly marked, never silently "fixed";
 * - loses the other invisible format characters (Unicode category Cf:
 *   LRM/RLM/ALM, zero-width spaces and joiners, soft hyphens, tags), which
 *   can hide or reorder characters without being seen;
 * - is cut to `maxLength` characters with "…". The exact text stays where
 *   exact text belongs: the inspector's raw envelope and JSON reports.
 */
export function displaySafe(text: string, { maxLength = labelMaxLength }: DisplaySafeOptions = {}): string {
  const visible = terminalSafe(text.replace(whitespace, ' ').trim()).replace(invisibleFormat, '');
  return cut(visible, maxLength);
}

/**
 * A page-supplied address as its origin only: scheme, host and port, never
 * the user name and password (`https://bank.example@evil.example` shows
 * `https://evil.example`), the path or the query. Hosts are always shown as
 * the WHATWG URL parser gives them, so an internationalised host is in
 * punycode (`аpple.com` with a Cyrillic а shows `https://xn--pple-43d.com`):
 * Verity does not try to tell honest Unicode hosts from look-alikes.
 * Undefined for anything but an http(s) address.
 */
export function displayOrigin(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.origin;
}

export type DisplayLink = { href: string; text: string };

/**
 * A page-supplied address as a link a reader can follow safely: https only
 * (never javascript:, data: or a plain-http page an attacker on the network
 * can rewrite), the link text its origin (displayOrigin), so where it leads
 * is what is read. The href is the parser's serialisation, without a user
 * name or password. Undefined for anything else.
 */
export function displayLink(url: string): DisplayLink | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') return undefined;
  parsed.username = '';
  parsed.password = '';
  return { href: parsed.href, text: parsed.origin };
}

function cut(text: string, maxLength: number): string {
  const characters = Array.from(text);
  return characters.length <= maxLength ? text : `${characters.slice(0, Math.max(0, maxLength - 1)).join('')}…`;
}
