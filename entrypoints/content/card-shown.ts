import { coverAt } from './cover-check';
import type { CardPlace } from './card-dom';
import { cardWidth } from './card-sheet';
import { drawnCheckMs, hasDrawnReports, type DrawnEntry, type DrawnObserverInit } from './drawn-watch';
import { madeByVerity } from './made-by-verity';
import { withEveryBoxHitTestable, type OutOfReach } from './see-through';
import { trusted } from './trusted-events';

/** Elements in the top layer, the only place drawn above a card: open popovers, modal dialogs, full-screen elements; the page's are those Verity did not make. */
const topLayer = ':popover-open, :modal';

/** What is in the top layer now, in the document and the shadow roots known. */
const topLayerIn = (document: Document, shadowRoots: readonly ShadowRoot[]): Element[] =>
  [document, ...shadowRoots].flatMap((root) => [...root.querySelectorAll(topLayer)]);

/** Where a card is hit-tested, as fractions of its width and height: its corners (the chip, the mark, the buttons) and its middle. */
const samples = [0.08, 0.5, 0.92];

/** The least a page's `zoom` may scale a card before it counts as shrunk out of reading. */
const leastZoom = 0.75;

/** Times the page may change a card's host while it is open before Verity stops putting it back, and says so. */
const restoresPerOpening = 8;

/**
 * A card found hidden is looked at again this long after before it is flagged: a page's tooltip popover may cross a
 * corner of it for a moment. The third time in one opening it is flagged at once, whatever the page then undoes.
 * Looks while one is to be confirmed are the same time (several observers report one tooltip, the more so on a
 * busy machine) and wait for that look.
 */
const confirmAfterMs = 700;
const hiddenTimesFlagged = 3;

/**
 * While a view transition runs the page is drawn from snapshots and hit tests name the root: a look then waits for
 * its end, looking again every `viewTransitionPollMs`, for this long at most in one opening, the time counted from
 * the first transition seen (a page running one after another does not hide a card for longer).
 */
const viewTransitionWaitMs = 5_000;
const viewTransitionPollMs = 250;

/**
 * Whether an open card is what the reader sees: its popover still open (a
 * page can close any popover in it), at about the size Verity gave it (a
 * page's `zoom` on the root shrinks it), where Verity put it (`placed`: a
 * card that follows its badge out of the window is Verity's doing), nothing
 * of the page's over what of it is in the window (at nine points: only the
 * page's own top layer is drawn above the card, and anything there, even a
 * box that draws nothing, takes the reader's presses), and, while the page
 * has something in the top layer (in the document or a shadow tree), no
 * drawn box passing clicks through over its middle (see-through.ts).
 */
export function cardShown(
  document: Document,
  host: HTMLElement,
  usesPopover: boolean,
  shadowRoots: readonly ShadowRoot[] = [],
  placed?: CardPlace,
  isBelow: (element: Element) => boolean = () => false,
): boolean {
  if (!host.isConnected || (usesPopover && !host.matches(':popover-open'))) return false;
  const { left, top, width, height } = host.getBoundingClientRect();
  if (width < 1 || height < 1) return false;
  const view = document.defaultView;
  // Where nothing can be hit-tested there is no sign of the page.
  if (view === null || typeof document.elementFromPoint !== 'function') return true;
  // Drawn much smaller than Verity made it: a page's `zoom` on the root. Some pages zoom theirs a little, honestly.
  if (width < Math.min(cardWidth, view.innerWidth - 16) * leastZoom) return false;
  // Elsewhere than Verity put it (the page's `@property` for the names of its place); a page's `zoom` scales the place too.
  const zoom = (host as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
  if (placed !== undefined && (Math.abs(left - placed.left * zoom) > 1 || Math.abs(top - placed.top * zoom) > 1)) return false;
  const points = samples
    .flatMap((across) => samples.map((down) => [left + width * across, top + height * down] as const))
    .filter(([x, y]) => x >= 0 && y >= 0 && x < view.innerWidth && y < view.innerHeight);
  const onTop = points.every(([x, y]) => {
    const topmost = document.elementFromPoint(x, y);
    return topmost === null || topmost === host || madeByVerity(topmost);
  });
  if (!onTop) return false;
  // The page's top layer: any of it opened since the card, over any part of it, is above it, whatever the points missed.
  const pageTopLayer = topLayerIn(document, shadowRoots).filter((element) => !madeByVerity(element));
  const overCard = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.left < left + width && box.right > left && box.top < top + height && box.bottom > top;
  };
  if (pageTopLayer.some((element) => !isBelow(element) && overCard(element))) return false;
  const [x, y] = [left + width / 2, top + height / 2];
  // Out of the window, where its badge went: the reader scrolled it away, and there is nothing to hit-test.
  if (x < 0 || y < 0 || x >= view.innerWidth || y >= view.innerHeight) return true;
  const uncovered = (unseen: readonly OutOfReach[]) => coverAt({ holder: host, x, y, view, isOwn: () => false, unseen }) === undefined;
  return pageTopLayer.length > 0 ? withEveryBoxHitTestable(new Set([document]), uncovered, { shadowRoots: () => shadowRoots }) : uncovered([]);
}

