// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Badge } from './badge';
import { cardShown, cardTag, createCard } from './card';
import { createCardSheet } from './card-sheet';
import { removeHitTest, stubHitTest } from '../../test/fakes/hit-test';

// Here every key and pointer event counts as the reader's: test/e2e/untrusted-events-suite.ts shows a page's made-up ones do nothing.
vi.mock('./trusted-events', () => ({ trusted: <listener>(listener: listener) => listener }));

const controller = new AbortController();
afterEach(() => {
  document.body.replaceChildren();
  document.querySelector(cardTag)?.remove();
  vi.restoreAllMocks();
  removeHitTest(document);
});

function fakeBadge(id: string): Badge {
  const host = document.createElement('span');
  const button = document.createElement('button');
  host.append(button);
  document.body.append(host);
  return { id, host, button, render: () => undefined, setExpanded: () => undefined } as unknown as Badge;
}

function setUp() {
  const card = createCard({
    document,
    signal: controller.signal,
    sheet: createCardSheet(),
    verdictOf: () => undefined,
    openDetails: () => Promise.resolve(true),
    openTrustSigner: () => Promise.resolve(true),
  });
  const open = () => document.querySelector(cardTag)?.hasAttribute('data-open') === true;
  return { card, open };
}

const press = (key: string) => document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
const move = (target: EventTarget) => target.dispatchEvent(new PointerEvent('pointermove', { bubbles: true }));

describe('createCard after Escape', () => {
  it('does not preview again for the pointer still on the badge (or the card over it), until the pointer leaves it', () => {
    const { card, open } = setUp();
    const badge = fakeBadge('a');
    card.preview(badge);
    expect(open()).toBe(true);
    press('Escape');
    expect(open()).toBe(false);
    // The card no longer covers the badge: the browser tells the badge the pointer is on it.
    move(badge.host);
    card.preview(badge);
    expect(open()).toBe(false);
    card.leave(badge);
    card.preview(badge);
    expect(open()).toBe(true);
  });

  it('previews again once the pointer has moved off the badge, and always opens on a press', () => {
    const { card, open } = setUp();
    const badge = fakeBadge('a');
    card.preview(badge);
    press('Escape');
    move(document.body);
    card.preview(badge);
    expect(open()).toBe(true);
    press('Escape');
    card.activate(badge);
    expect(open()).toBe(true);
  });

  it('previews another badge straight away', () => {
    const { card, open } = setUp();
    card.preview(fakeBadge('a'));
    press('Escape');
    card.preview(fakeBadge('b'));
    expect(open()).toBe(true);
  });
});

function openCard() {
  document.body.innerHTML = '<verity-card></verity-card><div id="page-popover" style="background-color: rgb(255, 255, 255)"></div><div id="clear-layer"></div>';
  const host = document.querySelector<HTMLElement>('verity-card')!;
  vi.spyOn(host, 'getBoundingClientRect').mockReturnValue({ left: 20, top: 40, width: 300, height: 200, right: 320, bottom: 240, x: 20, y: 40, toJSON: () => ({}) });
  return host;
}

describe('cardShown', () => {
  it('holds for a card that is the topmost element at its middle', () => {
    const host = openCard();
    const stack = stubHitTest(document, () => [host, document.body]);
    expect(cardShown(document, host, false)).toBe(true);
    expect(stack).toHaveBeenCalledWith(170, 140);
  });

  it('fails for a card the page drew over, or closed', () => {
    const host = openCard();
    stubHitTest(document, () => [document.getElementById('page-popover')!, host]);
    expect(cardShown(document, host, false)).toBe(false);
    // A clear layer of the page's over it hides nothing.
    stubHitTest(document, () => [document.getElementById('clear-layer')!, host]);
    expect(cardShown(document, host, false)).toBe(true);
    // A popover the page closed: `:popover-open` no longer matches (jsdom knows no popovers; this is the browser's answer).
    stubHitTest(document, () => [host]);
    vi.spyOn(host, 'matches').mockReturnValue(false);
    expect(cardShown(document, host, true)).toBe(false);
  });
});
