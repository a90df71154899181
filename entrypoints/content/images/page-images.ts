import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';
import type { PersonalMark } from '../../../storage/personal-mark';
import { sendToWorker } from '../../../messaging/client';
import type { ContentMessageDesk } from '../content-messages';
import { madeWhenUsed } from '../made-when-used';
import type { SharedStyle } from '../shared-style';
import { createBadgePlaces } from './badge-places';
import { createImageBadge, rehearseImageBadge, type ImageBadge } from './image-badge';
import { createImageBadgeSheet } from './image-badge-sheet';
import { createImageCard } from './image-card';
import { imageCardContentOf } from './image-card-content';
import { watchPageImages } from './image-discovery';
import { createImageQueue } from './image-queue';
import { watchImageAccess } from './image-access-watch';
import { readImage } from './read-image';

/** Of a frame, what drawing image badges may take: a quarter of one at 60 Hz. */
const drawMsPerFrame = 4;

export type StartPageImagesParameters = {
  /** The content script's life. */
  signal: AbortSignal;
  document: Document;
  /** The text card's sheet, for the image card's look. */
  cardSheet: SharedStyle;
  /** Where its answers to "Verify image with Verity" go. */
  messages: ContentMessageDesk;
  /** The page closed or drew over the image card (card-shown.ts). */
  onCardHidden: () => void;
  /** The page's open shadow roots known so far: a popover of the page's may be in one. */
  shadowRoots: () => readonly ShadowRoot[];
};

export type PageImages = {
  /** The display settings, live: images are looked at only on an enabled site; badges shown or hidden. */
  apply(settings: { siteEnabled: boolean; showBadges: boolean }): void;
  /** The reader's personal mark, drawn in every image badge. */
  setMark(mark: PersonalMark | undefined): void;
};

/**
 * The page's images with Content Credentials (issue 15): looked at only
 * while the reader has granted image access and Verity is on for the site. Each image with a
 * manifest gets a badge on its corner; one without gets none. "Verify image
 * with Verity" shows its answer here whether or not access was granted.
 */