export type WatchCardShownParameters = {
  document: Document;
  host: HTMLElement;
  usesPopover: boolean;
  signal: AbortSignal;
  /** The page's open shadow roots known so far: a popover of the page's may be in one. */
  shadowRoots: () => readonly ShadowRoot[];
  /** Puts the card where Verity placed it again, after the page changed its host. */
  restore: () => void;
  /** The page closed the card, drew over it, moved or shrank it, or took it out. */
  onHidden: () => void;
  /** The page closed the card's popover, or took its host out: Verity closes the card too. */
  onClosed: () => void;
};

export type WatchCardShownReturnType = {
  /** The card opened: watched until `closed`, and looked at once drawn. */
  opened(): void;
  closed(): void;
  /** Places the card (a change of Verity's own), and holds where, to tell a move of the page's. */
  place(placing: () => CardPlace): void;
};

/**
 * Tells, while a card is open, when the page hides it: closes its popover
 * (the browser's own `toggle`; one the page makes up closes nothing), opens
 * a popover or dialog of its own (heard in the document and in the shadow
 * roots known; the top layer puts it above the card), changes the host's
 * style, `inert` or `popover` (the card is put back, up to a bound) or
 * takes it out, draws it at another size (a `zoom` on the root), or, in
 * Chromium, anything IntersectionObserver v2 says leaves it not plainly
 * drawn; where there is no v2 (Firefox), it is looked at as often instead.
 * Each is looked at once drawn (`cardShown`).
 */
