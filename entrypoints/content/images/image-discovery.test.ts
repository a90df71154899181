// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportAllShadowRootsEvent, shadowRootEvent } from '../shadow-root-events';
import { FakeIntersectionObserver } from '../../../test/fakes/observers';
import { watchPageImages } from './image-discovery';

function sizeOf(target: Element, size: { width: number; height: number }): DOMRectReadOnly {
  const [width, height] = (target.getAttribute('data-size') ?? `${size.width}x${size.height}`).split('x').map(Number);
  return { width, height } as DOMRectReadOnly;
}

/** jsdom loads no images: each is made loaded, at its `src`, by hand. */
function image(src: string, { loaded = true, size }: { loaded?: boolean; size?: string } = {}): HTMLImageElement {
  const element = document.createElement('img');
  element.src = src;
  if (size !== undefined) element.setAttribute('data-size', size);
  setLoaded(element, loaded, src);
  return element;
}

function setLoaded(element: HTMLImageElement, loaded: boolean, src: string) {
  Object.defineProperty(element, 'complete', { value: loaded, configurable: true });
  Object.defineProperty(element, 'naturalWidth', { value: loaded ? 100 : 0, configurable: true });
  Object.defineProperty(element, 'currentSrc', { value: loaded ? src : '', configurable: true });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let stop: AbortController;
beforeEach(() => {
  FakeIntersectionObserver.all.clear();
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  stop = new AbortController();
});
afterEach(() => {
  stop.abort();
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

function watch() {
  const given: [string, string][] = [];
  const changed: HTMLImageElement[] = [];
  const onRemoved = vi.fn();
  watchPageImages({ signal: stop.signal, document, onImage: (element, url) => given.push([element.alt, url]), onSourceChanged: (element) => changed.push(element), onRemoved });
  const observer = FakeIntersectionObserver.last!;
  const intersections = {
    options: observer.options,
    observed: observer.targets,
    /** Every observed image comes near the viewport, at `size` (or its own `data-size`). */
    near: (size = { width: 200, height: 150 }) => observer.report(() => true, (target) => sizeOf(target, size)),
  };
  return { given, changed, onRemoved, intersections };
}

describe('watchPageImages', () => {
  it('gives each large enough http(s) image near the viewport once, with the URL it shows', () => {
    const images = [image('https://a.example/big.jpg'), image('https://a.example/icon.png', { size: '32x32' }), image('data:image/png;base64,AAAA'), image('https://a.example/broken.jpg')];
    Object.defineProperty(images[3], 'naturalWidth', { value: 0 });
    images.forEach((element, at) => (element.alt = `i${at}`));
    document.body.append(...images);
    const { given, intersections } = watch();
    expect(intersections.options.rootMargin).toBe('100% 0px 100% 0px');
    intersections.near();
    intersections.near();
    expect(given).toEqual([['i0', 'https://a.example/big.jpg']]);
    expect(intersections.observed.size).toBe(0);
  });

  it('finds images the page adds, alone or in a subtree, and not inside Verity’s own badges', async () => {
    const { given, intersections } = watch();
    const alone = image('https://a.example/1.jpg');
    alone.alt = 'alone';
    const card = document.createElement('article');
    const inner = image('https://a.example/2.jpg');
    inner.alt = 'inner';
    card.append(document.createElement('p'), inner);
    document.body.append(alone, card);
    await settle();
    intersections.near();
    expect(given).toEqual([
      ['alone', 'https://a.example/1.jpg'],
      ['inner', 'https://a.example/2.jpg'],
    ]);
  });

  it('waits for an image still loading, and looks again when a given image loads another URL', () => {
    const element = image('https://a.example/lazy.jpg', { loaded: false });
    element.alt = 'lazy';
    document.body.append(element);
    const { given, changed, intersections } = watch();
    intersections.near();
    expect(given).toEqual([]);

    setLoaded(element, true, 'https://a.example/lazy.jpg');
    element.dispatchEvent(new Event('load'));
    intersections.near();
    expect(given).toEqual([['lazy', 'https://a.example/lazy.jpg']]);

    // The same URL loading again says nothing new; another one does.
    element.dispatchEvent(new Event('load'));
    expect(intersections.observed.size).toBe(0);
    setLoaded(element, true, 'https://a.example/next.jpg');
    element.dispatchEvent(new Event('load'));
    expect(changed).toEqual([element]);
    intersections.near();
    expect(given.at(-1)).toEqual(['lazy', 'https://a.example/next.jpg']);
  });

  it('finds images in the open shadow roots the page’s world reports, asking for those attached before it started', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const inside = image('https://a.example/shadow.jpg');
    inside.alt = 'inside';
    root.append(inside);
    const asked = vi.fn();
    document.addEventListener(reportAllShadowRootsEvent, asked);
    const { given, intersections } = watch();
    expect(asked).toHaveBeenCalledOnce();
    host.dispatchEvent(new Event(shadowRootEvent, { bubbles: true, composed: true }));
    host.dispatchEvent(new Event(shadowRootEvent, { bubbles: true, composed: true }));
    const later = image('https://a.example/later.jpg');
    later.alt = 'later';
    root.append(later);
    await settle();
    intersections.near();
    expect(given).toEqual([
      ['inside', 'https://a.example/shadow.jpg'],
      ['later', 'https://a.example/later.jpg'],
    ]);
    document.removeEventListener(reportAllShadowRootsEvent, asked);
  });

  it('tells when nodes left the page', async () => {
    const element = image('https://a.example/1.jpg');
    document.body.append(element);
    const { onRemoved } = watch();
    element.remove();
    await settle();
    expect(onRemoved).toHaveBeenCalledOnce();
  });
});
