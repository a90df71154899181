import { browser } from 'wxt/browser';

/**
 * The match pattern of an image's own site, `scheme://host/*` (a pattern
 * names no port); undefined for an address that is not http(s).
 */
export function imageSitePattern(url: string): string | undefined {
  const parsed = URL.parse(url);
  return parsed !== null && /^https?:$/.test(parsed.protocol) ? `${parsed.protocol}//${parsed.hostname}/*` : undefined;
}

/** Whether a frame at `frameUrl` would need the image's server to share it (CORS) to read its bytes. */
export function isOtherOrigin(imageUrl: string, frameUrl: string | undefined): boolean {
  const image = URL.parse(imageUrl);
  const frame = frameUrl === undefined ? null : URL.parse(frameUrl);
  return image === null || frame === null || image.origin !== frame.origin;
}

/**
 * For "Verify image with Verity" on an image from another site than its
 * frame's, without the grant of image access: whether Verity may read that
 * one site's images, asking the reader if it may not yet. Browsers ask only
 * during the reader's gesture, so this is called in the menu's click
 * handler before any await; both calls start at once for that reason.
 * Resolves false when refused, or when the browser would not ask (no
 * gesture): the frame's own read is then all there is.
 */
export function requestImageSiteAccess(url: string): Promise<boolean> {
  const pattern = imageSitePattern(url);
  if (pattern === undefined) return Promise.resolve(false);
  const held = browser.permissions.contains({ origins: [pattern] }).catch(() => false);
  const asked = browser.permissions.request({ origins: [pattern] }).catch(() => false);
  return held.then((has) => has || asked);
}
