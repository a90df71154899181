import type { SharedStyle } from './shared-style';
import { ignoreAttribute } from '../../lib/text/dom';
import type { Verdict } from '../../lib/verdict/types';
import { badgeLabel, badgeStateOf, badgeStates, badgeWord } from './badge-label';
import { trusted } from './trusted-events';
import { createPillIcon } from './pill-icon';
import { createMarkBox } from './mark-css';
import { markMadeByVerity } from './made-by-verity';

/** The badge host's tag. A custom element name, so it can hold a shadow root; never registered. */
export const badgeTag = 'verity-badge';

export type BadgeEvents = {
  /** The pointer or keyboard focus arrived: preview the card. */
  onEnter(badge: Badge): void;
  /** The pointer or focus went: let the card go, unless it follows. */
  onLeave(badge: Badge): void;
  /** Clicked, or Enter or Space: open the card and move focus into it. */
  onActivate(badge: Badge): void;
};

export type Badge = {
  /** The proof's id. */
  readonly id: string;
  /**
   * In the page: `data-ai-proof-ignore` (never part of a snippet's text), the proof's id and, once placed,
   * `data-theme` (the page's, where it sits: badge-painter.ts). Nothing on it tells the verdict: the
   * page would learn the reader's trust settings. The state is the pill's, in the closed shadow root.
   */
  readonly host: HTMLElement;
  /** Inside the closed shadow root; the card returns focus here. */
  readonly button: HTMLButtonElement;
  render(verdict: Verdict | undefined): void;
  setExpanded(expanded: boolean): void;
};

export type CreateBadgeParameters = {
  document: Document;
  id: string;
  /** The one sheet every badge adopts. */
  sheet: SharedStyle;
  events: BadgeEvents;
};

/** Built once per document and cloned for each badge: a page may hold hundreds, found at once. */
const pillPrototypes = new WeakMap<Document, HTMLButtonElement>();

/**
 * The pill: a button holding one icon of every state's shapes, every
 * state's word stacked in one grid cell, and the reader's mark. The sheet
 * shows the state's shapes and word alone (badge-sheet.ts): a new verdict
 * changes an attribute and no box, so it lays out nothing around the badge
 * (a page of 100,000 paragraphs lays out all of them for one changed
 * word), and every badge is as wide whatever it says, so its size tells
 * the page nothing.
 */
function pillPrototype(document: Document): HTMLButtonElement {
  let button = pillPrototypes.get(document);
  if (button === undefined) {
    button = document.createElement('button');
    button.type = 'button';
    button.className = 'pill';
    button.setAttribute('aria-haspopup', 'dialog');
    button.setAttribute('aria-expanded', 'false');
    const words = badgeStates.map((state) => {
      const word = document.createElement('span');
      word.className = 'word';
      word.dataset.of = state;
      word.textContent = badgeWord(state);
      return word;
    });
    button.append(createPillIcon(document), ...words, createMarkBox(document));
    pillPrototypes.set(document, button);
  }
  return button;
}

/** The word a pill shows: the one of its state. */
export function shownWord(button: HTMLButtonElement): HTMLElement | null {
  return button.querySelector(`.word[data-of='${button.dataset.state}']`);
}

/**
 * A badge: a small pill with the state's icon and word, in a closed shadow
 * root so the page can neither restyle nor read it. Keyboard-focusable,
 * named in full for assistive technology. It swallows its own clicks, so a
 * badge inside a link or a clickable card never sets the page off.
 */
export function createBadge({ document, id, sheet, events }: CreateBadgeParameters): Badge {
  const host = markMadeByVerity(document.createElement(badgeTag));
  host.setAttribute(ignoreAttribute, '');
  host.dataset.verityProof = id;
  const root = host.attachShadow({ mode: 'closed' });
  sheet.adopt(root);
  const button = pillPrototype(document).cloneNode(true) as HTMLButtonElement;
  root.append(button);

  const badge: Badge = {
    id,
    host,
    button,
    render(verdict) {
      const state = badgeStateOf(verdict);
      if (button.dataset.state !== state) button.dataset.state = state;
      button.setAttribute('aria-label', badgeLabel(verdict));
    },
    setExpanded(expanded) {
      button.setAttribute('aria-expanded', String(expanded));
    },
  };

  host.addEventListener('pointerenter', trusted(() => events.onEnter(badge)));
  host.addEventListener('pointerleave', trusted(() => events.onLeave(badge)));
  button.addEventListener('focus', () => events.onEnter(badge));
  button.addEventListener('blur', () => events.onLeave(badge));
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    events.onActivate(badge);
  });
  // The page's own handlers (a card that opens on press, keyboard shortcuts) must not see our presses.
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'keydown', 'keyup'] as const) {
    host.addEventListener(type, (event) => event.stopPropagation());
  }

  badge.render(undefined);
  return badge;
}
