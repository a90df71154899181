import { measureImage, type ImageBadge } from './image-badge';

export type BadgePlaces = {
  /** Places `badge` once its image has been laid out, and again whenever the image or its containing block is resized. */
  follow(badge: ImageBadge): void;
  /** Stops placing `badge`. */
  forget(badge: ImageBadge): void;
  /** Places `badge` now, forcing a layout if one is due: for a card about to open on it. */
  placeNow(badge: ImageBadge): void;
  /** Stops placing any. */
  clear(): void;
};

/**
 * Keeps image badges on their images' corners without ever forcing a
 * layout of the page: a resize observer reports right after the browser
 * laid the page out (its first report comes after the next layout), so
 * the images' boxes are read then, all of them before any badge is
 * written. Images are watched for their size (a responsive layout, the
 * window), and their containing blocks too: content added above an image
 * (a late advertisement, a lazy embed) moves it, and almost always grows
 * the block it is in.
 */
export function createBadgePlaces(): BadgePlaces {
  const followed = new Set<ImageBadge>();
  const containerOf = new Map<ImageBadge, Element>();
  const watchedContainers = new Map<Element, number>();

  const unwatchContainer = (badge: ImageBadge): void => {
    const container = containerOf.get(badge);
    if (container === undefined) return;
    containerOf.delete(badge);
    const users = (watchedContainers.get(container) ?? 1) - 1;
    if (users > 0) return void watchedContainers.set(container, users);
    watchedContainers.delete(container);
    observer.unobserve(container);
  };

  const watchContainer = (badge: ImageBadge, container: Element | null): void => {
    if (containerOf.get(badge) === (container ?? undefined)) return;
    unwatchContainer(badge);
    if (container === null) return;
    containerOf.set(badge, container);
    watchedContainers.set(container, (watchedContainers.get(container) ?? 0) + 1);
    observer.observe(container);
  };

  const observer = new ResizeObserver((entries) => {
    const resized = new Set(entries.map((entry) => entry.target));
    const due = [...followed].filter((badge) => badge.image.isConnected && (resized.has(badge.image) || resized.has(containerOf.get(badge)!)));
    // Layout is fresh here: every read is free, and comes before the first write.
    const places = due.map((badge) => [badge, measureImage(badge.image), badge.image.offsetParent] as const);
    for (const [badge, at, container] of places) {
      badge.place(at);
      watchContainer(badge, container);
    }
  });

  return {
    follow(badge) {
      followed.add(badge);
      observer.observe(badge.image);
    },
    forget(badge) {
      if (!followed.delete(badge)) return;
      unwatchContainer(badge);
      observer.unobserve(badge.image);
    },
    placeNow(badge) {
      badge.place(measureImage(badge.image));
    },
    clear() {
      observer.disconnect();
      followed.clear();
      containerOf.clear();
      watchedContainers.clear();
    },
  };
}
