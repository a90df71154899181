// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { badgeTag } from './badge';
import { markMadeByVerity } from './made-by-verity';
import { cardTag } from './card';
import { createRenderingWatch, type RenderingWatch } from './rendering-watch';
import { withEveryBoxHitTestable } from './see-through';
import { FakeIntersectionObserver, FakeResizeObserver } from '../../test/fakes/observers';

/** Lets MutationObserver records arrive. */
const records = () => new Promise((resolve) => setTimeout(resolve, 0));

let controller: AbortController;
let changed: string[];
let inViewWhenWatched: string[];
let watch: RenderingWatch;
const callbacks = () => ({ onChange: (element: Element) => changed.push(element.id), onInViewWhenWatched: (element: Element) => inViewWhenWatched.push(element.id) });

beforeEach(() => {
  FakeIntersectionObserver.all.clear();
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  document.body.innerHTML = '<main id="main"><aside id="aside"></aside><div id="a">Signed <span id="inner">words</span></div></main><p id="b">Other</p><footer><p id="away">Away</p></footer>';
  controller = new AbortController();
  changed = [];
  inViewWhenWatched = [];
  watch = createRenderingWatch({ signal: controller.signal, document, ...callbacks() });
  watch.watch(document.getElementById('a')!);
  watch.watch(document.getElementById('b')!);
});

afterEach(() => {
  controller.abort();
  vi.unstubAllGlobals();
});