export function watchCardShown({ document, host, usesPopover, signal, shadowRoots, restore, onHidden, onClosed }: WatchCardShownParameters): WatchCardShownReturnType {
  let opening: AbortController | undefined;
  let restores = 0;
  let hiddenTimes = 0;
  let confirming = false;
  /** When this opening first found a view transition running. */
  let transitionSeenAt: number | undefined;
  /** A look waiting for a view transition to end; the looks asked for meanwhile are this one. */
  let transitionWait: { confirmation: boolean } | undefined;
  let placed: CardPlace | undefined;
  /** The page's top layer open when the card opened, drawn below it until the page opens it again. */
  let below = new WeakSet<Element>();

  function check({ confirmation = false } = {}): void {
    if (opening === undefined || signal.aborted || (confirming && !confirmation)) return;
    if (transitionWait !== undefined) return void (transitionWait.confirmation ||= confirmation);
    if (inViewTransition(document) && performance.now() - (transitionSeenAt ??= performance.now()) < viewTransitionWaitMs) {
      const [wait, lookedIn] = [(transitionWait = { confirmation }), opening];
      return void setTimeout(() => {
        if (opening !== lookedIn) return;
        transitionWait = undefined;
        check({ confirmation: wait.confirmation });
      }, viewTransitionPollMs);
    }
    const shown = cardShown(document, host, usesPopover, shadowRoots(), placed, (element) => below.has(element));
    confirming = false;
    if (shown) return;
    hiddenTimes += 1;
    if (confirmation || hiddenTimes >= hiddenTimesFlagged) return onHidden();
    confirming = true;
    const lookedIn = opening;
    setTimeout(() => opening === lookedIn && check({ confirmation: true }), confirmAfterMs);
  }
  const checkWhenDrawn = () => void requestAnimationFrame(() => check());

  // `inert` on the root: the card is drawn but takes no press; the look then finds the root on top.
  const rootInert = (record: MutationRecord) => record.target === host.parentNode && record.attributeName === 'inert';
  function pageChanged(records: readonly MutationRecord[]): void {
    if (opening === undefined || !records.some((record) => record.target === host || [...record.removedNodes].includes(host) || rootInert(record))) return;
    if (!host.isConnected) {
      onHidden();
      return onClosed();
    }
    restores += 1;
    if (restores > restoresPerOpening) return onHidden();
    own(restore);
    checkWhenDrawn();
  }
  const hostChanges = new MutationObserver(pageChanged);

  /** Runs a change of Verity's own to the host, which the watch does not take for the page's. */
  function own<result>(change: () => result): result {
    // The page's changes not yet told are told first: only Verity's own are let go.
    const pending = hostChanges.takeRecords();
    if (pending.length > 0) pageChanged(pending);
    try {
      return change();
    } finally {
      hostChanges.takeRecords();
    }
  }

  // Chromium's v2 observer sees what no event tells: a popover in a closed shadow root, a rule that fades the root.
  const drawn = typeof IntersectionObserver === 'function' && hasDrawnReports()
    ? new IntersectionObserver(
        (entries) => {
          if (entries.some(({ isIntersecting, isVisible }: DrawnEntry) => !isIntersecting || isVisible === false)) check();
        },
        { trackVisibility: true, delay: drawnCheckMs } as DrawnObserverInit,
      )
    : undefined;

  // A card drawn at another size: the page's `zoom` on the root, which neither an event nor a mutation of the host tells.
  const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(() => checkWhenDrawn()) : undefined;

  const onToggle = (event: Event): void => {
    if (event.target === host || (event as ToggleEvent).newState !== 'open' || opening === undefined) return;
    // Opened again, even in the same task as closed: now above the card.
    below.delete(event.target as Element);
    checkWhenDrawn();
  };

  host.addEventListener(
    'toggle',
    trusted((event) => {
      if ((event as ToggleEvent).newState !== 'closed' || opening === undefined) return;
      onHidden();
      onClosed();
    }),
    { signal },
  );
  // `toggle` does not cross shadow boundaries: heard in the document always, and in the roots known while a card is open.
  document.addEventListener('toggle', onToggle, { capture: true, passive: true, signal });
  signal.addEventListener('abort', () => {
    hostChanges.disconnect();
    drawn?.disconnect();
    resized?.disconnect();
  });

  return {
    opened() {
      if (opening !== undefined) return;
      opening = new AbortController();
      [restores, hiddenTimes, confirming, transitionSeenAt, transitionWait] = [0, 0, false, undefined, undefined];
      below = new WeakSet(topLayerIn(document, shadowRoots()));
      const options = { capture: true, passive: true, signal: AbortSignal.any([signal, opening.signal]) };
      for (const root of shadowRoots()) root.addEventListener('toggle', onToggle, options);
      hostChanges.observe(host, { attributeFilter: ['style', 'inert', 'popover'] });
      if (host.parentNode !== null) hostChanges.observe(host.parentNode, { childList: true, attributeFilter: ['inert'] });
      drawn?.observe(host);
      resized?.observe(host);
      if (drawn === undefined) {
        // Without the v2 observer (Firefox) nothing tells of a popover the page opens in a closed shadow root, whose
        // `toggle` stays inside it: the card is looked at as often as Chromium's observer looks for it, while it is open.
        const looks = setInterval(() => check(), drawnCheckMs);
        options.signal.addEventListener('abort', () => clearInterval(looks));
      }
      checkWhenDrawn();
    },
    closed() {
      opening?.abort();
      opening = undefined;
      placed = undefined;
      hostChanges.disconnect();
      drawn?.unobserve(host);
      resized?.unobserve(host);
    },
    place(placing) {
      placed = own(placing);
    },
  };
}

function inViewTransition(document: Document): boolean {
  try {
    return document.documentElement.matches(':active-view-transition');
  } catch {
    // A browser without view transitions.
    return false;
  }
}
