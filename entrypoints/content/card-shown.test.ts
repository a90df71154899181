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

const box = (left: number, top: number, width: number, height: number) => ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) });

function openCard() {
  document.body.innerHTML = '<verity-card></verity-card><div id="page-popover" style="background-color: rgb(255, 255, 255)"></div><div id="clear-layer"></div>';
  const host = document.querySelector<HTMLElement>('verity-card')!;
  vi.spyOn(host, 'getBoundingClientRect').mockReturnValue(box(20, 40, 304, 200));
  return host;
}

const toggle = (target: EventTarget, newState: 'open' | 'closed') => target.dispatchEvent(Object.assign(new Event('toggle', { bubbles: false }), { newState }));

describe('cardShown', () => {
  it('holds for a card that is topmost at its corners and its middle', () => {
    const host = openCard();
    const stack = stubHitTest(document, () => [host, document.body]);
    expect(cardShown(document, host, false)).toBe(true);
    expect(stack).toHaveBeenCalledWith(172, 140);
    expect(stack).toHaveBeenCalledWith(20 + 304 * 0.92, 40 + 200 * 0.08);
  });

  it('fails for a card the page drew over, even in part or with a box that draws nothing, closed, moved from where Verity put it or shrunk', () => {
    const host = openCard();
    stubHitTest(document, () => [document.getElementById('page-popover')!, host]);
    expect(cardShown(document, host, false)).toBe(false);
    // A clear layer over one corner (the mark's): it would take the reader's presses there.
    const stack = stubHitTest(document, (x, y) => (x > 250 && y < 60 ? [document.getElementById('clear-layer')!, host] : [host]));
    expect(cardShown(document, host, false)).toBe(false);
    stack.mockImplementation(() => [host]);
    expect(cardShown(document, host, false)).toBe(true);
    // A popover the page closed: `:popover-open` no longer matches (jsdom knows no popovers; this is the browser's answer).
    vi.spyOn(host, 'matches').mockReturnValue(false);
    expect(cardShown(document, host, true)).toBe(false);
    vi.mocked(host.matches).mockRestore();
    // Out of the window: where Verity put it, following its badge the reader scrolled away; elsewhere, the page's doing.
    vi.mocked(host.getBoundingClientRect).mockReturnValue(box(20, -5000, 304, 200));
    expect(cardShown(document, host, false, [], { left: 20, top: -5000 })).toBe(true);
    expect(cardShown(document, host, false, [], { left: 20, top: 40 })).toBe(false);
    // A page's `zoom` on the root draws it small; a page zoomed a little, honestly, draws it a little larger or smaller.
    vi.mocked(host.getBoundingClientRect).mockReturnValue(box(20, 40, 24, 16));
    expect(cardShown(document, host, false)).toBe(false);
    for (const width of [380, 243]) {
      vi.mocked(host.getBoundingClientRect).mockReturnValue(box(20, 40, width, 200));
      expect(cardShown(document, host, false), `${width}`).toBe(true);
    }
    host.remove();
    vi.mocked(host.getBoundingClientRect).mockReturnValue(box(20, 40, 304, 200));
    expect(cardShown(document, host, false)).toBe(false);
  });
});

