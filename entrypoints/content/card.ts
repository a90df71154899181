import type { SharedStyle } from './shared-style';
import type { Verdict } from '../../lib/verdict/types';
import type { Badge } from './badge';
import { cardContentOf, type CardContent } from './card-content';
import { confidenceMeter, createCardHost, elementMaker, factList, followScrolling, placeCardHost, showInCard } from './card-dom';
import type { TrustRequest } from '../../lib/trust/trust-request';
import { trusted } from './trusted-events';
import { brandIconShapes, createIcon, externalIconShapes, iconShapesOf } from './state-icons';
import { createMarkBox } from './mark-css';
import { watchCardShown } from './card-shown';

export const cardTag = 'verity-card';

/** Time the pointer has to travel from the badge to the card, or to come back, before the card goes. */
const leaveDelay = 250;

export type Card = {
  /** The pointer or focus is on a badge: show its card. */
  preview(badge: Badge): void;
  /** The pointer or focus left a badge: the card goes soon, unless it is open on purpose or followed. */
  leave(badge: Badge): void;
  /** The badge was clicked or pressed: keep the card open and move focus to it; a second press closes it. */
  activate(badge: Badge): void;
  /** A verdict changed: redraw if its card is showing. */
  refresh(id: string): void;
  /** A badge left the page: drop the card if it is that badge's. */
  forget(badge: Badge): void;
  close(): void;
};

export type CreateCardParameters = {
  document: Document;
  signal: AbortSignal;
  sheet: SharedStyle;
  verdictOf: (id: string) => Verdict | undefined;
  /** Opens the inspector on a proof; false when that could not be done. */
  openDetails: (id: string) => Promise<boolean>;
  /** Opens the options page asking whether to trust a signer; false when that could not be done. */
  openTrustSigner: (request: TrustRequest) => Promise<boolean>;
  /** The page closed the card, or drew over it (card-shown.ts). */
  onHidden: () => void;
  /** The page's open shadow roots known so far: a popover of the page's may be in one. */
  shadowRoots?: () => ShadowRoot[];
};

/**
 * The one card of a page, shared by every badge: what the verdict says, in
 * words, with a Details button to the inspector. In a closed shadow root,
 * in the top layer (a manual popover) where the browser has one. It goes
 * on Escape and on a press elsewhere, and, unless the reader opened it on
 * purpose, when focus or the pointer leaves it and its badge (after a short
 * delay, so the pointer can cross the gap). Tab goes round its controls.
 */
