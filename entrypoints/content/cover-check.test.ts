// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { removeHitTest, stubHitTest } from '../../test/fakes/hit-test';
import { coverDoubtAt, coverSamplesPerReading, createCoverCheck } from './cover-check';
import { topmostAt } from './hit-test';

function page(html: string): (id: string) => Element {
  document.body.innerHTML = html;
  return (id) => document.getElementById(id)!;
}

describe('coverDoubtAt', () => {
  it('sees text whose own element is on top', () => {
    const byId = page('<p id="p">One <b id="b">two</b></p>');
    expect(coverDoubtAt(byId('p'), byId('p'))).toBeUndefined();
    expect(coverDoubtAt(byId('b'), byId('b'))).toBeUndefined();
  });

  it('calls text covered by an element inside the snippet laid over it', () => {
    const byId = page('<p id="p">One<i id="i" style="position:absolute;inset:0"></i></p>');
    expect(coverDoubtAt(byId('i'), byId('p'))).toBe('covered');
  });

  it('calls text covered by an overlay, or under its own ancestor (pushed behind with a negative z-index)', () => {
    const byId = page('<div id="d"><span id="s">not</span></div><div id="o"></div>');
    expect(coverDoubtAt(byId('o'), byId('s'))).toBe('covered');
    expect(coverDoubtAt(byId('d'), byId('s'))).toBe('covered');
  });
});

describe('topmostAt', () => {
  afterEach(() => removeHitTest(document));

  it("passes over Verity's own badge and card, reading the whole stack only then", () => {
    const byId = page('<p id="p">Text<verity-badge id="v"></verity-badge></p>');
    const isOwn = (element: Element) => element.localName === 'verity-badge';
    const stack = stubHitTest(document, () => [byId('p'), document.body]);
    expect(topmostAt(document, 5, 5, isOwn)).toBe(byId('p'));
    expect(stack).toHaveBeenCalledTimes(1);
    stack.mockReturnValue([byId('v'), byId('p')]);
    expect(topmostAt(document, 5, 5, isOwn)).toBe(byId('p'));
  });

  it('finds nothing where nothing is drawn, or where the browser cannot hit-test', () => {
    stubHitTest(document, () => []);
    expect(topmostAt(document, 5, 5, () => false)).toBeUndefined();
    removeHitTest(document);
    expect(topmostAt(document, 5, 5, () => false)).toBeUndefined();
  });
});

describe('createCoverCheck', () => {
  /** `count` paragraphs, one line each, at y = 10, 20, …, and a view whose hit test finds `cover` over the paragraphs in `covered`. */
  function reading(count: number, covered: ReadonlySet<number>) {
    const paragraphs = Array.from({ length: count }, () => document.body.appendChild(document.createElement('p')));
    const cover = document.body.appendChild(document.createElement('div'));
    const tested: number[] = [];
    stubHitTest(document, (_x, y) => {
      const index = Math.round(y / 10) - 1;
      tested.push(index);
      return covered.has(index) ? [cover, paragraphs[index]!] : [paragraphs[index]!];
    });
    const view = { innerWidth: 1000, innerHeight: 100_000, getComputedStyle: () => ({ pointerEvents: 'auto', position: 'static' }), document } as unknown as Window;
    const check = createCoverCheck({ view, isOwn: () => false });
    paragraphs.forEach((paragraph, index) => check.consider(paragraph, [new DOMRect(0, (index + 1) * 10 - 4, 500, 8)]));
    return { check, tested };
  }

  it('finds a covered word among a few lines, testing each of their places', () => {
    const { check, tested } = reading(5, new Set([4]));
    expect(check.doubt()).toBe('covered');
    expect(new Set(tested)).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  it('tests at most its budget of places, spread over the whole reading rather than spent on the first texts', () => {
    const { check, tested } = reading(1_000, new Set());
    expect(check.doubt()).toBeUndefined();
    expect(tested).toHaveLength(coverSamplesPerReading);
    // Three places a line: the first 40 places are the first 14 lines. A uniform sample of 3,000 has all 40 there with odds of about 1e-140.
    expect(Math.max(...tested)).toBeGreaterThan(500);
  });

  // The hit test names the text's parent; with no box of its own, the text is drawn in the box around it, on both sides of the comparison.
  it.each([
    ['a word inside the snippet', '<div id="snippet">The drug is <span id="hit" style="display:contents">not</span> safe.</div>'],
    ['the snippet itself', '<article><div id="snippet" style="display:contents"><span id="hit" style="display:contents">The drug is safe.</span></div></article>'],
  ])('judges text under a `display: contents` element (%s) by the box it is drawn in: covered only by something else', (_case, html) => {
    const byId = page(`${html}<div id="other"></div>`);
    const hits = stubHitTest(document, () => [byId('hit')]);
    const check = createCoverCheck({ view: window, isOwn: () => false });
    check.consider(byId('hit'), [new DOMRect(0, 10, 300, 16)]);
    expect(check.doubt()).toBeUndefined();
    hits.mockReturnValue([byId('other')]);
    expect(check.doubt()).toBe('covered');
    removeHitTest(document);
  });

  it('tests nothing when no text was in the viewport', () => {
    const { check, tested } = reading(0, new Set());
    expect(check.doubt()).toBeUndefined();
    expect(tested).toEqual([]);
  });
});
