import { displaySafe } from '../lib/text/display-safe';

/**
 * An image's address as a reader tells images apart: its host and file name (`cdn.example · cat.jpg`), display-safe,
 * as the page chose both (a decoded file name may hold bidi overrides); the address as given, display-safe, when it is
 * not one.
 */
export function imageFileName(url: string): string {
  return displaySafe(fileNameOf(url), { maxLength: 80 });
}

/**
 * The names of a list of images, each as `imageFileName` gives it, except
 * that images whose names are the same (`a.jpg?w=200` and `a.jpg?w=800`,
 * or the same file under two paths) are told apart: by the query and
 * fragment, else by the whole address.
 */
export function imageFileNames(urls: readonly string[]): string[] {
  const names = urls.map(fileNameOf);
  const withQueries = urls.map((url, index) => `${names[index]}${queryOf(url)}`);
  const repeated = (list: string[], index: number) => list.indexOf(list[index]!) !== list.lastIndexOf(list[index]!);
  return urls.map((url, index) => {
    if (!repeated(names, index)) return imageFileName(url);
    return displaySafe(repeated(withQueries, index) ? url : withQueries[index]!, { maxLength: 120 });
  });
}

const queryOf = (url: string) => {
  if (!URL.canParse(url)) return '';
  const { search, hash } = new URL(url);
  return `${search}${hash}`;
};

function fileNameOf(url: string): string {
  if (!URL.canParse(url)) return url;
  const { hostname, pathname } = new URL(url);
  const last = pathname.split('/').filter(Boolean).at(-1) ?? '/';
  let file = last;
  try {
    file = decodeURIComponent(last);
  } catch {
    // Not percent-encoded UTF-8: shown as written.
  }
  return `${hostname} · ${file}`;
}