export function createCard({ document, signal, sheet, verdictOf, openDetails, openTrustSigner, onHidden, shadowRoots = () => [] }: CreateCardParameters): Card {
  const { host, root, usesPopover } = createCardHost(document, cardTag, sheet);

  let badge: Badge | undefined;
  /** Whether Verity has the card open; its `data-open` says so to the page's observers, but the page can change that. */
  let opened = false;
  let pinned = false;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let detailsButton: HTMLButtonElement | undefined;
  let status: HTMLElement | undefined;
  let following: AbortController | undefined;
  // The badge focus goes back to on close: its focus must not open the card again.
  let returningTo: Badge | undefined;
  // The badge whose card Escape closed: the pointer resting on it, or on the card that
  // covered it, must not bring the card straight back. It can once the pointer leaves it.
  let dismissed: { badge: Badge; watch: AbortController } | undefined;
  const shownWatch = watchCardShown({ document, host, usesPopover, signal, shadowRoots, restore: () => place(), onHidden, onClosed: () => hide() });

  function dismiss(target: Badge): void {
    undismiss();
    const watch = new AbortController();
    dismissed = { badge: target, watch };
    document.addEventListener(
      'pointermove',
      trusted((event) => {
        if (event.target !== target.host) undismiss();
      }),
      { capture: true, passive: true, signal: AbortSignal.any([signal, watch.signal]) },
    );
  }

  function undismiss(): void {
    dismissed?.watch.abort();
    dismissed = undefined;
  }

  const cancelHide = (): void => {
    clearTimeout(hideTimer);
    hideTimer = undefined;
  };

  function show(target: Badge): void {
    cancelHide();
    if (badge !== target) badge?.setExpanded(false);
    badge = target;
    // The card is drawn in the theme of the page behind its badge.
    host.dataset.theme = target.host.dataset.theme ?? 'light';
    render();
    if (!host.isConnected) document.documentElement.append(host);
    if (!opened) {
      opened = true;
      host.setAttribute('data-open', '');
      if (usesPopover && !host.matches(':popover-open')) host.showPopover();
      follow();
      shownWatch.opened();
    }
    place();
  }

  function hide({ returnFocus = false } = {}): void {
    cancelHide();
    if (badge === undefined) return;
    const shown = badge;
    badge = undefined;
    pinned = false;
    shown.setExpanded(false);
    following?.abort();
    opened = false;
    shownWatch.closed();
    host.removeAttribute('data-open');
    if (usesPopover && host.matches(':popover-open')) host.hidePopover();
    if (returnFocus && shown.host.isConnected) {
      returningTo = shown;
      shown.button.focus({ preventScroll: true });
      returningTo = undefined;
    }
  }

  function render(): void {
    if (badge === undefined) return;
    const content = cardContentOf({ verdict: verdictOf(badge.id) });
    const card = cardElement(document, content);
    // Inside the closed shadow root: the page can neither read the state nor restyle the card by writing its host.
    card.element.dataset.state = content.state;
    // Only a proof that could not be read at all, which the page knows as well as Verity, may size the card to its words.
    if (content.state !== 'malformed') card.element.classList.add('one-size');
    detailsButton = card.details;
    status = card.status;
    detailsButton.addEventListener('click', () => void details());
    const signer = content.trustSigner;
    card.trustButton?.addEventListener('click', () => {
      if (signer === undefined) return;
      const shownStatus = card.status;
      void openTrustSigner(signer).then((opened) => {
        if (!opened && shownStatus.isConnected) shownStatus.textContent = 'Couldn’t open Verity’s settings from here. Use the settings button in Verity’s popup.';
      });
    });
    showInCard(root, card.element);
  }

  // Measures the card after drawing it: one layout, on a reader's gesture only.
  function place(): void {
    if (badge === undefined) return;
    if (!badge.host.isConnected) return hide();
    const anchor = badge.host.getBoundingClientRect();
    shownWatch.place(() => placeCardHost(document, host, anchor, sheet));
  }

  // While open, the card follows its badge through scrolling and resizing.
  function follow(): void {
    following = new AbortController();
    followScrolling(document, place, AbortSignal.any([signal, following.signal]));
  }

  async function details(): Promise<void> {
    if (badge === undefined || status === undefined) return;
    const shownStatus = status;
    shownStatus.textContent = 'Opening…';
    const opened = await openDetails(badge.id);
    if (signal.aborted || !shownStatus.isConnected) return;
    shownStatus.textContent = opened ? '' : 'Couldn’t open the inspector from here. Use the Verity button in the toolbar.';
  }

  host.addEventListener('pointerenter', trusted(cancelHide));
  host.addEventListener(
    'pointerleave',
    trusted(() => {
      if (!pinned) hideSoon();
    }),
  );
  root.addEventListener('keydown', (event) => {
    if (!(event instanceof KeyboardEvent) || event.key !== 'Tab') return;
    // Tab and Shift+Tab go round the card's controls; Escape leaves. Where Tab left the card would tell the page,
    // which sees the card close and focus land, how many controls it has: a trust offer means an untrusted signer.
    const controls = [...root.querySelectorAll('button')];
    const at = controls.indexOf(root.activeElement as HTMLButtonElement);
    event.preventDefault();
    const next = at === -1 ? (event.shiftKey ? controls.length - 1 : 0) : (at + (event.shiftKey ? controls.length - 1 : 1)) % controls.length;
    controls[next]?.focus({ preventScroll: true });
  });
  // A card the reader opened on purpose goes by their Escape or a press elsewhere, both handled here; focus leaving it
  // otherwise is the window losing focus, or the page's script taking focus (`input.focus()`), which must not close it.
  root.addEventListener('focusout', (event) => {
    const next = (event as FocusEvent).relatedTarget;
    if (pinned || (next instanceof Node && (root.contains(next) || host.contains(next) || next === badge?.host))) return;
    if (!host.matches(':hover')) hideSoon();
  });
  // On the window, in capture, the first stop of every event: a page's listener that stops the event goes after
  // these, unless it is the window's own, added before Verity's, and stops it at once (stopImmediatePropagation).
  const view = document.defaultView!;
  view.addEventListener(
    'keydown',
    trusted((event) => {
      if (event.key !== 'Escape' || badge === undefined) return;
      const focused = document.activeElement === host || document.activeElement === badge.host;
      dismiss(badge);
      hide({ returnFocus: focused });
    }),
    { capture: true, signal },
  );
  view.addEventListener(
    'pointerdown',
    trusted((event) => {
      if (badge === undefined || event.target === host || event.target === badge.host) return;
      hide();
    }),
    { capture: true, signal },
  );
  signal.addEventListener('abort', () => {
    cancelHide();
    host.remove();
  });

  function hideSoon(): void {
    cancelHide();
    hideTimer = setTimeout(() => hide(), leaveDelay);
  }

  return {
    preview(target) {
      if (target === returningTo || target === dismissed?.badge || (pinned && badge !== target)) return;
      show(target);
    },
    leave(target) {
      if (target === dismissed?.badge) undismiss();
      if (badge === target && !pinned) hideSoon();
    },
    activate(target) {
      undismiss();
      if (pinned && badge === target) return hide({ returnFocus: true });
      show(target);
      pinned = true;
      target.setExpanded(true);
      detailsButton?.focus({ preventScroll: true });
    },
    refresh(id) {
      if (badge?.id !== id) return;
      const focused = root.activeElement === detailsButton;
      render();
      place();
      if (focused) detailsButton?.focus({ preventScroll: true });
    },
    forget(target) {
      if (badge === target) hide();
    },
    close: () => hide(),
  };
}

