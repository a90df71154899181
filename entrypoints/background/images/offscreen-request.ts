/**
 * The one request the worker sends the offscreen document (Chrome). It goes
 * by runtime.sendMessage, which every extension page hears too: `target`
 * tells the offscreen document's listener that it is the one to answer, and
 * the others' that they are not.
 */
export type OffscreenImageRequest = { target: 'verity-offscreen'; type: 'check-image-url'; url: string; trustAnchors: string };

export function isOffscreenImageRequest(message: unknown): message is OffscreenImageRequest {
  const candidate = message as Partial<OffscreenImageRequest> | null;
  return candidate?.target === 'verity-offscreen' && candidate.type === 'check-image-url' && typeof candidate.url === 'string' && typeof candidate.trustAnchors === 'string';
}
