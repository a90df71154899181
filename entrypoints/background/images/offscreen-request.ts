import type { AnchorSet } from '../../../lib/c2pa/anchor-sets';

/**
 * The requests the worker sends the offscreen document (Chrome): check the
 * image at a URL, or bytes a page's content script read (base64). They go
 * by runtime.sendMessage, which every extension page hears too: `target`
 * tells the offscreen document's listener that it is the one to answer, and
 * the others' that they are not.
 */
export type OffscreenImageRequest =
  | { target: 'verity-offscreen'; type: 'check-image-url'; url: string; trustAnchors: readonly AnchorSet[]; keepManifestStore?: boolean }
  | { target: 'verity-offscreen'; type: 'check-image-bytes'; bytes: string; contentType?: string; trustAnchors: readonly AnchorSet[] };

export function isOffscreenImageRequest(message: unknown): message is OffscreenImageRequest {
  const candidate = message as { target?: unknown; type?: unknown; url?: unknown; bytes?: unknown; trustAnchors?: unknown } | null;
  if (candidate?.target !== 'verity-offscreen' || !Array.isArray(candidate.trustAnchors)) return false;
  return (candidate.type === 'check-image-url' && typeof candidate.url === 'string') || (candidate.type === 'check-image-bytes' && typeof candidate.bytes === 'string');
}
