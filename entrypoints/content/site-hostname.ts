/**
 * The host of the site the reader is on, as "disable on this site" means
 * it: the tab's page, also inside its frames. A cross-origin frame learns
 * the top page's origin from `location.ancestorOrigins` (Chrome); where
 * there is none (Firefox), from the top window when same-origin, else it
 * falls back to its own host.
 */
export function siteHostname(window: Window): string {
  if (window.top === window || window.top === null) return window.location.hostname;
  const ancestors = window.location.ancestorOrigins as DOMStringList | undefined;
  const topOrigin = ancestors !== undefined && ancestors.length > 0 ? ancestors[ancestors.length - 1] : undefined;
  if (topOrigin !== undefined && topOrigin !== null) {
    try {
      return new URL(topOrigin).hostname;
    } catch {
      // An opaque origin ("null"): read on.
    }
  }
  try {
    return window.top.location.hostname;
  } catch {
    return window.location.hostname;
  }
}
