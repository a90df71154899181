// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { removeHitTest, stubHitTest } from '../../test/fakes/hit-test';
import { expectPointsAcrossLine } from '../../test/line-points';
import { coverAt, coverSamplesPerReading, coverScrollsAway, createCoverCheck, drawsNothing } from './cover-check';
import { topmostAt } from './hit-test';
import { openLookThrough } from './see-through';

function page(html: string): (id: string) => Element {
  document.body.innerHTML = html;
  return (id) => document.getElementById(id)!;
}

describe('coverAt', () => {
  afterEach(() => removeHitTest(document));
  const at = (holder: Element, unseen: Element[] = [], isOwn = (_element: Element) => false) => coverAt({ holder, x: 5, y: 5, view: window, isOwn, unseen: unseen.map((element) => ({ element, box: element.getBoundingClientRect() })) });

  it('sees text whose own element is on top', () => {
    const byId = page('<p id="p">One <b id="b">two</b></p>');
    stubHitTest(document, () => [byId('p'), document.body]);
    expect(at(byId('p'))).toBeUndefined();
  });

  it('calls text covered by what draws over it: an overlay, an element inside the snippet, its own ancestor over text pushed behind it', () => {
    const byId = page('<div id="d" style="background-color: rgb(255, 255, 255)"><span id="s">not<i id="i" style="border: 1px solid"></i></span></div><div id="o" style="background-color: rgb(255, 255, 255)"></div>');
    stubHitTest(document, () => [byId('o'), byId('s')]);
    expect(at(byId('s'))).toBe(byId('o'));
    stubHitTest(document, () => [byId('i'), byId('s')]);
    expect(at(byId('s'))).toBe(byId('i'));
    stubHitTest(document, () => [byId('d'), byId('s')]);
    expect(at(byId('s'))).toBe(byId('d'));
  });

  it('reads under a layer that draws nothing (a toast holder), finding the text, or what draws over it', () => {
    const byId = page('<p id="p">The drug is safe.</p><div id="layer"></div><div id="o" style="background-image: linear-gradient(red, red)"></div>');
    stubHitTest(document, () => [byId('layer'), byId('p'), document.body]);
    expect(at(byId('p'))).toBeUndefined();
    stubHitTest(document, () => [byId('layer'), byId('o'), byId('p')]);
    expect(at(byId('p'))).toBe(byId('o'));
  });

  it("passes over Verity's own", () => {
    const byId = page('<p id="p">Text</p><verity-badge id="v"></verity-badge>');
    stubHitTest(document, () => [byId('v'), byId('p')]);
    expect(at(byId('p'), [], (element) => element.localName === 'verity-badge')).toBeUndefined();
  });

  it("takes a shadow host with no style of its own for what its tree draws above the text: an overlay in a web component", () => {
    const byId = page('<p id="p">The drug is safe.</p><span id="host"></span>');
    const root = byId('host').attachShadow({ mode: 'open' });
    root.innerHTML = '<div id="clear"></div><div id="white" style="background-color: rgb(255, 255, 255)"></div>';
    const [clear, white] = [root.getElementById('clear')!, root.getElementById('white')!];
    // Hit tests name the host for anything of its tree.
    stubHitTest(document, () => [byId('host'), byId('p'), document.body]);
    const inTree = stubHitTest(root, () => [clear, white, byId('p'), document.body]);
    expect(at(byId('p'))).toBe(byId('host'));
    // What it draws only under the text hides nothing; nor does a tree that draws nothing there.
    inTree.mockImplementation(() => [clear, byId('p'), white, document.body]);
    expect(at(byId('p'))).toBeUndefined();
    inTree.mockImplementation(() => [clear, byId('p'), document.body]);
    expect(at(byId('p'))).toBeUndefined();
    removeHitTest(root);
  });

  it('reads a closed shadow tree through the extension API', () => {
    const byId = page('<p id="p">The drug is safe.</p><span id="host"></span>');
    const root = byId('host').attachShadow({ mode: 'closed' });
    root.innerHTML = '<div id="white" style="background-color: rgb(255, 255, 255)"></div>';
    stubHitTest(document, () => [byId('host'), byId('p')]);
    stubHitTest(root, () => [root.getElementById('white')!, byId('p')]);
    // Only what the page lets script see: a host of nothing.
    expect(at(byId('p'))).toBeUndefined();
    const dom = { openOrClosedShadowRoot: vi.fn((element: HTMLElement) => (element === byId('host') ? root : null)) };
    // WXT's fake browser has no `dom` namespace: Chromium's, for this test.
    Object.assign(browser, { dom });
    try {
      expect(at(byId('p'))).toBe(byId('host'));
      expect(dom.openOrClosedShadowRoot).toHaveBeenCalledWith(byId('host'));
    } finally {
      Reflect.deleteProperty(browser, 'dom');
      removeHitTest(root);
    }
  });

  it('judges what hit tests cannot reach by its box: a cover over the point, not an ancestor; text out of reach is its own cover', () => {
    const byId = page('<div id="wrap"><p id="p">Text</p></div><div id="o" style="background-color: rgb(0, 0, 0)"></div>');
    stubHitTest(document, () => [byId('p')]);
    const box = new DOMRect(0, 0, 10, 10);
    for (const id of ['o', 'wrap']) byId(id).getBoundingClientRect = () => box;
    expect(at(byId('p'), [byId('wrap')])).toBeUndefined();
    expect(at(byId('p'), [byId('o')])).toBe(byId('o'));
    byId('o').getBoundingClientRect = () => new DOMRect(20, 20, 10, 10);
    expect(at(byId('p'), [byId('o')])).toBeUndefined();
    expect(at(byId('p'), [byId('p')])).toBe(byId('p'));
  });
});