describe('createRenderingWatch', () => {
  it('reports a snippet when a class changes inside it, on an ancestor, or on an ancestor’s sibling, and not elsewhere', async () => {
    document.getElementById('inner')!.className = 'x';
    await records();
    expect(changed).toEqual(['a']);
    changed.length = 0;
    document.body.className = 'late';
    await records();
    expect(changed.sort()).toEqual(['a', 'b']);
    changed.length = 0;
    document.getElementById('aside')!.setAttribute('style', 'color: red');
    await records();
    expect(changed).toEqual(['a']);
    changed.length = 0;
    // Any attribute: a selector may match on it (`[data-late] .word`).
    document.getElementById('inner')!.setAttribute('data-late', '');
    await records();
    expect(changed).toEqual(['a']);
    changed.length = 0;
    document.getElementById('away')!.className = 'y';
    document.getElementById('away')!.textContent = 'Moved';
    await records();
    expect(changed).toEqual([]);
  });

  it('reads every snippet again when one batch changes attributes on more elements than are worth looking at one by one', async () => {
    const footer = document.querySelector('footer')!;
    footer.append(...Array.from({ length: 70 }, () => document.createElement('i')));
    await records();
    changed.length = 0;
    for (const element of footer.querySelectorAll('i')) element.setAttribute('data-tick', '1');
    await records();
    expect(changed.sort()).toEqual(['a', 'b']);
  });

  it('reports every snippet when a style sheet is added or rewritten, and when the fragment changes', async () => {
    const style = document.createElement('style');
    document.head.append(style);
    await records();
    expect(changed.sort()).toEqual(['a', 'b']);
    changed.length = 0;
    style.textContent = 'p { opacity: 0.1 }';
    await records();
    expect(changed.sort()).toEqual(['a', 'b']);
    changed.length = 0;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(changed.sort()).toEqual(['a', 'b']);
  });

  it("does not report Verity's own style sheet, which a look through every box adds and takes out (see-through.ts)", async () => {
    withEveryBoxHitTestable(new Set([document]), () => undefined);
    await records();
    expect(changed).toEqual([]);
  });

  it("reports the snippets around a transition or animation that ended, and not for Verity's own badge", async () => {
    const inner = document.getElementById('inner')!;
    inner.dispatchEvent(new Event('transitionend', { bubbles: true }));
    expect(changed).toEqual(['a']);
    changed.length = 0;
    const badge = markMadeByVerity(document.createElement(badgeTag));
    inner.append(badge);
    await records();
    changed.length = 0;
    badge.dispatchEvent(new Event('transitionend', { bubbles: true }));
    badge.dispatchEvent(new Event('animationend', { bubbles: true }));
    expect(changed).toEqual([]);
  });

  it('reports a snippet as it comes into view, once, those in view when a card opens, and apart those in view when first watched', async () => {
    FakeIntersectionObserver.reportAll((target) => target.id === 'a');
    expect(inViewWhenWatched).toEqual(['a']);
    expect(changed).toEqual([]);
    FakeIntersectionObserver.reportAll(() => true);
    FakeIntersectionObserver.reportAll(() => true);
    expect(changed).toEqual(['b']);
    FakeIntersectionObserver.reportAll(() => false);
    FakeIntersectionObserver.reportAll(() => true);
    expect(changed.sort()).toEqual(['a', 'b', 'b']);
    expect(inViewWhenWatched).toEqual(['a']);
    changed.length = 0;
    const card = markMadeByVerity(document.createElement(cardTag));
    document.documentElement.append(card);
    card.setAttribute('data-open', '');
    await records();
    expect(changed.sort()).toEqual(['a', 'b']);
    changed.length = 0;
    FakeIntersectionObserver.reportAll(() => false);
    card.removeAttribute('data-open');
    card.setAttribute('data-open', '');
    await records();
    expect(changed).toEqual([]);
  });

  it('reports a snippet that resized, not its first report, nor the resize its own badge makes in the frame it goes in', async () => {
    const [a, b] = [document.getElementById('a')!, document.getElementById('b')!];
    const resizes = FakeResizeObserver.last!;
    resizes.report(a, b);
    expect(changed).toEqual([]);
    resizes.report(a);
    expect(changed).toEqual(['a']);
    changed.length = 0;
    watch.badgesPlaced([a]);
    resizes.report(a, b);
    expect(changed).toEqual(['b']);
    // The next frame: a resize of `a` is the page's again.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    resizes.report(a);
    expect(changed).toEqual(['b', 'a']);
  });

  it('reports a snippet in view that starts or stops being drawn unobscured (Chromium), not its first report, and no longer out of view', async () => {
    const a = document.getElementById('a')!;
    FakeIntersectionObserver.reportAll((target) => target === a);
    // Tracked from the next idle moment.
    await new Promise((resolve) => setTimeout(resolve, 0));
    changed.length = 0;
    let drawnUnobscured = true;
    FakeIntersectionObserver.reportDrawn(() => drawnUnobscured);
    expect(changed).toEqual([]);
    // A rule inserted through the CSSOM fades it: no mutation tells, the observer does.
    drawnUnobscured = false;
    FakeIntersectionObserver.reportDrawn(() => drawnUnobscured);
    FakeIntersectionObserver.reportDrawn(() => drawnUnobscured);
    expect(changed).toEqual(['a']);
    drawnUnobscured = true;
    FakeIntersectionObserver.reportDrawn(() => drawnUnobscured);
    expect(changed).toEqual(['a', 'a']);
    // Out of view, it is no longer tracked.
    changed.length = 0;
    const visibility = [...FakeIntersectionObserver.all].find((observer) => !observer.options.trackVisibility)!;
    visibility.report(() => false);
    FakeIntersectionObserver.reportDrawn(() => false);
    expect(changed).toEqual([]);
  });

  it('stops tracking how snippets are drawn in a browser without IntersectionObserver v2', async () => {
    // Its entries say nothing of drawing: the second report, once snippets in view are tracked, shows it.
    FakeIntersectionObserver.reportAll(() => true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect([...FakeIntersectionObserver.all].some((observer) => observer.options.trackVisibility)).toBe(true);
    FakeIntersectionObserver.reportAll(() => true);
    expect([...FakeIntersectionObserver.all].some((observer) => observer.options.trackVisibility)).toBe(false);
  });

  it('reads a snippet drawn in no box of its own again once a scroll has settled, since no observer sees it come into view', async () => {
    vi.useFakeTimers();
    try {
      document.getElementById('a')!.style.display = 'contents';
      FakeIntersectionObserver.reportAll(() => false);
      for (const step of [0, 100, 100]) {
        vi.advanceTimersByTime(step);
        document.dispatchEvent(new Event('scroll'));
      }
      vi.advanceTimersByTime(249);
      expect(changed).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(changed).toEqual(['a']);
      // Scrolling a box inside the page counts too; a snippet with a box of its own waits for its observer.
      changed.length = 0;
      document.getElementById('main')!.dispatchEvent(new Event('scroll'));
      vi.advanceTimersByTime(250);
      expect(changed).toEqual(['a']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads again the snippets in view a selection settles over, and those it leaves, once it has been still', () => {
    vi.useFakeTimers();
    try {
      // Both in view; once reported, their readings are due only for what changes.
      [...FakeIntersectionObserver.all].find((observer) => !observer.options.trackVisibility)!.report(() => true);
      changed.length = 0;
      const selection = document.getSelection()!;
      selection.selectAllChildren(document.getElementById('inner')!);
      document.dispatchEvent(new Event('selectionchange'));
      vi.advanceTimersByTime(100);
      // Dragged on: still moving, nothing asked yet.
      selection.selectAllChildren(document.getElementById('inner')!);
      document.dispatchEvent(new Event('selectionchange'));
      vi.advanceTimersByTime(149);
      expect(changed).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(changed).toEqual(['a']);
      // Moved to the other snippet: the one it left wears its own colours again, the one it reached the selection's.
      changed.length = 0;
      selection.selectAllChildren(document.getElementById('b')!);
      document.dispatchEvent(new Event('selectionchange'));
      vi.advanceTimersByTime(150);
      expect(changed.sort()).toEqual(['a', 'b']);
      // A caret reaches nothing.
      changed.length = 0;
      selection.collapse(document.getElementById('away')!, 0);
      document.dispatchEvent(new Event('selectionchange'));
      vi.advanceTimersByTime(150);
      expect(changed).toEqual(['b']);
      changed.length = 0;
      document.dispatchEvent(new Event('selectionchange'));
      vi.advanceTimersByTime(150);
      expect(changed).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads again a snippet a selection made before it was watched leaves, and none out of view', () => {
    vi.useFakeTimers();
    try {
      const late = document.body.appendChild(document.createElement('p'));
      late.id = 'late';
      late.textContent = 'Selected by the page';
      const selection = document.getSelection()!;
      selection.selectAllChildren(late);
      watch.watch(late);
      const visibility = [...FakeIntersectionObserver.all].find((observer) => !observer.options.trackVisibility)!;
      visibility.report((target) => target.id !== 'a');
      changed.length = 0;
      selection.selectAllChildren(document.body);
      document.dispatchEvent(new Event('selectionchange'));
      vi.advanceTimersByTime(150);
      // The selection reaches all three; "a" is out of view, read again when it comes into view.
      expect(changed.sort()).toEqual(['b', 'late']);
      changed.length = 0;
      selection.selectAllChildren(document.getElementById('b')!);
      document.dispatchEvent(new Event('selectionchange'));
      vi.advanceTimersByTime(150);
      expect(changed.sort()).toEqual(['b', 'late']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a snippet in view when a style changes inside the shadow trees it is drawn through: its own, a component it is slotted into', async () => {
    const component = document.body.appendChild(document.createElement('div'));
    component.innerHTML = '<p id="slotted">Slotted words</p><p id="other">Beside</p>';
    const tree = component.attachShadow({ mode: 'open' });
    tree.innerHTML = '<div id="frame"><slot name="x"></slot></div><div id="side"><slot></slot></div>';
    component.querySelector('#slotted')!.setAttribute('slot', 'x');
    const host = document.body.appendChild(document.createElement('div'));
    const own = host.attachShadow({ mode: 'open' });
    own.innerHTML = '<section id="wrap"><p id="inside">Words in a tree</p></section><section id="apart"></section>';
    const treeWatch = createRenderingWatch({ signal: controller.signal, document, ...callbacks() });
    treeWatch.watch(component.querySelector('#slotted')!);
    treeWatch.watch(own.getElementById('inside')!);
    // Out of view, the trees are not watched: coming into view reads the snippet anyway.
    tree.getElementById('frame')!.className = 'faded';
    await records();
    expect(changed).toEqual([]);
    FakeIntersectionObserver.last!.report(() => false);
    FakeIntersectionObserver.last!.report(() => true);
    expect(changed.sort()).toEqual(['inside', 'slotted']);
    changed.length = 0;
    // Their trees are found in the next idle moment.
    await records();
    tree.getElementById('frame')!.className = 'faded again';
    own.getElementById('wrap')!.className = 'hidden-word';
    await records();
    expect(changed.sort()).toEqual(['inside', 'slotted']);
    changed.length = 0;
    // Elsewhere in those trees: the other slot's wrapper, a part of the tree beside the snippet.
    tree.getElementById('side')!.querySelector('slot')!.setAttribute('style', 'color: red');
    own.getElementById('apart')!.appendChild(document.createElement('i')).className = 'x';
    await records();
    expect(changed).toEqual([]);
    tree.appendChild(document.createElement('style')).textContent = '::slotted(p) { color: transparent }';
    await records();
    expect(changed).toEqual(['slotted']);
    changed.length = 0;
    treeWatch.unwatch(component.querySelector('#slotted')!);
    tree.getElementById('frame')!.className = 'gone';
    await records();
    expect(changed).toEqual([]);
  });

  it('starts observing afresh once many trees draw no watched snippet, still seeing those that do', async () => {
    const trees = Array.from({ length: 70 }, (_, index) => {
      const host = document.body.appendChild(document.createElement('div'));
      const tree = host.attachShadow({ mode: 'open' });
      tree.innerHTML = `<section><p id="in-${index}">Words</p></section>`;
      return tree;
    });
    const treeWatch = createRenderingWatch({ signal: controller.signal, document, ...callbacks() });
    trees.forEach((tree) => treeWatch.watch(tree.querySelector('p')!));
    FakeIntersectionObserver.last!.report(() => true);
    await records();
    changed.length = 0;
    trees.slice(1).forEach((tree) => treeWatch.unwatch(tree.querySelector('p')!));
    for (const tree of trees) tree.querySelector('section')!.className = 'late';
    await records();
    expect(changed).toEqual(['in-0']);
  });

  it('stops when its signal aborts', async () => {
    controller.abort();
    document.body.className = 'after';
    await records();
    expect(changed).toEqual([]);
  });
});
