// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { removeHitTest, stubHitTest } from '../../test/fakes/hit-test';
import { badgeHidingOf } from './badge-hiding';
import { opacityOf } from './drawn-opacity';

const rect = (left: number, top: number, width: number, height: number) => ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) });

/** A snippet with its badge at its end, as badge-placement.ts puts it; `wrap` is markup around the badge. */
function page(html: string) {
  document.body.innerHTML = html;
  const host = document.querySelector('verity-badge')!;
  const snippet = document.getElementById('snippet')!;
  return { host, snippet, hiding: () => badgeHidingOf({ host, snippet, view: window, isOwn: (element) => element.localName.startsWith('verity-') }) };
}

afterEach(() => {
  vi.restoreAllMocks();
  removeHitTest(document);
});

describe('badgeHidingOf', () => {
  it('says nothing of a badge shown as its snippet is', () => {
    expect(page('<p id="snippet">Signed words.<verity-badge></verity-badge></p>').hiding()).toBeUndefined();
  });

  it('finds a badge faded out by a wrapper its snippet does not share', () => {
    const { host, hiding } = page('<p id="snippet">Signed words.<span style="opacity: 0.2"><verity-badge></verity-badge></span></p>');
    expect(opacityOf(host, window)).toBeCloseTo(0.2);
    expect(hiding()).toBe('faded');
  });

  it('finds a badge placed after its snippet and slotted by the page into a faded part of a component', () => {
    const { host, hiding } = page('<div id="component"><p id="snippet">Signed words.</p><verity-badge slot="faded"></verity-badge></div>');
    document.getElementById('component')!.attachShadow({ mode: 'open' }).innerHTML = '<slot></slot><div style="opacity: 0.1"><slot name="faded"></slot></div>';
    expect(opacityOf(host, window)).toBeCloseTo(0.1);
    expect(hiding()).toBe('faded');
  });

  it('leaves a badge faded with its whole snippet to the page: that is how the page looks', () => {
    expect(page('<div style="opacity: 0.3"><p id="snippet">Signed words.<verity-badge></verity-badge></p></div>').hiding()).toBeUndefined();
  });

  it('finds a badge hidden where its snippet shows, where the browser can tell', () => {
    const { host, snippet, hiding } = page('<p id="snippet">Signed words.<span style="display: none"><verity-badge></verity-badge></span></p>');
    // jsdom draws nothing: the browser's answers, as Chromium gives them.
    Object.assign(host, { checkVisibility: () => false });
    Object.assign(snippet, { checkVisibility: () => true });
    expect(hiding()).toBe('hidden');
    Object.assign(snippet, { checkVisibility: () => false });
    expect(hiding()).toBeUndefined();
  });

  it('finds a badge covered at its middle by an element of the page that draws there, not by Verity\'s card', () => {
    const { host, hiding } = page(
      '<p id="snippet">Signed words.<verity-badge></verity-badge></p><div id="clear"></div><div id="cover" style="background-color: rgb(255, 255, 255)"></div><verity-card></verity-card>',
    );
    vi.spyOn(host, 'getBoundingClientRect').mockReturnValue(rect(100, 100, 60, 20) as DOMRect);
    const cover = document.getElementById('cover')!;
    const card = document.querySelector('verity-card')!;
    const stack = stubHitTest(document, () => [card, host, document.body]);
    expect(hiding()).toBeUndefined();
    stack.mockReturnValue([cover, host, document.body]);
    expect(hiding()).toBe('covered');
    expect(stack).toHaveBeenLastCalledWith(130, 110);
    // A clear layer hides nothing: what is under it is.
    stack.mockReturnValue([document.getElementById('clear')!, host, document.body]);
    expect(hiding()).toBeUndefined();
    stack.mockReturnValue([document.getElementById('clear')!, cover, host]);
    expect(hiding()).toBe('covered');
  });

  it('judges an element hit tests cannot reach by its box, when asked through every box', () => {
    const { host, snippet } = page('<p id="snippet">Signed words.<verity-badge></verity-badge></p><div id="cover" style="background-color: rgb(255, 255, 255)"></div>');
    vi.spyOn(host, 'getBoundingClientRect').mockReturnValue(rect(100, 100, 60, 20) as DOMRect);
    const cover = document.getElementById('cover')!;
    stubHitTest(document, () => [host, document.body]);
    const isOwn = (element: Element) => element.localName.startsWith('verity-');
    expect(badgeHidingOf({ host, snippet, view: window, isOwn })).toBeUndefined();
    expect(badgeHidingOf({ host, snippet, view: window, isOwn, unseen: [{ element: cover, box: rect(0, 0, 400, 400) as DOMRect }] })).toBe('covered');
  });

  it('calls a fixed or sticky cover on a page that scrolls a pinned cover, for page-integrity.ts to look at again after a scroll', () => {
    const { host, hiding } = page('<p id="snippet">Signed words.<verity-badge></verity-badge></p><div id="bar" style="position: fixed; background-color: rgb(0, 0, 0)"></div>');
    vi.spyOn(host, 'getBoundingClientRect').mockReturnValue(rect(100, 100, 60, 20) as DOMRect);
    stubHitTest(document, () => [document.getElementById('bar')!, host, document.body]);
    // jsdom lays nothing out: a page taller than the window, as a browser would measure it.
    vi.spyOn(document.documentElement, 'scrollHeight', 'get').mockReturnValue(innerHeight * 3);
    expect(hiding()).toBe('pinned-cover');
    vi.spyOn(document.documentElement, 'scrollHeight', 'get').mockReturnValue(innerHeight);
    expect(hiding()).toBe('covered');
  });

  it('does not hit-test a badge out of the viewport', () => {
    const { host, hiding } = page('<p id="snippet">Signed words.<verity-badge></verity-badge></p><div id="cover"></div>');
    vi.spyOn(host, 'getBoundingClientRect').mockReturnValue(rect(100, innerHeight + 50, 60, 20) as DOMRect);
    const stack = stubHitTest(document, () => [document.getElementById('cover')!]);
    expect(hiding()).toBeUndefined();
    expect(stack).not.toHaveBeenCalled();
  });
});