type CardElement = { element: HTMLElement; details: HTMLButtonElement; status: HTMLElement; trustButton: HTMLButtonElement | undefined };

/** The card's content as elements; every word from the page or the verdict goes in as text, never markup. */
function cardElement(document: Document, content: CardContent): CardElement {
  const make = elementMaker(document);

  const card = make('div', 'card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', `Verity: ${content.word.toLowerCase()}`);

  const top = make('div', 'top');
  const chip = make('span', 'chip');
  chip.append(createIcon(document, iconShapesOf(content.state)), content.word);
  const brand = make('span', 'brand');
  brand.append(createIcon(document, brandIconShapes), 'Verity', createMarkBox(document));
  top.append(chip, brand);
  card.append(top, make('p', 'headline', content.headline), make('p', 'summary', content.summary));
  if (content.note !== undefined) card.append(make('p', 'note', content.note));
  if (content.scope !== undefined) card.append(make('p', 'note', content.scope));
  if (content.confidence !== undefined) card.append(confidenceMeter(make, content.confidence));

  if (content.facts.length > 0) card.append(factList(make, content.facts));

  const actions = make('div', 'actions');
  const status = make('span', 'status');
  status.setAttribute('role', 'status');
  let trustButton: HTMLButtonElement | undefined;
  if (content.trustSigner !== undefined) {
    trustButton = make('button', 'details', 'Trust this signer…');
    trustButton.type = 'button';
    actions.append(trustButton);
  }
  const details = make('button', 'details');
  details.type = 'button';
  details.append('Details', createIcon(document, externalIconShapes));
  actions.append(status, details);
  card.append(actions);
  return { element: card, details, status, trustButton };
}
