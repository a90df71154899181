// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cardShown, watchCardShown } from './card-shown';
import { removeHitTest, stubHitTest } from '../../test/fakes/hit-test';

// Here every toggle counts as the browser's: test/e2e/untrusted-events-suite.ts shows a page's made-up one does nothing.
vi.mock('./trusted-events', () => ({ trusted: <listener>(listener: listener) => listener }));

let controller = new AbortController();
afterEach(() => {
  controller.abort();
  controller = new AbortController();
  document.body.replaceChildren();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  removeHitTest(document);
});

function openCard() {
  document.body.innerHTML = '<verity-card></verity-card><div id="page-popover" style="background-color: rgb(255, 255, 255)"></div><div id="clear-layer"></div>';
  const host = document.querySelector<HTMLElement>('verity-card')!;
  vi.spyOn(host, 'getBoundingClientRect').mockReturnValue({ left: 20, top: 40, width: 300, height: 200, right: 320, bottom: 240, x: 20, y: 40, toJSON: () => ({}) });
  return host;
}

const toggle = (target: EventTarget, newState: 'open' | 'closed') => target.dispatchEvent(Object.assign(new Event('toggle', { bubbles: false }), { newState }));

describe('cardShown', () => {
  it('holds for a card that is the topmost element at its middle', () => {
    const host = openCard();
    const stack = stubHitTest(document, () => [host, document.body]);
    expect(cardShown(document, host, false)).toBe(true);
    expect(stack).toHaveBeenCalledWith(170, 140);
  });

  it('fails for a card the page drew over, closed, or moved out of the window', () => {
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
    vi.mocked(host.matches).mockRestore();
    vi.mocked(host.getBoundingClientRect).mockReturnValue({ left: -5000, top: -5000, width: 300, height: 200, right: -4700, bottom: -4800, x: -5000, y: -5000, toJSON: () => ({}) });
    expect(cardShown(document, host, false)).toBe(false);
  });
});

describe('watchCardShown', () => {
  function watch(isOpen = () => true) {
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));
    const host = openCard();
    const onHidden = vi.fn();
    const onClosed = vi.fn();
    const watcher = watchCardShown({ document, host, usesPopover: false, signal: controller.signal, isOpen, shadowRoots: () => [], onHidden, onClosed });
    return { host, watcher, onHidden, onClosed };
  }
  const drawn = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('says nothing of a card on top once drawn, and tells of one the page drew over', async () => {
    const { host, watcher, onHidden } = watch();
    const stack = stubHitTest(document, () => [host]);
    watcher.checkWhenDrawn();
    await drawn();
    expect(onHidden).not.toHaveBeenCalled();
    stack.mockReturnValue([document.getElementById('page-popover')!, host]);
    watcher.checkWhenDrawn();
    await drawn();
    expect(onHidden).toHaveBeenCalledTimes(1);
  });

  it('looks again when a popover of the page opens over an open card, and not for one the card opens itself', async () => {
    const { host, onHidden } = watch();
    stubHitTest(document, () => [document.getElementById('page-popover')!, host]);
    toggle(host, 'open');
    await drawn();
    expect(onHidden).not.toHaveBeenCalled();
    toggle(document.getElementById('page-popover')!, 'open');
    await drawn();
    expect(onHidden).toHaveBeenCalledTimes(1);
  });

  it('tells of, and follows, the page closing an open card; a closed card closing is Verity\'s own doing', () => {
    let open = true;
    const { host, onHidden, onClosed } = watch(() => open);
    toggle(host, 'closed');
    expect(onHidden).toHaveBeenCalledTimes(1);
    expect(onClosed).toHaveBeenCalledTimes(1);
    open = false;
    toggle(host, 'closed');
    expect(onHidden).toHaveBeenCalledTimes(1);
  });
});
