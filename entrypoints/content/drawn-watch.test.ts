// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { badgeTag } from './badge';
import { markMadeByVerity } from './made-by-verity';
import { createDrawnWatch, type DrawnWatch } from './drawn-watch';
import { FakeIntersectionObserver } from '../../test/fakes/observers';

let changed: string[];
let watch: DrawnWatch;
/** The elements Chromium draws faded or covered now. */
let hidden: Set<Element>;
const report = () => FakeIntersectionObserver.reportDrawn((target) => !hidden.has(target));
/** Snippets that came into view are tracked in the next idle moment (jsdom: the next task). */
const idle = () => new Promise((resolve) => setTimeout(resolve, 0));
const tracked = () => [...FakeIntersectionObserver.last!.targets].map((element) => element.id || element.localName);

beforeEach(() => {
  FakeIntersectionObserver.all.clear();
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  document.body.innerHTML = '<div id="a">The drug is <span id="not">not</span> safe. <div id="b">Inner <em id="em">snippet</em></div></div>';
  changed = [];
  hidden = new Set();
  watch = createDrawnWatch({ onChange: (snippet) => changed.push(snippet.id) });
});

afterEach(() => {
  watch.stop();
  vi.unstubAllGlobals();
});

describe('createDrawnWatch', () => {
  it('reports a snippet when one of its inner elements starts or stops being drawn unobscured, once per report, not on the first', async () => {
    watch.track(document.getElementById('a')!);
    expect(tracked()).toEqual([]);
    await idle();
    report();
    expect(changed).toEqual([]);
    // A rule inserted through the CSSOM fades the word "not": the snippet's own box is still drawn.
    hidden.add(document.getElementById('not')!);
    hidden.add(document.getElementById('em')!);
    report();
    report();
    expect(changed).toEqual(['a']);
    hidden.clear();
    report();
    expect(changed).toEqual(['a', 'a']);
  });

  it('leaves a nested snippet’s elements to it, and untracks only what is its own', async () => {
    watch.track(document.getElementById('b')!);
    watch.track(document.getElementById('a')!);
    await idle();
    report();
    hidden.add(document.getElementById('em')!);
    report();
    expect(changed).toEqual(['b']);
    watch.untrack(document.getElementById('b')!);
    expect(tracked()).toEqual(['a', 'not']);
  });

  it("tracks no badge of Verity's, and at most 64 elements a snippet", async () => {
    const a = document.getElementById('a')!;
    a.append(markMadeByVerity(document.createElement(badgeTag)), ...Array.from({ length: 100 }, () => document.createElement('i')));
    watch.track(a);
    await idle();
    expect(tracked()).toHaveLength(64);
    expect(tracked()).not.toContain(badgeTag);
  });

  it('tracks no snippet that left the view before the idle moment came', async () => {
    const a = document.getElementById('a')!;
    watch.track(a);
    watch.untrack(a);
    await idle();
    expect(tracked()).toEqual([]);
  });

  it('tells when something may be drawn over a snippet, counting a first report that says so as a change', async () => {
    const [a, b] = [document.getElementById('a')!, document.getElementById('b')!];
    hidden.add(document.getElementById('not')!);
    watch.track(b);
    watch.track(a);
    expect(watch.obscured(a)).toBe(false);
    await idle();
    report();
    expect(changed).toEqual(['a']);
    expect([watch.obscured(a), watch.obscured(b)]).toEqual([true, false]);
    // Out of view is not obscured, and no change to read again for: a reading there could test no cover.
    FakeIntersectionObserver.reportDrawn(() => 'out');
    expect(watch.obscured(a)).toBe(false);
    expect(changed).toEqual(['a']);
  });

  it('stops for good in a browser without IntersectionObserver v2, where any snippet may be obscured', async () => {
    watch.track(document.getElementById('a')!);
    await idle();
    FakeIntersectionObserver.reportAll(() => true);
    expect(watch.obscured(document.getElementById('b')!)).toBe(true);
    expect(FakeIntersectionObserver.all.size).toBe(0);
    watch.track(document.getElementById('b')!);
    await idle();
    expect(FakeIntersectionObserver.last!.targets.size).toBe(0);
  });
});
