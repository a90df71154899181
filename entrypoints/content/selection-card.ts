import type { SharedStyle } from './shared-style';
import type { SelectionCheck } from '../../messaging/messages';
import { pageThemeAt } from './page-theme';
import { confidenceMeter, createCardHost, elementMaker, factList, followScrolling, placeCardHost, showInCard } from './card-dom';
import { citationControls } from './selection-card-citation';
import { selectionCardContentOf, type SelectionCardContent } from './selection-card-content';
import { trusted } from './trusted-events';
import { watchCardShown } from './card-shown';
import { brandIconShapes, createIcon, stateIconShapes } from './state-icons';
import { createMarkBox } from './mark-css';

export const selectionCardTag = 'verity-selection-card';

export type SelectionCard = {
  /** The selection the next answer is about: the card goes by it. */
  anchorTo(range: Range): void;
  /** Shows an answer and moves focus into it; false when there is no selection to show it by. */
  show(check: SelectionCheck): boolean;
  close(): void;
};

export type CreateSelectionCardParameters = {
  document: Document;
  signal: AbortSignal;
  /** The badge card's sheet: both cards look alike. */
  sheet: SharedStyle;
  /** Scrolls to a proof's snippet and rings it; false when it has left the page. */
  reveal: (id: string) => boolean;
  /** The page closed the card, or drew over it (card-shown.ts). */
  onHidden: () => void;
  /** The page's open shadow roots known so far: a popover of the page's may be in one. */
  shadowRoots: () => readonly ShadowRoot[];
};

/**
 * The answer to "Verify selection", in a card by the selection: a
 * non-modal dialog that takes focus when it opens and gives it back when
 * it closes (Close, Escape, a press elsewhere, the page navigating, the
 * session ending). Built like the badge's card, in a closed shadow root in
 * the top layer.
 */
export function createSelectionCard({ document, signal, sheet, reveal, onHidden, shadowRoots }: CreateSelectionCardParameters): SelectionCard {
  const { host, root, usesPopover } = createCardHost(document, selectionCardTag, sheet);

  let anchor: Range | undefined;
  let open: AbortController | undefined;
  let returnFocusTo: Element | null = null;
  const shownWatch = watchCardShown({ document, host, usesPopover, signal, shadowRoots, restore: () => place(), onHidden, onClosed: () => close({ returnFocus: false }) });

  function place(): void {
    if (anchor === undefined) return;
    const box = anchor.getBoundingClientRect();
    shownWatch.place(() => placeCardHost(document, host, box, sheet));
  }

  function close({ returnFocus = true } = {}): void {
    if (open === undefined) return;
    open.abort();
    open = undefined;
    shownWatch.closed();
    host.removeAttribute('data-open');
    if (usesPopover && host.matches(':popover-open')) host.hidePopover();
    showInCard(root);
    const previous = returnFocusTo;
    returnFocusTo = null;
    if (returnFocus && previous instanceof HTMLElement && previous.isConnected) previous.focus({ preventScroll: true });
  }

  /** While open: follows the selection through scrolling, and closes on Escape or a press outside. */
  function listen(): void {
    open = new AbortController();
    const options = { capture: true, signal: AbortSignal.any([signal, open.signal]) };
    followScrolling(document, place, options.signal);
    // On the window, in capture, as the badge's card (card.ts): before any listener of the page's but the window's own.
    const view = document.defaultView!;
    view.addEventListener(
      'keydown',
      trusted((event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        close();
      }),
      options,
    );
    view.addEventListener(
      'pointerdown',
      trusted((event) => {
        if (event.target !== host) close({ returnFocus: false });
      }),
      options,
    );
  }

  signal.addEventListener('abort', () => {
    close({ returnFocus: false });
    host.remove();
  });

  return {
    anchorTo(range) {
      anchor = range;
    },
    show(check) {
      if (anchor === undefined || signal.aborted) return false;
      const wasOpen = open !== undefined;
      if (wasOpen) close({ returnFocus: false });
      else returnFocusTo = document.activeElement;
      const content = selectionCardContentOf(check);
      // In the theme of the page where the selection starts, as the badges there are.
      const start = anchor.startContainer;
      const at = start instanceof Element ? start : start.parentElement;
      host.dataset.theme = at === null ? 'light' : pageThemeAt(at);
      const card = cardElement(document, content, { reveal, close: () => close() });
      // Inside the closed shadow root, where the page can neither read nor write it.
      if (content.state) card.dataset.state = content.state.state;
      showInCard(root, card);
      if (!host.isConnected) document.documentElement.append(host);
      host.setAttribute('data-open', '');
      if (usesPopover && !host.matches(':popover-open')) host.showPopover();
      place();
      listen();
      shownWatch.opened();
      card.focus({ preventScroll: true });
      return true;
    },
    close: () => close(),
  };
}

function cardElement(
  document: Document,
  content: SelectionCardContent,
  { reveal, close }: { reveal: (id: string) => boolean; close: () => void },
): HTMLElement {
  const make = elementMaker(document);
  // One size whatever the answer, as the badge's card: what is signed, and by whom the reader trusts, is not the page's to measure.
  const card = make('div', 'card one-size tall');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', 'Verity: selection check');
  card.tabIndex = -1;

  const top = make('div', 'top');
  if (content.state !== undefined) {
    const chip = make('span', 'chip');
    chip.append(createIcon(document, stateIconShapes[content.state.state]), content.state.word);
    top.append(chip);
  }
  const brand = make('span', 'brand');
  brand.append(createIcon(document, brandIconShapes), 'Verity', createMarkBox(document));
  top.append(brand);

  const headline = make('p', 'headline', content.headline);
  headline.id = 'headline';
  const summary = make('p', 'summary', content.summary);
  summary.id = 'summary';
  card.setAttribute('aria-describedby', 'headline summary');
  card.append(top, headline, summary);
  // In the badge card's order: what the answer is about, how sure, then who vouches.
  if (content.scope !== undefined) card.append(make('p', 'note', content.scope));
  if (content.confidence !== undefined) card.append(confidenceMeter(make, content.confidence));
  if (content.facts.length > 0) card.append(factList(make, content.facts));

  const status = make('span', 'status');
  status.setAttribute('role', 'status');
  if (content.snippets.length > 0) {
    const list = make('ul', 'snippets');
    list.setAttribute('aria-label', content.snippets.length === 1 ? 'Found in this snippet' : 'Found in these snippets');
    for (const snippet of content.snippets) {
      const item = make('li', 'snippet');
      const quote = make('q', 'excerpt', snippet.excerpt);
      const show = make('button', 'button', 'Show');
      show.type = 'button';
      show.setAttribute('aria-label', `Show the snippet “${snippet.excerpt}”`);
      show.addEventListener('click', () => {
        status.textContent = reveal(snippet.id) ? '' : 'That snippet is no longer on the page.';
      });
      item.append(quote, show);
      list.append(item);
    }
    card.append(list);
  }

  const actions = make('div', 'actions');
  const closeButton = make('button', 'button', 'Close');
  closeButton.type = 'button';
  closeButton.addEventListener('click', close);
  actions.append(status);
  if (content.citation === undefined) {
    actions.append(closeButton);
    card.append(actions);
  } else {
    const citation = citationControls({ document, citation: content.citation, status, make });
    actions.append(citation.button, closeButton);
    // Above the buttons, which stay at the card's foot.
    card.append(citation.fallback, actions);
  }
  return card;
}
