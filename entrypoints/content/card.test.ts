// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Badge } from './badge';
import { cardTag, createCard } from './card';
import { createCardSheet } from './card-sheet';

// Here every key and pointer event counts as the reader's: test/e2e/untrusted-events-suite.ts shows a page's made-up ones do nothing.
vi.mock('./trusted-events', () => ({ trusted: <listener>(listener: listener) => listener }));

const controller = new AbortController();
// The card's shadow root is closed: the test reaches it the way a reader's tools do, through the host it attaches to.
const roots = new WeakMap<Element, ShadowRoot>();
const attachShadow = Element.prototype.attachShadow;
beforeEach(() => {
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    roots.set(this, root);
    return root;
  });
});
afterEach(() => {
  document.body.replaceChildren();
  document.querySelector(cardTag)?.remove();
  vi.restoreAllMocks();
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
    onHidden: () => undefined,
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

describe('createCard and focus', () => {
  it('keeps a card the reader opened when the page takes focus from it; a previewed one goes', () => {
    vi.useFakeTimers();
    document.body.insertAdjacentHTML('beforeend', '<input id="page-input">');
    const input = document.getElementById('page-input') as HTMLInputElement;
    const { card, open } = setUp();
    const badge = fakeBadge('a');
    card.activate(badge);
    expect(document.activeElement).toBe(document.querySelector(cardTag));
    input.focus();
    vi.advanceTimersByTime(1_000);
    expect(open()).toBe(true);

    press('Escape');
    card.preview(fakeBadge('b'));
    // The reader reached into the previewed card (a press on its button); the page then takes focus.
    roots.get(document.querySelector(cardTag)!)!.querySelector('button')!.focus();
    input.focus();
    vi.advanceTimersByTime(1_000);
    expect(open()).toBe(false);
    vi.useRealTimers();
  });
});
