import type { AnchorSet } from '../../../lib/c2pa/anchor-sets';
import { unreadImageVerdict, type ImageVerdict } from '../../../lib/c2pa/image-verdict';
import type { EnginePool } from './engine-pool';
import { ImageFetchError } from './errors';
import { fetchImage } from './fetch-image';

export type ImageUrlCheck = {
  /** Null for an image without Content Credentials: no badge. */
  verdict: ImageVerdict | null;
  /** The engine's time on the image; absent when it was never read. */
  engineMs?: number;
};

/**
 * Fetches an image and checks it in the engine worker, in the context that
 * owns the worker (Chrome's offscreen document, Firefox's background page).
 * What could not be fetched is `unavailable` with the reason, marked
 * `imageUnread`: nothing says it has Content Credentials.
 */
export async function checkImageUrl(
  pool: EnginePool,
  { url, trustAnchors, keepManifestStore }: { url: string; trustAnchors: readonly AnchorSet[]; keepManifestStore?: boolean | undefined },
): Promise<ImageUrlCheck> {
  let image;
  try {
    image = await fetchImage(url);
  } catch (error) {
    if (error instanceof ImageFetchError) return { verdict: unreadImageVerdict(error.message) };
    throw error;
  }
  // Its first bytes showed no manifest: no badge, and the engine never ran.
  if ('manifest' in image) return { verdict: null };
  const { verdict, ms } = await pool.check({ bytes: image.bytes, declaredType: image.contentType, trustAnchors, keepManifestStore });
  return { verdict, engineMs: ms };
}
