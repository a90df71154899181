// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeResizeObserver } from '../../../test/fakes/observers';
import { createBadgePlaces } from './badge-places';
import type { ImageBadge, ImagePlace } from './image-badge';

/** An image in `container`, at `left`/`top` in it (jsdom lays nothing out), and a badge that records where it was put. */
function badgeOn(container: HTMLElement, left: number, top: number): ImageBadge & { places: ImagePlace[] } {
  const image = document.createElement('img');
  container.append(image);
  Object.defineProperties(image, {
    offsetLeft: { get: () => left },
    offsetTop: { get: () => top },
    offsetParent: { get: () => container },
  });
  const places: ImagePlace[] = [];
  return { image, host: document.createElement('span'), button: document.createElement('button'), verdict: undefined as never, place: (at) => void places.push(at), setExpanded: () => undefined, places };
}

let container: HTMLElement;
let image: ImageBadge & { places: ImagePlace[] };

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  container = document.body.appendChild(document.createElement('div'));
  image = badgeOn(container, 10, 20);
});

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('createBadgePlaces', () => {
  it('places a badge only once its image was laid out, never at once', () => {
    const places = createBadgePlaces();
    places.follow(image);
    expect(image.places).toEqual([]);
    FakeResizeObserver.last!.report(image.image);
    expect(image.places).toEqual([{ left: 16, top: 26 }]);
  });

  it('places every badge in a containing block again when the block is resized (content added above moves its images)', () => {
    const places = createBadgePlaces();
    const other = badgeOn(container, 300, 20);
    const elsewhere = badgeOn(document.body.appendChild(document.createElement('section')), 5, 5);
    for (const badge of [image, other, elsewhere]) places.follow(badge);
    FakeResizeObserver.last!.report(image.image, other.image, elsewhere.image);
    expect(FakeResizeObserver.last!.observed.has(container)).toBe(true);

    FakeResizeObserver.last!.report(container);
    expect(image.places).toHaveLength(2);
    expect(other.places).toHaveLength(2);
    expect(elsewhere.places).toHaveLength(1);
  });

  it('stops watching an image, and a block no other badge is in, once its badge is forgotten', () => {
    const places = createBadgePlaces();
    const other = badgeOn(container, 300, 20);
    places.follow(image);
    places.follow(other);
    FakeResizeObserver.last!.report(image.image, other.image);

    places.forget(image);
    expect(FakeResizeObserver.last!.observed.has(image.image)).toBe(false);
    expect(FakeResizeObserver.last!.observed.has(container)).toBe(true);
    FakeResizeObserver.last!.report(container);
    expect(image.places).toHaveLength(1);

    places.forget(other);
    expect(FakeResizeObserver.last!.observed.size).toBe(0);
  });

  it('leaves an image that left the page where it was', () => {
    const places = createBadgePlaces();
    places.follow(image);
    image.image.remove();
    FakeResizeObserver.last!.report(image.image);
    expect(image.places).toEqual([]);
  });

  it('places a badge at once when asked, for a card about to open on it', () => {
    const places = createBadgePlaces();
    places.placeNow(image);
    expect(image.places).toEqual([{ left: 16, top: 26 }]);
  });
});
