import { displaySafe } from '../lib/text/display-safe';

/**
 * An image's address as a reader tells images apart: its host and file name (`cdn.example · cat.jpg`), display-safe,
 * as the page chose both (a decoded file name may hold bidi overrides); the address as given, display-safe, when it is
 * not one.
 */
export function imageFileName(url: string): string {
  if (!URL.canParse(url)) return displaySafe(url, { maxLength: 80 });
  const { hostname, pathname } = new URL(url);
  const last = pathname.split('/').filter(Boolean).at(-1) ?? '/';
  let file = last;
  try {
    file = decodeURIComponent(last);
  } catch {
    // Not percent-encoded UTF-8: shown as written.
  }
  return displaySafe(`${hostname} · ${file}`, { maxLength: 80 });
}
