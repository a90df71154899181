import { manifestInPrefix } from '../../../lib/c2pa/manifest-prefix';
import { ImageFetchError } from './errors';

/** Larger images are not read: a C2PA check of one would hold the engine for long, and real images are far smaller. */
export const maxImageBytes = 25 * 1024 * 1024;

/** The first bytes asked for before a full download: a JPEG's header with its EXIF, ICC and XMP nearly always fits. */
export const probeBytes = 64 * 1024;

/** The image's bytes, or `absent`: its first bytes showed it has no Content Credentials, and the rest was never downloaded. */
export type FetchImageReturnType = { bytes: ArrayBuffer; contentType?: string } | { manifest: 'absent' };

/**
 * The image's bytes, each downloaded once. First a ranged request for its
 * first `probeBytes`: where the server answers 206 and those bytes rule a
 * manifest out (lib/c2pa/manifest-prefix.ts), that is all; where they hold
 * the whole image, they are used; else only the rest is asked for and
 * joined to them (`readRest`). A server that ignores ranges sends it all at
 * once, which is read as the full download. No cookies go with the
 * requests: the check needs the image, not the reader's session with its
 * site. A cross-origin image needs the host permission the reader may
 * grant, or CORS from its server.
 */
export async function fetchImage(url: string): Promise<FetchImageReturnType> {
  if (!/^https?:/i.test(url)) throw new ImageFetchError(`Only http(s) images are checked, not ${url.split(':')[0]}:`);
  const probe = await request(url, { range: `bytes=0-${probeBytes - 1}` });
  const probed = probe.status === 206 ? rangeOf(probe.headers.get('content-range')) : undefined;
  if (probed?.start !== 0) return readWhole(probe.status === 206 || probe.status === 416 ? await drop(probe).then(() => request(url)) : probe);
  const { total } = probed;
  if (total > maxImageBytes) {
    await drop(probe);
    throw new ImageFetchError(`The image is larger than ${maxImageBytes / (1024 * 1024)} MiB`);
  }
  const prefix = await probe.arrayBuffer();
  if (prefix.byteLength >= total) return withType({ bytes: prefix.slice(0, total) }, probe);
  if (manifestInPrefix(new Uint8Array(prefix)) === 'absent') return { manifest: 'absent' };
  return readRest(url, { prefix, total, probe });
}

/**
 * The bytes after the probe's (`Range: bytes=N-`), joined to them. A 200 is
 * the whole image, used as it is; a 206 is used only if it begins where the
 * probe ended, runs to the same total, and names the same version of the
 * image (its strong ETag, else its Last-Modified, where the server gives
 * them): two versions joined would read as an altered image. Anything else
 * is dropped for one whole download. (`If-Range` would ask the server the
 * same, but is no CORS-safelisted header: an image read through CORS would
 * need a preflight.)
 */
async function readRest(url: string, { prefix, total, probe }: { prefix: ArrayBuffer; total: number; probe: Response }): Promise<FetchImageReturnType> {
  const rest = await request(url, { range: `bytes=${prefix.byteLength}-` });
  if (rest.status === 200) return readWhole(rest);
  const range = rest.status === 206 ? rangeOf(rest.headers.get('content-range')) : undefined;
  if (range === undefined || range.start !== prefix.byteLength || range.end !== total - 1 || range.total !== total || versionOf(rest.headers) !== versionOf(probe.headers)) {
    await drop(rest);
    return readWhole(await request(url));
  }
  const tail = await rest.arrayBuffer();
  if (prefix.byteLength + tail.byteLength !== total) return readWhole(await request(url));
  const bytes = new Uint8Array(total);
  bytes.set(new Uint8Array(prefix));
  bytes.set(new Uint8Array(tail), prefix.byteLength);
  return withType({ bytes: bytes.buffer }, probe);
}

/** What names this version of the image: a strong ETag (a weak one may name several), else Last-Modified. */
function versionOf(headers: Headers): string | undefined {
  const etag = headers.get('etag');
  if (etag !== null && !etag.startsWith('W/')) return etag;
  return headers.get('last-modified') ?? undefined;
}

async function request(url: string, headers: Record<string, string> = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit', cache: 'force-cache', headers });
  } catch (error) {
    throw new ImageFetchError('The image could not be fetched (a network error, or no permission to read it)', { cause: error });
  }
  // 416: a range the server could not give (an empty file): the caller asks again without one.
  if (!response.ok && response.status !== 416) {
    await drop(response);
    throw new ImageFetchError(`The image could not be fetched: HTTP ${response.status}`);
  }
  return response;
}

async function readWhole(response: Response): Promise<FetchImageReturnType> {
  if (!response.ok) {
    await drop(response);
    throw new ImageFetchError(`The image could not be fetched: HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxImageBytes) {
    await drop(response);
    throw new ImageFetchError(`The image is larger than ${maxImageBytes / (1024 * 1024)} MiB`);
  }
  const bytes = await response.arrayBuffer();
  if (bytes.byteLength > maxImageBytes) throw new ImageFetchError(`The image is larger than ${maxImageBytes / (1024 * 1024)} MiB`);
  return withType({ bytes }, response);
}

function withType(image: { bytes: ArrayBuffer }, response: Response): FetchImageReturnType {
  const contentType = response.headers.get('content-type');
  return { ...image, ...(contentType !== null && { contentType }) };
}

/** A `Content-Range: bytes START-END/TOTAL`; undefined for any other form, or an unknown total. */
function rangeOf(header: string | null): { start: number; end: number; total: number } | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header?.trim() ?? '');
  return match === null ? undefined : { start: Number(match[1]), end: Number(match[2]), total: Number(match[3]) };
}

const drop = async (response: Response): Promise<void> => void (await response.body?.cancel());
