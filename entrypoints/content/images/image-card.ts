import { cardTag } from '../card';
import { createCardHost, elementMaker, followScrolling, placeCardHost, showInCard } from '../card-dom';
import type { SharedStyle } from '../shared-style';
import { brandIconShapes, createIcon, externalIconShapes, stateIconShapes } from '../state-icons';
import { trusted } from '../trusted-events';
import type { ImageCardContent } from './image-card-content';
import { createMarkBox } from '../mark-css';
import { watchCardShown } from '../card-shown';

export type ImageCardOptions = {
  onClose?: () => void;
  returnFocus?: HTMLElement;
  /** The Details button's action: opens the inspector on the image; false when that could not be done. No button without it. */
  openDetails?: () => Promise<boolean>;
};

export type ImageCard = {
  /**
   * Opens the card by `anchor` (a badge, or the image itself) and moves focus into it; on Escape focus goes back to
   * `returnFocus`. `onClose` is told when it goes.
   */
  open(anchor: Element, content: ImageCardContent, options?: ImageCardOptions): void;
  /** Whether it is open by `anchor`. */
  isOpenBy(anchor: Element): boolean;
  close(): void;
};

export type CreateImageCardParameters = {
  document: Document;
  signal: AbortSignal;
  /** The text card's sheet: the same look. */
  sheet: SharedStyle;
  /** The page closed the card, or drew over it (card-shown.ts). */
  onHidden: () => void;
  /** The page's open shadow roots known so far: a popover of the page's may be in one. */
  shadowRoots: () => readonly ShadowRoot[];
};

/**
 * The one card of a page's image badges, in the text card's look: what the
 * Content Credentials say in a reader's words, the manifest's claims under
 * their own heading, and the failure codes. It opens on a press of a badge
 * and goes on Escape, a press elsewhere, or a second press.
 */
export function createImageCard({ document, signal, sheet, onHidden, shadowRoots }: CreateImageCardParameters): ImageCard {
  const { host, root, usesPopover } = createCardHost(document, cardTag, sheet);
  host.dataset.verityImage = '';
  let shown: { anchor: Element; onClose: (() => void) | undefined; returnFocus: HTMLElement | undefined; following: AbortController } | undefined;
  const shownWatch = watchCardShown({ document, host, usesPopover, signal, shadowRoots, restore: () => place(), onHidden, onClosed: () => close() });

  const place = (): void => {
    if (shown === undefined) return;
    if (!shown.anchor.isConnected) return close();
    const anchor = shown.anchor.getBoundingClientRect();
    shownWatch.place(() => placeCardHost(document, host, anchor, sheet));
  };

  function close({ returnFocus = false } = {}): void {
    if (shown === undefined) return;
    const { onClose, following, returnFocus: focusTarget } = shown;
    const focusWasInCard = root.activeElement !== null;
    shown = undefined;
    following.abort();
    shownWatch.closed();
    host.removeAttribute('data-open');
    if (usesPopover && host.matches(':popover-open')) host.hidePopover();
    onClose?.();
    if (returnFocus && focusWasInCard && focusTarget?.isConnected) focusTarget.focus({ preventScroll: true });
  }

  function open(anchor: Element, content: ImageCardContent, { onClose, returnFocus, openDetails }: ImageCardOptions = {}): void {
    close();
    const card = cardElement(document, content, openDetails);
    // No Content Credentials: the neutral look of a badge still checking. Inside the closed shadow root, out of the page's reach.
    card.dataset.state = content.state ?? 'checking';
    showInCard(root, card);
    if (!host.isConnected) document.documentElement.append(host);
    host.setAttribute('data-open', '');
    if (usesPopover && !host.matches(':popover-open')) host.showPopover();
    shown = { anchor, onClose, returnFocus, following: new AbortController() };
    followScrolling(document, place, AbortSignal.any([signal, shown.following.signal]));
    place();
    shownWatch.opened();
    // A dialog: a screen reader reads it as focus arrives.
    card.focus({ preventScroll: true });
  }

  document.addEventListener('keydown', trusted((event) => event.key === 'Escape' && close({ returnFocus: true })), { capture: true, signal });
  document.addEventListener(
    'pointerdown',
    trusted((event) => {
      if (shown !== undefined && event.target !== host && event.target !== shown.anchor) close();
    }),
    { capture: true, signal },
  );
  signal.addEventListener('abort', () => host.remove(), { once: true });

  return { open, isOpenBy: (anchor) => shown?.anchor === anchor, close };
}

/** Every word from the image or its manifest goes in as text, never markup. */
function cardElement(document: Document, content: ImageCardContent, openDetails: (() => Promise<boolean>) | undefined): HTMLElement {
  const make = elementMaker(document);
  // One size whatever it says, as the text's card: whether the reader's trust lists hold the signer is not the page's to measure.
  const card = make('div', 'card one-size tall');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', `Verity: ${content.word}`);
  card.tabIndex = -1;
  const top = make('div', 'top');
  const chip = make('span', 'chip');
  if (content.state !== undefined) chip.append(createIcon(document, stateIconShapes[content.state]));
  chip.append(content.word);
  const brand = make('span', 'brand');
  brand.append(createIcon(document, brandIconShapes), 'Verity', createMarkBox(document));
  top.append(chip, brand);
  card.append(top, make('p', 'headline', content.headline), make('p', 'summary', content.summary));
  if (content.note !== undefined) card.append(make('p', 'note', content.note));
  if (content.claims.length > 0) {
    const facts = make('dl', 'facts');
    facts.setAttribute('aria-label', 'What the image’s Content Credentials claim');
    for (const { label, value } of content.claims) facts.append(make('dt', undefined, label), make('dd', undefined, value));
    card.append(make('p', 'note', 'What the Content Credentials claim (their own words, not Verity’s findings):'), facts);
  }
  if (content.codes !== undefined) card.append(make('p', 'note', `Failure codes: ${content.codes}`));
  if (openDetails !== undefined) card.append(detailsRow(document, openDetails));
  return card;
}

/** The Details button to the inspector, and a status that says when it could not be opened. */
function detailsRow(document: Document, openDetails: () => Promise<boolean>): HTMLElement {
  const make = elementMaker(document);
  const actions = make('div', 'actions');
  const status = make('span', 'status');
  status.setAttribute('role', 'status');
  const details = make('button', 'details');
  details.type = 'button';
  details.append('Details', createIcon(document, externalIconShapes));
  details.addEventListener('click', () => {
    status.textContent = 'Opening…';
    void openDetails().then((opened) => {
      status.textContent = opened ? '' : 'Couldn’t open the inspector from here. Use the Verity button in the toolbar.';
    });
  });
  actions.append(status, details);
  return actions;
}
