import type { AnchorSet } from '../lib/c2pa/anchor-sets';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { checkImage } from '../lib/c2pa/check-image';
import { unreadImageVerdict, type ImageVerdict } from '../lib/c2pa/image-verdict';
import { openShadowRootsBelow } from '../lib/extract/open-shadow-roots';
import { startC2paEngine } from './c2pa-engine';
import { chosenImageSource } from './image-source-choice';
import { readLimited } from './read-limited';

/** Images of one page checked at most; the rest are counted as not checked. */
export const maxPageImages = 50;
/** Largest image read, as the extension's (entrypoints/background/images/fetch-image.ts). */
export const maxImageBytes = 25 * 1024 * 1024;
const fetchTimeoutMs = 30_000;
/** Images read and checked at once. */
const concurrency = 4;

/** One `img` of the page: its address as written and as resolved, and its verdict (null: no Content Credentials). */
export type CheckedPageImage = {
  /** The first `img` with this address, in document order, from 0. */
  index: number;
  /** The address the `img` shows (cli/image-source-choice.ts: its `<picture>` source, `srcset` or `src`), as the page wrote it. */
  src: string;
  /** The address it resolves to; null when it cannot be resolved or may not be read. */
  url: string | null;
  image: ImageVerdict | null;
};

export type CheckPageImagesParameters = {
  document: Document;
  /** Its `img` elements, as `pageImageElements` lists them. */
  images: readonly HTMLImageElement[];
  /** The page's own address: its final http(s) URL, a file: URL for a file, undefined for standard input. */
  pageUrl: string | undefined;
  trustAnchors: readonly AnchorSet[];
};

export type CheckPageImagesReturnType = { images: CheckedPageImage[]; notChecked: number };

/**
 * The Content Credentials of a page's `img` sources (the one each shows:
 * cli/image-source-choice.ts; CSS images are not read), each address once. Relative addresses
 * resolve against the page (and its `<base href>`). A web page's images are
 * read only over http(s) or from `data:` URLs, never from the reader's
 * files; a file page's may also be files. What cannot be read is
 * `unavailable`, with why, and marked `imageUnread`: the table lists it, a
 * report (of images with Content Credentials) leaves it out.
 */
export async function checkPageImages({ document, images: elements, pageUrl, trustAnchors }: CheckPageImagesParameters): Promise<CheckPageImagesReturnType> {
  const base = baseOf(document, pageUrl);
  const seen = new Map<string, number>();
  const found: { index: number; src: string; url: URL | string }[] = [];
  for (const [index, element] of elements.entries()) {
    const src = chosenImageSource(element);
    if (src === undefined) continue;
    const url = resolve(src, base, pageUrl);
    const key = typeof url === 'string' ? `!${src}` : url.href;
    if (seen.has(key)) continue;
    seen.set(key, index);
    found.push({ index, src, url });
  }
  const checked = found.slice(0, maxPageImages);
  if (checked.length > 0) startC2paEngine();
  const images: CheckedPageImage[] = new Array(checked.length);
  let next = 0;
  const worker = async () => {
    while (next < checked.length) {
      const at = next++;
      const { index, src, url } = checked[at]!;
      const image = typeof url === 'string' ? unreadImageVerdict(url) : await checkOne(url, trustAnchors);
      images[at] = { index, src, url: typeof url === 'string' ? null : url.href, image };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { images, notChecked: found.length - checked.length };
}

/** The page's `img` elements: the document's, then those in its open shadow roots (in the order proofs are listed). */
export function pageImageElements(document: Document): HTMLImageElement[] {
  return [document, ...openShadowRootsBelow(document)].flatMap((scope) => [...scope.querySelectorAll('img')]);
}

/** The `<base href>` resolved against the page's address, else the page's address. */
function baseOf(document: Document, pageUrl: string | undefined): string | undefined {
  const href = document.querySelector('base[href]')?.getAttribute('href');
  if (href === null || href === undefined || !URL.canParse(href, pageUrl)) return pageUrl;
  return new URL(href, pageUrl).href;
}

/** The address to read, or why it is not read. */
function resolve(src: string, base: string | undefined, pageUrl: string | undefined): URL | string {
  if (!URL.canParse(src, base)) return base === undefined ? 'A relative address, and the page has no address to resolve it against' : 'Not a valid address';
  const url = new URL(src, base);
  if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'data:') return url;
  // A page from the web never makes the CLI read the reader's files.
  if (url.protocol === 'file:' && pageUrl?.startsWith('file:')) return url;
  return `An image at a ${url.protocol} address is not read from ${pageUrl?.startsWith('file:') ? 'a file' : 'a web page'}`;
}

async function checkOne(url: URL, trustAnchors: readonly AnchorSet[]): Promise<ImageVerdict | null> {
  let read: { bytes: Uint8Array; contentType?: string };
  try {
    read = url.protocol === 'file:' ? await readImageFile(url) : await fetchImage(url);
  } catch (error) {
    return unreadImageVerdict(`The image could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return checkImage({ bytes: read.bytes, declaredType: read.contentType, trustAnchors });
}

async function readImageFile(url: URL): Promise<{ bytes: Uint8Array }> {
  const path = fileURLToPath(url);
  const { size } = await stat(path);
  if (size > maxImageBytes) throw new Error(`it is over the ${maxImageBytes}-byte limit`);
  return { bytes: await readLimited({ chunks: createReadStream(path), maxBytes: maxImageBytes, source: path }) };
}

async function fetchImage(url: URL): Promise<{ bytes: Uint8Array; contentType?: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(fetchTimeoutMs), redirect: 'follow' });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`HTTP ${response.status}`);
  }
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > maxImageBytes) {
    await response.body?.cancel();
    throw new Error(`it is over the ${maxImageBytes}-byte limit`);
  }
  const bytes = response.body === null ? new Uint8Array() : await readLimited({ chunks: response.body, maxBytes: maxImageBytes, source: url.href });
  const contentType = response.headers.get('content-type');
  return { bytes, ...(contentType !== null && { contentType }) };
}
