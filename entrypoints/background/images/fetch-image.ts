import { ImageFetchError } from './errors';

/** Larger images are not read: a C2PA check of one would hold the engine for long, and real images are far smaller. */
export const maxImageBytes = 25 * 1024 * 1024;

export type FetchImageReturnType = { bytes: ArrayBuffer; contentType?: string };

/**
 * The image's bytes, from the browser's cache where the page's own load put
 * them. No cookies go with the request: the check needs the image, not the
 * reader's session with its site. A cross-origin image needs the host
 * permission the reader may grant, or CORS from its server.
 */
export async function fetchImage(url: string): Promise<FetchImageReturnType> {
  if (!/^https?:/i.test(url)) throw new ImageFetchError(`Only http(s) images are checked, not ${url.split(':')[0]}:`);
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit', cache: 'force-cache' });
  } catch (error) {
    throw new ImageFetchError('The image could not be fetched (a network error, or no permission to read it)', { cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new ImageFetchError(`The image could not be fetched: HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxImageBytes) {
    await response.body?.cancel();
    throw new ImageFetchError(`The image is larger than ${maxImageBytes / (1024 * 1024)} MiB`);
  }
  const bytes = await response.arrayBuffer();
  if (bytes.byteLength > maxImageBytes) throw new ImageFetchError(`The image is larger than ${maxImageBytes / (1024 * 1024)} MiB`);
  const contentType = response.headers.get('content-type');
  return { bytes, ...(contentType !== null && { contentType }) };
}
