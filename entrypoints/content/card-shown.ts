import { coverAt } from './cover-check';
import { madeByVerity } from './made-by-verity';
import { withEveryBoxHitTestable, type OutOfReach } from './see-through';
import { trusted } from './trusted-events';

/** Elements in the top layer, the only place drawn above a card: open popovers, modal dialogs, full-screen elements; the page's are those Verity did not make. */
const topLayer = ':popover-open, :modal';

/**
 * Whether an open card is what the reader sees: its popover still open (a
 * page can close any popover in it) and nothing of the page's drawn over
 * its middle (a page can open a popover of its own above it; coverAt
 * passes over what draws nothing). While the page has something in the
 * top layer (in the document or a shadow tree), every box is hit-tested,
 * those passing clicks through too (see-through.ts).
 */
export function cardShown(document: Document, host: HTMLElement, usesPopover: boolean, shadowRoots: readonly ShadowRoot[] = []): boolean {
  if (usesPopover && !host.matches(':popover-open')) return false;
  const { left, top, width, height } = host.getBoundingClientRect();
  if (width < 1 || height < 1) return false;
  const view = document.defaultView;
  const [x, y] = [left + width / 2, top + height / 2];
  // Where nothing can be hit-tested there is no sign of the page.
  if (view === null || typeof document.elementFromPoint !== 'function') return true;
  // Placed inside the window, a card whose middle is out of it was moved there by the page: it cannot be read.
  if (x < 0 || y < 0 || x >= view.innerWidth || y >= view.innerHeight) return false;
  const uncovered = (unseen: readonly OutOfReach[]) => coverAt({ holder: host, x, y, view, isOwn: () => false, unseen }) === undefined;
  const pageHasTopLayer = [document, ...shadowRoots].some((root) => [...root.querySelectorAll(topLayer)].some((element) => !madeByVerity(element)));
  return pageHasTopLayer ? withEveryBoxHitTestable(new Set([document]), uncovered, { shadowRoots: () => shadowRoots }) : uncovered([]);
}

export type WatchCardShownParameters = {
  document: Document;
  host: HTMLElement;
  usesPopover: boolean;
  signal: AbortSignal;
  /** Whether Verity holds the card open: its own state, not the host's, which the page can change. */
  isOpen: () => boolean;
  /** The page's open shadow roots known so far: a popover of the page's may be in one. */
  shadowRoots: () => readonly ShadowRoot[];
  /** The page closed the card, or drew over it. */
  onHidden: () => void;
  /** The page closed the card's popover: Verity closes the card too. */
  onClosed: () => void;
};

export type WatchCardShownReturnType = {
  /** The card just opened: look once it is drawn. */
  checkWhenDrawn(): void;
};

/**
 * Tells when the page hides an open card: closes its popover (the
 * browser's own `toggle`; one the page makes up closes nothing), opens a
 * popover or dialog of its own while the card is open (the top layer puts
 * it above the card), or moves or covers it before it is first drawn.
 */
export function watchCardShown({ document, host, usesPopover, signal, isOpen, shadowRoots, onHidden, onClosed }: WatchCardShownParameters): WatchCardShownReturnType {
  function check(): void {
    if (!isOpen() || signal.aborted) return;
    if (!cardShown(document, host, usesPopover, shadowRoots())) onHidden();
  }
  const checkWhenDrawn = () => void requestAnimationFrame(check);

  host.addEventListener(
    'toggle',
    trusted((event) => {
      if ((event as Event & { newState?: string }).newState !== 'closed' || !isOpen()) return;
      onHidden();
      onClosed();
    }),
    { signal },
  );
  document.addEventListener(
    'toggle',
    (event) => {
      if (event.target !== host && (event as Event & { newState?: string }).newState === 'open' && isOpen()) checkWhenDrawn();
    },
    { capture: true, passive: true, signal },
  );
  return { checkWhenDrawn };
}
