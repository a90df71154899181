import { isOwnNode } from '../own-nodes';
import { reportAllShadowRootsEvent, reportedRootOf, shadowRootEvent } from '../shadow-root-events';

/** Smaller than this either side, as rendered, an image is an icon or a spacer: not checked. */
export const minImageSide = 64;

/** How near the viewport an image is checked: one viewport above and below, so a reader scrolling finds its badge there. */
export const imageMargin = '100% 0px 100% 0px';

export type WatchPageImagesParameters = {
  signal: AbortSignal;
  document: Document;
  /** An image near the viewport, large enough, at the http(s) URL it shows (`currentSrc`: the srcset's choice). Once per element and URL. */
  onImage: (image: HTMLImageElement, url: string) => void;
  /** An image given before now shows another URL (a carousel reusing its element): what was said of the old one no longer holds. */
  onSourceChanged: (image: HTMLImageElement) => void;
  /** Nodes left the page: images given before may have gone with them. */
  onRemoved: () => void;
};

const sourceOf = (image: HTMLImageElement): string => image.currentSrc || image.src;

/**
 * Finds the page's images without walking the DOM: one native query at
 * the start, then the added nodes of a childList observer (an added
 * subtree is queried natively too), in the document and in each open
 * shadow root the page's world reports. One IntersectionObserver says which
 * are near the viewport, and gives their rendered size without a layout
 * of ours. An image still loading is looked at again once it has loaded,
 * and one given before, again when it loads another URL.
 */
export function watchPageImages({ signal, document, onImage, onSourceChanged, onRemoved }: WatchPageImagesParameters): void {
  const seen = new WeakSet<HTMLImageElement>();
  const listening = new WeakSet<HTMLImageElement>();
  const given = new WeakMap<HTMLImageElement, string>();

  const intersections = new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting, boundingClientRect } of entries) {
        if (!isIntersecting) continue;
        const image = target as HTMLImageElement;
        listenForLoads(image);
        // Still loading: its load observes it again, for an entry with its rendered size.
        if (!image.complete) continue;
        intersections.unobserve(image);
        // A broken image has nothing to check.
        if (image.naturalWidth === 0 || boundingClientRect.width < minImageSide || boundingClientRect.height < minImageSide) continue;
        const url = sourceOf(image);
        if (!/^https?:/i.test(url)) continue;
        given.set(image, url);
        onImage(image, url);
      }
    },
    { rootMargin: imageMargin },
  );

  function listenForLoads(image: HTMLImageElement): void {
    if (listening.has(image)) return;
    listening.add(image);
    image.addEventListener(
      'load',
      () => {
        if (!image.isConnected) return;
        const before = given.get(image);
        if (before !== undefined && before === sourceOf(image)) return;
        if (before !== undefined) {
          given.delete(image);
          onSourceChanged(image);
        }
        intersections.unobserve(image);
        intersections.observe(image);
      },
      { passive: true, signal },
    );
  }

  const watch = (image: HTMLImageElement): void => {
    if (seen.has(image)) return;
    seen.add(image);
    intersections.observe(image);
  };
  const watchWithin = (root: Document | Element | ShadowRoot): void => {
    for (const image of root.querySelectorAll('img')) watch(image);
  };

  const additions = new MutationObserver((records) => {
    let removed = false;
    for (const { addedNodes, removedNodes } of records) {
      if (removedNodes.length > 0) removed = true;
      for (const node of addedNodes) {
        if (node.nodeType !== 1) continue;
        const element = node as Element;
        if (element.localName === 'img') watch(element as HTMLImageElement);
        else if (!isOwnNode(element) && element.firstElementChild !== null) watchWithin(element);
      }
    }
    if (removed) onRemoved();
  });

  watchWithin(document);
  additions.observe(document, { childList: true, subtree: true });
  // Open shadow roots, as the page's world reports them (shadow-roots.content.ts): no query or observer reaches into them.
  const shadowRoots = new WeakSet<ShadowRoot>();
  document.addEventListener(
    shadowRootEvent,
    (event) => {
      const root = reportedRootOf(event);
      if (!root || shadowRoots.has(root)) return;
      shadowRoots.add(root);
      watchWithin(root);
      additions.observe(root, { childList: true, subtree: true });
    },
    { capture: true, signal },
  );
  // Those attached before now; the page scanner asks for each one added later, which this hears too.
  document.dispatchEvent(new Event(reportAllShadowRootsEvent));
  signal.addEventListener(
    'abort',
    () => {
      intersections.disconnect();
      additions.disconnect();
    },
    { once: true },
  );
}
