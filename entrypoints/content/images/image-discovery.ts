import { badgeTag } from '../badge';

/** Smaller than this either side, as rendered, an image is an icon or a spacer: not checked. */
export const minImageSide = 64;

/** How near the viewport an image is checked: one viewport above and below, so a reader scrolling finds its badge there. */
export const imageMargin = '100% 0px 100% 0px';

export type WatchPageImagesParameters = {
  signal: AbortSignal;
  document: Document;
  /** An image near the viewport, large enough, at the http(s) URL it shows (`currentSrc`: the srcset's choice). Once per element. */
  onImage: (image: HTMLImageElement, url: string) => void;
};

/**
 * Finds the page's images without walking the DOM: one native query at
 * the start, then the added nodes a childList observer reports (an added
 * subtree is queried natively too). One IntersectionObserver says which
 * are near the viewport, and gives their rendered size without a layout
 * of ours. An image still loading is looked at again once it has loaded.
 */
export function watchPageImages({ signal, document, onImage }: WatchPageImagesParameters): void {
  const seen = new WeakSet<HTMLImageElement>();
  const waiting = new WeakSet<HTMLImageElement>();

  const intersections = new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting, boundingClientRect } of entries) {
        if (!isIntersecting) continue;
        const image = target as HTMLImageElement;
        if (!image.complete) {
          waitForLoad(image);
          continue;
        }
        intersections.unobserve(image);
        // A broken image has nothing to check.
        if (image.naturalWidth === 0) continue;
        if (boundingClientRect.width < minImageSide || boundingClientRect.height < minImageSide) continue;
        const url = image.currentSrc || image.src;
        if (/^https?:/i.test(url)) onImage(image, url);
      }
    },
    { rootMargin: imageMargin },
  );

  // Loaded: observed again, for a fresh entry with its rendered size.
  function waitForLoad(image: HTMLImageElement): void {
    if (waiting.has(image)) return;
    waiting.add(image);
    image.addEventListener(
      'load',
      () => {
        waiting.delete(image);
        if (signal.aborted || !image.isConnected) return;
        intersections.unobserve(image);
        intersections.observe(image);
      },
      { once: true, signal },
    );
  }

  const watch = (image: HTMLImageElement): void => {
    if (seen.has(image)) return;
    seen.add(image);
    intersections.observe(image);
  };
  const watchWithin = (root: Document | Element): void => {
    for (const image of root.querySelectorAll('img')) watch(image);
  };

  const additions = new MutationObserver((records) => {
    for (const { addedNodes } of records) {
      for (const node of addedNodes) {
        if (node.nodeType !== 1) continue;
        const element = node as Element;
        if (element.localName === 'img') watch(element as HTMLImageElement);
        else if (element.localName !== badgeTag && element.firstElementChild !== null) watchWithin(element);
      }
    }
  });

  watchWithin(document);
  additions.observe(document, { childList: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      intersections.disconnect();
      additions.disconnect();
    },
    { once: true },
  );
}
