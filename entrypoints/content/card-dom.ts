import type { SharedStyle } from './shared-style';
import { ignoreAttribute } from '../../lib/text/dom';
import type { Confidence } from './badge-label';
import type { OriginFact } from '../../lib/verdict/origin-facts';
import { placeCard } from './card-position';
import { markMadeByVerity } from './made-by-verity';

/** Building blocks the two cards share (the badge's and the selection's); every word goes in as text, never markup. */

export type CardHost = { host: HTMLElement; root: ShadowRoot; usesPopover: boolean };

/**
 * A card's host, not yet in the page: Verity's own (the page's text walk
 * skips it), its content in a closed shadow root, and a manual popover,
 * for the top layer, where the browser has them.
 */
export function createCardHost(document: Document, tag: string, sheet: SharedStyle): CardHost {
  const host = markMadeByVerity(document.createElement(tag));
  host.setAttribute(ignoreAttribute, '');
  const root = host.attachShadow({ mode: 'closed' });
  sheet.adopt(root);
  const usesPopover = 'showPopover' in host;
  if (usesPopover) host.popover = 'manual';
  return { host, root, usesPopover };
}

/**
 * Draws `content` as the card's content, or empties it. The <style> that SharedStyle puts in a root where it cannot
 * adopt its sheet (Firefox before 153) stays: replacing every child of the root would draw the card unstyled.
 */
export function showInCard(root: ShadowRoot, content?: Element): void {
  const styles = [...root.children].filter((child) => child.localName === 'style');
  root.replaceChildren(...styles, ...(content === undefined ? [] : [content]));
}

export type MakeElement = <tag extends keyof HTMLElementTagNameMap>(tag: tag, className?: string, text?: string) => HTMLElementTagNameMap[tag];

export function elementMaker(document: Document): MakeElement {
  return (tag, className, text) => {
    const element = document.createElement(tag);
    if (className !== undefined) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  };
}

/** "Confidence 92/100 · Very strong" over a bar: only for a verdict it rates. */
export function confidenceMeter(make: MakeElement, { value, word }: Confidence): HTMLElement {
  const meter = make('div', 'meter');
  const row = make('div', 'meter-row');
  const figure = make('span');
  figure.append(make('strong', undefined, String(value)), `/100 · ${word}`);
  row.append(make('span', undefined, 'Confidence'), figure);
  const track = make('div', 'track');
  track.setAttribute('role', 'meter');
  track.setAttribute('aria-label', 'Confidence');
  track.setAttribute('aria-valuemin', '0');
  track.setAttribute('aria-valuemax', '100');
  track.setAttribute('aria-valuenow', String(value));
  const bar = make('div', 'bar');
  bar.style.width = `${value}%`;
  track.append(bar);
  meter.append(row, track);
  return meter;
}

/** "Vouched by · Example Newsroom" and the like, as a description list; a shortened value keeps the full one as its title. */
export function factList(make: MakeElement, facts: readonly OriginFact[]): HTMLElement {
  const list = make('dl', 'facts');
  for (const fact of facts) {
    const value = make('dd', undefined, fact.value);
    if (fact.title !== undefined) value.title = fact.title;
    list.append(make('dt', undefined, fact.label), value);
  }
  return list;
}

/**
 * Moves a card's host by its anchor (viewport coordinates), inside the window: measures the card, so one layout.
 * Set as important in the host's own style, which no rule of the page's outranks, under the sheet's private names.
 */
export function placeCardHost(document: Document, host: HTMLElement, anchor: DOMRect, sheet: SharedStyle): CardPlace {
  const { width, height } = host.getBoundingClientRect();
  const view = document.defaultView;
  const viewport = { width: view?.innerWidth ?? width, height: view?.innerHeight ?? height };
  const placement = placeCard({ anchor, card: { width, height }, viewport });
  const [left, top] = [Math.round(placement.left), Math.round(placement.top)];
  host.style.setProperty(sheet.customProperty('--verity-left'), `${left}px`, 'important');
  host.style.setProperty(sheet.customProperty('--verity-top'), `${top}px`, 'important');
  return { left, top };
}

/** Where Verity put a card, in CSS pixels of the host's own (before any `zoom` of the page's). */
export type CardPlace = { left: number; top: number };

/** While an open card lasts (`signal`), calls `place` once a frame as the page scrolls or the window resizes. */
export function followScrolling(document: Document, place: () => void, signal: AbortSignal): void {
  const options = { capture: true, passive: true, signal };
  let queued = false;
  const schedule = (): void => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      if (!signal.aborted) place();
    });
  };
  document.addEventListener('scroll', schedule, options);
  document.defaultView?.addEventListener('resize', schedule, options);
}