describe('coverScrollsAway', () => {
  it('lets a sticky bar go on a page that scrolls, but not one that holds the covered words too', () => {
    const byId = page('<div id="bar" style="position: sticky"><i id="cover"></i><p id="inside">Words</p></div><p id="outside">Words</p>');
    Object.defineProperty(document.documentElement, 'scrollHeight', { value: 5_000, configurable: true });
    try {
      expect(coverScrollsAway(byId('cover'), window, byId('outside'))).toBe(true);
      expect(coverScrollsAway(byId('cover'), window, byId('inside'))).toBe(false);
    } finally {
      Reflect.deleteProperty(document.documentElement, 'scrollHeight');
    }
  });
});

describe('drawsNothing', () => {
  const bare = { tag: 'div', style: {}, generated: ['none', 'none'], ownText: false };

  it('holds for an empty transparent box, as computed styles give it', () => {
    expect(drawsNothing(bare)).toBe(true);
    expect(drawsNothing({ ...bare, style: { 'background-color': 'rgba(0, 0, 0, 0)', 'border-top-style': 'solid', 'border-top-width': '0px', 'outline-style': 'solid', 'outline-width': '0px' } })).toBe(true);
  });

  it.each([
    ['a background colour', { style: { 'background-color': 'rgb(255, 255, 255)' } }],
    ['a faint background colour', { style: { 'background-color': 'rgba(255, 255, 255, 0.02)' } }],
    ['a colour it cannot read', { style: { 'background-color': 'color(display-p3 1 1 1)' } }],
    ['a background image', { style: { 'background-image': 'linear-gradient(red, red)' } }],
    ['a border', { style: { 'border-left-style': 'solid', 'border-left-width': '30px' } }],
    ['an outline', { style: { 'outline-style': 'solid', 'outline-width': '40px' } }],
    ['a shadow', { style: { 'box-shadow': 'rgb(0, 0, 0) 0px 0px 0px 100px inset' } }],
    ['a backdrop filter', { style: { 'backdrop-filter': 'blur(5px)' } }],
    ['a generated box', { generated: ['""', 'none'] }],
    ['text of its own', { ownText: true }],
    ['an image', { tag: 'img' }],
    ['a marker', { style: { display: 'list-item', 'list-style-type': '"███"' } }],
    ['a rule between columns', { style: { 'column-rule-style': 'solid', 'column-rule-width': '320px' } }],
    ['a line under spaces that break no line', { ownText: 'spaces' as const, style: { 'text-decoration-line': 'underline' } }],
  ])('fails for %s', (_case, facts) => {
    expect(drawsNothing({ ...bare, ...facts })).toBe(false);
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
    cover.style.backgroundColor = 'rgb(255, 255, 255)';
    const tested: number[] = [];
    stubHitTest(document, (_x, y) => {
      const index = Math.round(y / 10) - 1;
      tested.push(index);
      return covered.has(index) ? [cover, paragraphs[index]!] : [paragraphs[index]!];
    });
    const view = { innerWidth: 1000, innerHeight: 100_000, getComputedStyle: window.getComputedStyle.bind(window), document } as unknown as Window;
    const check = createCoverCheck({ view, isOwn: () => false });
    paragraphs.forEach((paragraph, index) => check.consider(paragraph, [new DOMRect(0, (index + 1) * 10 - 4, 500, 8)]));
    return { check, tested };
  }

  it('tests a line the viewport shows only part of, in the part it shows, and none it does not show', () => {
    const paragraph = document.body.appendChild(document.createElement('p'));
    const tested: [number, number][] = [];
    stubHitTest(document, (x, y) => {
      tested.push([x, y]);
      return [paragraph];
    });
    const view = { innerWidth: 400, innerHeight: 100, getComputedStyle: window.getComputedStyle.bind(window), document } as unknown as Window;
    const check = createCoverCheck({ view, isOwn: () => false });
    // Its middle above the viewport's top, its right end past its side; then a line wholly below it.
    check.consider(paragraph, [new DOMRect(200, -10, 400, 16)]);
    check.consider(paragraph, [new DOMRect(0, 120, 400, 16)]);
    expect(check.doubt()).toBeUndefined();
    expectPointsAcrossLine(tested, { left: 200, right: 400, y: 3, height: 16 });
  });

  it('takes its points at random within each part of a line, afresh at each reading: a page cannot know where none falls', () => {
    const paragraph = document.body.appendChild(document.createElement('p'));
    const readings = Array.from({ length: 2 }, () => {
      const tested: [number, number][] = [];
      stubHitTest(document, (x, y) => {
        tested.push([x, y]);
        return [paragraph];
      });
      const check = createCoverCheck({ view: window, isOwn: () => false });
      check.consider(paragraph, [new DOMRect(0, 10, 600, 16)]);
      expect(check.doubt()).toBeUndefined();
      expectPointsAcrossLine(tested, { left: 0, right: 600, y: 18, height: 16 });
      return tested;
    });
    // Two draws of three 32-bit values agree with odds of 2^-96.
    expect(readings[0]).not.toEqual(readings[1]);
  });

  it('finds a covered word among a few lines, testing each of their places', () => {
    const { check, tested } = reading(5, new Set([4]));
    expect(check.doubt()).toBe('covered');
    expect(new Set(tested)).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  it('tests every line of a text, not only its first, middle and last: a cover over its second of five lines is found', () => {
    const paragraph = document.body.appendChild(document.createElement('p'));
    const cover = document.body.appendChild(document.createElement('div'));
    cover.style.backgroundColor = 'rgb(255, 255, 255)';
    const testedLines = new Set<number>();
    let coverLine = 1;
    stubHitTest(document, (_x, y) => {
      const line = Math.floor(y / 20);
      testedLines.add(line);
      return line === coverLine ? [cover, paragraph] : [paragraph];
    });
    const check = createCoverCheck({ view: window, isOwn: () => false });
    check.consider(paragraph, Array.from({ length: 5 }, (_, line) => new DOMRect(0, line * 20 + 2, 500, 16)));
    expect(check.doubt()).toBe('covered');
    coverLine = -1;
    const uncovered = createCoverCheck({ view: window, isOwn: () => false });
    uncovered.consider(paragraph, Array.from({ length: 5 }, (_, line) => new DOMRect(0, line * 20 + 2, 500, 16)));
    expect(uncovered.doubt()).toBeUndefined();
    expect(testedLines).toEqual(new Set([0, 1, 2, 3, 4]));
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
    const byId = page(`${html}<div id="other" style="border: 2px solid"></div>`);
    const hits = stubHitTest(document, () => [byId('hit')]);
    const check = createCoverCheck({ view: window, isOwn: () => false });
    check.consider(byId('hit'), [new DOMRect(0, 10, 300, 16)]);
    expect(check.doubt()).toBeUndefined();
    hits.mockReturnValue([byId('other')]);
    expect(check.doubt()).toBe('covered');
    removeHitTest(document);
  });

  it('looks through every box where told something may be drawn over the text unseen, or where the text itself is out of reach, and puts the page back', () => {
    const byId = page(
      '<style>.passing { pointer-events: none }</style><p id="p">The drug is safe.</p><p id="out" class="passing">Out of reach.</p><i id="o" style="pointer-events: none !important; background-color: rgb(255, 255, 255)"></i>',
    );
    byId('o').getBoundingClientRect = () => new DOMRect(0, 0, 1000, 1000);
    /** Whether every box is hit-testable (jsdom has no constructed sheets: Firefox's `<style>`). */
    const isLookingThrough = () => [...document.querySelectorAll('style')].some((style) => style.textContent!.includes('pointer-events: auto !important'));
    const lookedThrough: boolean[] = [];
    stubHitTest(document, (_x, y) => {
      lookedThrough.push(isLookingThrough());
      return [y < 20 ? byId('p') : byId('out')];
    });
    const readings = [
      { seeThrough: false, holder: 'p', doubt: undefined, lookedThrough: false },
      { seeThrough: true, holder: 'p', doubt: 'covered', lookedThrough: true },
      { seeThrough: false, holder: 'out', doubt: 'covered', lookedThrough: true },
    ];
    for (const reading of readings) {
      lookedThrough.length = 0;
      const check = createCoverCheck({ view: window, isOwn: () => false, seeThrough: reading.seeThrough });
      check.consider(byId(reading.holder), [new DOMRect(0, reading.holder === 'p' ? 10 : 30, 300, 8)]);
      expect(check.doubt(), reading.holder).toBe(reading.doubt);
      expect(new Set(lookedThrough), reading.holder).toEqual(new Set([reading.lookedThrough]));
      expect(isLookingThrough()).toBe(false);
    }
    removeHitTest(document);
  });

  it('judges an inert subtree, which no style brings in hit tests\' reach, by its boxes when looking through every box', () => {
    const byId = page('<p id="p">The drug is safe.</p><div inert><i id="o" style="background-color: rgb(255, 255, 255)"></i></div>');
    byId('o').getBoundingClientRect = () => new DOMRect(0, 0, 1000, 1000);
    stubHitTest(document, () => [byId('p')]);
    for (const seeThrough of [false, true]) {
      const check = createCoverCheck({ view: window, isOwn: () => false, seeThrough });
      check.consider(byId('p'), [new DOMRect(0, 10, 300, 16)]);
      expect(check.doubt()).toBe(seeThrough ? 'covered' : undefined);
    }
    removeHitTest(document);
  });

  it('shares one look through every box across the readings of a task: put in once, taken out when they end', () => {
    const byId = page('<p id="p">The drug is safe.</p><p id="q">Nothing passes through here.</p>');
    const sheets = () => [...document.querySelectorAll('style')];
    const seen: HTMLStyleElement[][] = [];
    stubHitTest(document, (_x, y) => {
      seen.push(sheets());
      return [y < 20 ? byId('p') : byId('q')];
    });
    const look = openLookThrough();
    for (const [id, seeThrough] of [['p', true], ['q', false]] as const) {
      const check = createCoverCheck({ view: window, isOwn: () => false, seeThrough, look });
      check.consider(byId(id), [new DOMRect(0, id === 'p' ? 10 : 30, 300, 8)]);
      expect(check.doubt()).toBeUndefined();
    }
    // One sheet, put in once, there for both readings' hit tests; gone when the task's readings end.
    expect(new Set(seen.flat()).size).toBe(1);
    expect(seen.every((inPlace) => inPlace.length === 1)).toBe(true);
    look.end();
    expect(sheets()).toEqual([]);
    removeHitTest(document);
  });

  it("looks through every box of the text's own shadow tree too, where the document's styles do not reach", () => {
    const host = page('<div id="host"></div>')('host');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p id="p">The drug is safe.</p>';
    const holder = root.getElementById('p')!;
    const lookingThrough = (tree: Document | ShadowRoot) => [...tree.querySelectorAll('style')].some((style) => style.textContent!.includes('pointer-events: auto'));
    const trees: boolean[][] = [];
    stubHitTest(root, () => {
      trees.push([lookingThrough(document), lookingThrough(root)]);
      return [holder];
    });
    const check = createCoverCheck({ view: window, isOwn: () => false, seeThrough: true });
    check.consider(holder, [new DOMRect(0, 10, 300, 16)]);
    expect(check.doubt()).toBeUndefined();
    expect(new Set(trees.map(String))).toEqual(new Set(['true,true']));
    expect([lookingThrough(document), lookingThrough(root)]).toEqual([false, false]);
    removeHitTest(root);
  });

  it("looks through the page's known shadow trees too, whose own styles the document's do not outrank, and judges by its box what one keeps out of reach", () => {
    const byId = page('<p id="p">The drug is safe.</p><span id="host"></span>');
    const root = byId('host').attachShadow({ mode: 'open' });
    root.innerHTML = '<i id="o" style="pointer-events: none !important; background-color: rgb(255, 255, 255)"></i>';
    root.getElementById('o')!.getBoundingClientRect = () => new DOMRect(0, 0, 1000, 1000);
    const lookingThrough = () => [...root.querySelectorAll('style')].some((style) => style.textContent!.includes(':host('));
    const trees: boolean[] = [];
    stubHitTest(document, () => {
      trees.push(lookingThrough());
      return [byId('p')];
    });
    const look = openLookThrough({ shadowRoots: () => [root] });
    const check = createCoverCheck({ view: window, isOwn: () => false, seeThrough: true, look });
    check.consider(byId('p'), [new DOMRect(0, 10, 300, 16)]);
    expect(check.doubt()).toBe('covered');
    expect(new Set(trees)).toEqual(new Set([true]));
    look.end();
    expect(lookingThrough()).toBe(false);
    removeHitTest(document);
  });

  it('tests nothing when no text was in the viewport', () => {
    const { check, tested } = reading(0, new Set());
    expect(check.doubt()).toBeUndefined();
    expect(tested).toEqual([]);
  });
});
