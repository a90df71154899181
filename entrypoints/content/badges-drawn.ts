import { drawnCheckMs, hasDrawnReports, type DrawnEntry, type DrawnObserverInit } from './drawn-watch';

/**
 * Tells when a placed badge in view comes to be drawn under something, or
 * faded, by Chromium's IntersectionObserver v2, whose hit test sees the
 * boxes with `pointer-events: none` that the badge check's do not: the
 * badge is then looked at through every box (see-through.ts). Firefox has
 * no such observer; there a badge is looked through when the reader
 * reaches it (a look at every badge placed would restyle the page each
 * frame badges go in, and a page's theme change re-places them all).
 */
export type BadgesDrawn = {
  watch(host: Element): void;
  stop(): void;
};

export type WatchBadgesDrawnParameters = {
  /** A badge in view is drawn under something, or faded, when it was not (or when first told). */
  onObscured: (host: Element) => void;
};

export function watchBadgesDrawn({ onObscured }: WatchBadgesDrawnParameters): BadgesDrawn {
  if (!hasDrawnReports()) return { watch() {}, stop() {} };
  const obscuredBefore = new WeakMap<Element, boolean>();
  const init: DrawnObserverInit = { trackVisibility: true, delay: drawnCheckMs };
  const observer = new IntersectionObserver((entries) => {
    for (const { target, isIntersecting, isVisible } of entries as DrawnEntry[]) {
      // A badge taken out of the page is let go: one put back is watched again.
      if (!target.isConnected) {
        observer.unobserve(target);
        obscuredBefore.delete(target);
        continue;
      }
      const obscured = isIntersecting && isVisible === false;
      if (obscured && obscuredBefore.get(target) !== true) onObscured(target);
      obscuredBefore.set(target, obscured);
    }
  }, init);
  return {
    watch: (host) => observer.observe(host),
    stop: () => observer.disconnect(),
  };
}