describe('watchCardShown', () => {
  afterEach(() => void vi.useRealTimers());
  function watch() {
    // The view transitions' bound is timed by performance.now.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));
    const host = openCard();
    const stack = stubHitTest(document, () => [host]);
    const [onHidden, onClosed, restore] = [vi.fn(), vi.fn(), vi.fn()];
    const watcher = watchCardShown({ document, host, usesPopover: false, signal: controller.signal, shadowRoots: () => [], restore, onHidden, onClosed });
    return { host, stack, watcher, onHidden, onClosed, restore };
  }
  const drawn = () => vi.advanceTimersByTimeAsync(0);
  // A card found hidden is looked at again before it is flagged.
  const confirmed = () => vi.advanceTimersByTimeAsync(700);

  it('says nothing of a card on top once drawn, and tells of one the page drew over', async () => {
    const { host, stack, watcher, onHidden } = watch();
    watcher.opened();
    await drawn();
    expect(onHidden).not.toHaveBeenCalled();
    watcher.closed();
    stack.mockReturnValue([document.getElementById('page-popover')!, host]);
    watcher.opened();
    await drawn();
    expect(onHidden).not.toHaveBeenCalled();
    await confirmed();
    expect(onHidden).toHaveBeenCalledTimes(1);
  });

  it("does not flag a cover gone when looked at again (a page's tooltip), but flags the third in one opening", async () => {
    const { host, stack, watcher, onHidden } = watch();
    const popover = document.getElementById('page-popover')!;
    watcher.opened();
    stack.mockReturnValue([popover, host]);
    await drawn();
    stack.mockReturnValue([host]);
    await confirmed();
    expect(onHidden).not.toHaveBeenCalled();
    for (let time = 0; time < 2; time++) {
      stack.mockReturnValue([popover, host]);
      toggle(popover, 'open');
      await drawn();
      stack.mockReturnValue([host]);
      await confirmed();
    }
    expect(onHidden).toHaveBeenCalledTimes(1);
  });

  it('takes the looks at one cover, before it is looked at again, for one time: several observers report one tooltip', async () => {
    const { host, stack, watcher, onHidden } = watch();
    const popover = document.getElementById('page-popover')!;
    watcher.opened();
    await drawn();
    for (let time = 0; time < 2; time++) {
      stack.mockReturnValue([popover, host]);
      // The tooltip heard three times while it shows (its toggle, the v2 observer, a resize).
      for (let look = 0; look < 3; look++) {
        toggle(popover, 'open');
        await drawn();
      }
      stack.mockReturnValue([host]);
      await confirmed();
    }
    expect(onHidden).not.toHaveBeenCalled();
  });

  it('waits out a view transition, once however often asked to look, for 5 s at most in one opening', async () => {
    const { stack, watcher, onHidden } = watch();
    const popover = document.getElementById('page-popover')!;
    let inTransition = false;
    const root = document.documentElement;
    const matches = root.matches.bind(root);
    vi.spyOn(root, 'matches').mockImplementation((selector) => (selector === ':active-view-transition' ? inTransition : matches(selector)));
    watcher.opened();
    await drawn();
    // Drawn from snapshots: hit tests name the root. Looks asked for all the while (the v2 observer, a tooltip) wait with the first.
    inTransition = true;
    stack.mockReturnValue([root]);
    for (let look = 0; look < 6; look++) {
      toggle(popover, 'open');
      await vi.advanceTimersByTimeAsync(400);
    }
    inTransition = false;
    stack.mockReturnValue([document.querySelector('verity-card')!]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onHidden).not.toHaveBeenCalled();
    // One that never ends hides the card from the reader: flagged 5 s after this opening first saw a transition.
    inTransition = true;
    stack.mockReturnValue([root]);
    toggle(popover, 'open');
    await vi.advanceTimersByTimeAsync(1_300);
    expect(onHidden).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(onHidden).toHaveBeenCalled();
  });

  it("looks every 400 ms while open where there is no v2 observer (Firefox): a popover in a closed shadow root tells nothing", async () => {
    expect(typeof IntersectionObserver).toBe('undefined');
    const { stack, watcher, onHidden } = watch();
    watcher.opened();
    await drawn();
    // The host of the page's closed root, which hit tests name for the popover inside it; no event reaches Verity.
    stack.mockReturnValue([document.getElementById('page-popover')!]);
    await vi.advanceTimersByTimeAsync(400);
    expect(onHidden).not.toHaveBeenCalled();
    await confirmed();
    expect(onHidden).toHaveBeenCalledTimes(1);
    watcher.closed();
    stack.mockClear();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(stack).not.toHaveBeenCalled();
  });

  it('holds where Verity put the card: one moved elsewhere is hidden, one that followed its badge out of the window is not', async () => {
    const { host, watcher, onHidden } = watch();
    watcher.opened();
    watcher.place(() => ({ left: 20, top: -5000 }));
    vi.mocked(host.getBoundingClientRect).mockReturnValue(box(20, -5000, 304, 200));
    toggle(document.getElementById('page-popover')!, 'open');
    await drawn();
    await confirmed();
    expect(onHidden).not.toHaveBeenCalled();
    vi.mocked(host.getBoundingClientRect).mockReturnValue(box(0, 0, 304, 200));
    toggle(document.getElementById('page-popover')!, 'open');
    await drawn();
    await confirmed();
    expect(onHidden).toHaveBeenCalledTimes(1);
  });

  it('looks again when a popover of the page opens while the card is open, in the document or a shadow root it knows', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));
    const host = openCard();
    const shadowHost = document.createElement('div');
    document.body.append(shadowHost);
    const root = shadowHost.attachShadow({ mode: 'open' });
    root.innerHTML = '<div id="inner-popover"></div>';
    const stack = stubHitTest(document, () => [host]);
    const onHidden = vi.fn();
    const watcher = watchCardShown({ document, host, usesPopover: false, signal: controller.signal, shadowRoots: () => [root], restore: () => undefined, onHidden, onClosed: () => undefined });
    toggle(document.getElementById('page-popover')!, 'open');
    await drawn();
    expect(stack).not.toHaveBeenCalled();
    watcher.opened();
    await drawn();
    stack.mockClear();
    stack.mockReturnValue([shadowHost, host]);
    toggle(root.getElementById('inner-popover')!, 'open');
    await drawn();
    expect(stack).toHaveBeenCalled();
    await confirmed();
    expect(onHidden).toHaveBeenCalledTimes(1);
  });

  it("tells of, and follows, the page closing an open card; a closed card's closing is Verity's own doing", () => {
    const { host, watcher, onHidden, onClosed } = watch();
    watcher.opened();
    toggle(host, 'closed');
    expect(onHidden).toHaveBeenCalledTimes(1);
    expect(onClosed).toHaveBeenCalledTimes(1);
    watcher.closed();
    toggle(host, 'closed');
    expect(onHidden).toHaveBeenCalledTimes(1);
  });

  it("puts the card back when the page changes its host's style, and not for Verity's own change; tells when the page keeps at it", async () => {
    const { host, watcher, onHidden, restore } = watch();
    watcher.opened();
    watcher.place(() => {
      host.style.setProperty('--v0-verity-top', '40px');
      return { left: 20, top: 40 };
    });
    await drawn();
    expect(restore).not.toHaveBeenCalled();
    host.style.setProperty('--v0-verity-top', '-5000px', 'important');
    await drawn();
    expect(restore).toHaveBeenCalledTimes(1);
    expect(onHidden).not.toHaveBeenCalled();
    for (let change = 0; change < 8; change++) {
      host.setAttribute('inert', String(change));
      await drawn();
    }
    expect(restore).toHaveBeenCalledTimes(8);
    expect(onHidden).toHaveBeenCalledTimes(1);
  });

  it("takes a change of the page's made just before one of Verity's own for the page's", () => {
    const { host, watcher, restore } = watch();
    watcher.opened();
    host.setAttribute('inert', '');
    watcher.place(() => {
      host.style.setProperty('--v0-verity-top', '40px');
      return { left: 20, top: 40 };
    });
    expect(restore).toHaveBeenCalledTimes(1);
  });

  it("looks again when the page makes the host's parent inert: the card is drawn but takes no press", async () => {
    const { host, stack, watcher, onHidden } = watch();
    watcher.opened();
    await drawn();
    host.parentElement!.setAttribute('inert', '');
    // Inert, the card is out of hit tests: the root's element is found on top.
    stack.mockReturnValue([document.body]);
    await drawn();
    await confirmed();
    expect(onHidden).toHaveBeenCalledTimes(1);
  });

  it('tells of, and follows, the page taking the host out', async () => {
    const { host, watcher, onHidden, onClosed } = watch();
    watcher.opened();
    host.remove();
    await drawn();
    expect(onHidden).toHaveBeenCalled();
    expect(onClosed).toHaveBeenCalledTimes(1);
  });
});
