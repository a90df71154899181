import { manifestInPrefix } from '../../../lib/c2pa/manifest-prefix';
import { ImageFetchError } from './errors';

/** Larger images are not read: a C2PA check of one would hold the engine for long, and real images are far smaller. */
export const maxImageBytes = 25 * 1024 * 1024;

/** The first bytes asked for before a full download: a JPEG's header with its EXIF, ICC and XMP nearly always fits. */
export const probeBytes = 64 * 1024;

/** The image's bytes, or `absent`: its first bytes showed it has no Content Credentials, and the rest was never downloaded. */
export type FetchImageReturnType = { bytes: ArrayBuffer; contentType?: string } | { manifest: 'absent' };

/**
 * The image's bytes, from the browser's cache where the page's own load put
 * them. First a ranged request for its first `probeBytes`: where the server
 * answers 206 and those bytes rule a manifest out (lib/c2pa/manifest-prefix.ts),
 * that is all; where they hold the whole image, they are used; else the
 * image is fetched whole, once. A server that ignores ranges sends it all at
 * once, which is read as the full download. No cookies go with the
 * requests: the check needs the image, not the reader's session with its
 * site. A cross-origin image needs the host permission the reader may
 * grant, or CORS from its server.
 */
export async function fetchImage(url: string): Promise<FetchImageReturnType> {
  if (!/^https?:/i.test(url)) throw new ImageFetchError(`Only http(s) images are checked, not ${url.split(':')[0]}:`);
  const probe = await request(url, { range: `bytes=0-${probeBytes - 1}` });
  const total = probe.status === 206 ? totalOfRange(probe.headers.get('content-range')) : undefined;
  if (total === undefined) return readWhole(probe.status === 206 || probe.status === 416 ? await drop(probe).then(() => request(url)) : probe);
  if (total > maxImageBytes) {
    await drop(probe);
    throw new ImageFetchError(`The image is larger than ${maxImageBytes / (1024 * 1024)} MiB`);
  }
  const prefix = await probe.arrayBuffer();
  if (prefix.byteLength >= total) return withType({ bytes: prefix.slice(0, total) }, probe);
  if (manifestInPrefix(new Uint8Array(prefix)) === 'absent') return { manifest: 'absent' };
  return readWhole(await request(url));
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

/** The full length a `Content-Range: bytes 0-N/TOTAL` names; undefined for any other range or an unknown total. */
function totalOfRange(header: string | null): number | undefined {
  const match = /^bytes 0-\d+\/(\d+)$/.exec(header?.trim() ?? '');
  return match === null ? undefined : Number(match[1]);
}

const drop = async (response: Response): Promise<void> => void (await response.body?.cancel());
