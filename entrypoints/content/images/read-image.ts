import { bytesToBase64 } from '../../background/images/image-bytes';
import { maxImageBytes } from '../../background/images/fetch-image';

export type ReadImageReturnType = { bytes: string; contentType?: string } | { error: string };

/**
 * The image's bytes as this frame reads them, for "Verify image with
 * Verity" without the grant of image access: the page's own images
 * (same-origin, with the page's cookies as its <img> had) and those whose
 * server allows CORS, mostly from the browser's cache. Never rejects.
 */
export async function readImage(url: string): Promise<ReadImageReturnType> {
  if (!/^https?:/i.test(url)) return { error: 'Only http(s) images are checked' };
  try {
    const response = await fetch(url, { cache: 'force-cache' });
    if (!response.ok) {
      await response.body?.cancel();
      return { error: `The image could not be fetched: HTTP ${response.status}` };
    }
    if (Number(response.headers.get('content-length') ?? 0) > maxImageBytes) {
      await response.body?.cancel();
      return { error: `The image is larger than ${maxImageBytes / (1024 * 1024)} MiB` };
    }
    const bytes = await response.arrayBuffer();
    if (bytes.byteLength > maxImageBytes) return { error: `The image is larger than ${maxImageBytes / (1024 * 1024)} MiB` };
    const contentType = response.headers.get('content-type');
    return { bytes: bytesToBase64(bytes), ...(contentType !== null && { contentType }) };
  } catch {
    return { error: 'The image could not be read from this page (its server does not share it with other sites); allow image checks in Verity’s settings to check it' };
  }
}