export function startPageImages({ signal, document, cardSheet, messages, onCardHidden, shadowRoots }: StartPageImagesParameters): PageImages {
  const sheet = createImageBadgeSheet();
  // Built when a card first opens: most pages never open one.
  const card = madeWhenUsed(() => createImageCard({ document, signal, sheet: cardSheet, onHidden: onCardHidden, shadowRoots }));
  const badges = new Map<HTMLImageElement, ImageBadge>();
  let granted = false;
  let siteEnabled = false;
  let badgesShown = true;
  let discovery: AbortController | undefined;
  let contextImage: WeakRef<HTMLImageElement> | undefined;

  const places = createBadgePlaces();

  // Details opens the inspector on an image it can fetch again: one at an http(s) address, not a data: or blob: one.
  const detailsOf = (url: string) =>
    /^https?:/i.test(url)
      ? {
          openDetails: () =>
            sendToWorker('open-image-inspector', { url }).then(
              () => true,
              () => false,
            ),
        }
      : {};

  const openCard = (badge: ImageBadge): void => {
    if (card.made()?.isOpenBy(badge.host)) return card.made()?.close();
    badge.setExpanded(true);
    const url = badge.image.currentSrc || badge.image.src;
    card.get().open(badge.host, imageCardContentOf(badge.verdict), { onClose: () => badge.setExpanded(false), returnFocus: badge.button, ...detailsOf(url) });
  };

  // The images given badges, placed once laid out; `placeNow` for a card that opens on its badge at once.
  const showBadges = (shown: readonly (readonly [HTMLImageElement, ImageVerdict])[], { placeNow = false } = {}): ImageBadge[] => {
    const created = shown
      .filter(([image]) => image.isConnected)
      .map(([image, verdict]) => {
        const existing = badges.get(image);
        if (existing?.verdict === verdict) return existing;
        if (existing !== undefined) removeBadge(existing);
        const badge = createImageBadge({ image, verdict, sheet: sheet.style, onActivate: openCard });
        badges.set(image, badge);
        places.follow(badge);
        return badge;
      });
    if (placeNow) for (const badge of created) places.placeNow(badge);
    return created;
  };

  // Answers are drawn at the next frame, as many as fit in a few ms of it; the rest at the frames after, so a
  // batch of answers never makes one long task (a badge costs most on a page's first ones, its code still cold).
  let waitingToDraw: [HTMLImageElement, ImageVerdict][] = [];
  const drawWaiting = (): void => {
    if (discovery === undefined) return void (waitingToDraw = []);
    const started = performance.now();
    let drawn = 0;
    while (drawn < waitingToDraw.length && performance.now() - started < drawMsPerFrame) showBadges([waitingToDraw[drawn++]!]);
    waitingToDraw = waitingToDraw.slice(drawn);
    if (waitingToDraw.length > 0) document.defaultView?.requestAnimationFrame(drawWaiting);
  };
  // The page's first badge is rehearsed off the page first, so that its frame does not pay the renderer's first use.
  let rehearsed: Promise<void> | undefined;
  const drawSoon = (images: readonly HTMLImageElement[], verdict: ImageVerdict): void => {
    if (waitingToDraw.length === 0) {
      rehearsed ??= rehearseImageBadge({ document, verdict, sheet: sheet.style });
      // Drawn even if the rehearsal failed: the real badges then say why, where a failure is reported.
      const drawNextFrame = () => void document.defaultView?.requestAnimationFrame(drawWaiting);
      void rehearsed.then(drawNextFrame, drawNextFrame);
    }
    for (const image of images) waitingToDraw.push([image, verdict]);
  };

  function removeBadge(badge: ImageBadge): void {
    if (card.made()?.isOpenBy(badge.host)) card.made()?.close();
    badge.host.remove();
    badges.delete(badge.image);
    places.forget(badge);
  }

  const removeBadges = (): void => {
    card.made()?.close();
    places.clear();
    for (const badge of badges.values()) badge.host.remove();
    badges.clear();
  };

  const startDiscovery = (): void => {
    discovery = new AbortController();
    const discoverySignal = AbortSignal.any([signal, discovery.signal]);
    const waiting = new Map<string, HTMLImageElement[]>();
    const take = (url: string, verdict: ImageVerdict): void => {
      if (queue.answer(url, verdict)) drawSoon(waiting.get(url) ?? [], verdict);
      waiting.delete(url);
    };
    const queue = createImageQueue({
      signal: discoverySignal,
      send: async (urls) => {
        for (const { url, verdict } of (await sendToWorker('check-page-images', { urls })).answered) take(url, verdict);
      },
    });
    messages.register(discoverySignal, {
      'page-image-checked': ({ url, verdict }) => {
        take(url, verdict);
        return { ok: true };
      },
    });
    watchPageImages({
      signal: discoverySignal,
      document,
      onImage: (image, url) => {
        const verdict = queue.answerOf(url);
        if (verdict !== undefined) return drawSoon([image], verdict);
        waiting.set(url, [...(waiting.get(url) ?? []), image]);
        queue.request(url);
      },
      onSourceChanged: (image) => {
        const badge = badges.get(image);
        if (badge !== undefined) removeBadge(badge);
      },
      onRemoved: () => {
        for (const badge of badges.values()) if (!badge.image.isConnected) removeBadge(badge);
        // An image without a manifest is never answered: one that left the page is not kept waiting.
        for (const [url, images] of waiting) {
          const left = images.filter((image) => image.isConnected);
          if (left.length === 0) waiting.delete(url);
          else if (left.length < images.length) waiting.set(url, left);
        }
      },
    });
  };

  const update = (): void => {
    const wanted = granted && siteEnabled;
    if (wanted && discovery === undefined) startDiscovery();
    if (!wanted && discovery !== undefined) {
      discovery.abort();
      discovery = undefined;
      removeBadges();
    }
  };

  // The image the reader right-clicked: where "Verify image with Verity" shows its answer.
  document.addEventListener(
    'contextmenu',
    (event) => {
      if (event.isTrusted && event.target instanceof HTMLImageElement) contextImage = new WeakRef(event.target);
    },
    { capture: true, passive: true, signal },
  );

  const showChecked = (url: string, verdict: ImageVerdict | null): boolean => {
    const clicked = contextImage?.deref();
    const shows = (image: HTMLImageElement) => image.isConnected && (image.currentSrc || image.src) === url;
    const image = clicked !== undefined && shows(clicked) ? clicked : [...document.querySelectorAll('img')].find(shows);
    if (image === undefined) return false;
    // A badge says the image has Content Credentials: one it could not read gets the card alone, saying why.
    const badge = verdict === null || verdict.imageUnread === true ? undefined : showBadges([[image, verdict]], { placeNow: true })[0];
    if (badge !== undefined && badgesShown) {
      badge.setExpanded(true);
      card.get().open(badge.host, imageCardContentOf(verdict), { onClose: () => badge.setExpanded(false), returnFocus: badge.button, ...detailsOf(url) });
    } else {
      card.get().open(image, imageCardContentOf(verdict));
    }
    return true;
  };

  messages.register(signal, {
    'show-image-check': ({ url, verdict }) => ({ shown: showChecked(url, verdict) }),
    'read-image': ({ url }) => readImage(url),
  });
  signal.addEventListener('abort', removeBadges, { once: true });
  watchImageAccess(signal, (access) => {
    granted = access;
    update();
  });

  return {
    apply(settings) {
      siteEnabled = settings.siteEnabled;
      badgesShown = settings.showBadges;
      sheet.setShown(settings.showBadges);
      if (!settings.showBadges) card.made()?.close();
      update();
    },
    setMark: (mark) => sheet.setMark(mark),
  };
}
