// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BadgeHidingOfParameters } from './badge-hiding';
import { createManualScheduler } from './manual-scheduler';
import { createPageIntegrityWatch } from './page-integrity';
import type { TrackedProof } from './proof-registry';
import type { PageIntegrity } from '../../messaging/messages';
import { FakeIntersectionObserver } from '../../test/fakes/observers';

/**
 * Each look at a badge takes 5 ms of the page's time, as a hit test does on a very large page; the one with id
 * "hidden" is covered. `looks` has each badge looked at, and whether every box was hit-testable then.
 */
const clock = vi.hoisted(() => ({ now: 0, looks: [] as string[] }));
vi.mock('./badge-hiding', () => ({
  badgeHidingOf: ({ host }: BadgeHidingOfParameters) => {
    clock.now += 5;
    // jsdom has no constructed sheets: Firefox's `<style>` (see-through.ts).
    const throughEveryBox = [...document.querySelectorAll('style')].some((style) => style.textContent!.includes('pointer-events: auto !important'));
    clock.looks.push(`${host.id}${throughEveryBox ? ' through every box' : ''}`);
    return host.id === 'hidden' ? 'covered' : host.id.startsWith('pinned') ? 'pinned-cover' : undefined;
  },
}));

/** The look-alike search: `lookAlikeSteps` steps of 3 ms each on the fake clock, then `lookAlikesFound` look-alikes. */
const lookAlikeSearch = vi.hoisted(() => ({ steps: 0, found: 0, started: 0 }));
vi.mock('./look-alikes', () => ({
  searchLookAlikes: function* () {
    lookAlikeSearch.started += 1;
    for (let step = 0; step < lookAlikeSearch.steps; step += 1) {
      clock.now += 3;
      yield;
    }
    return Array.from({ length: lookAlikeSearch.found }, (_, index) => Object.assign(document.createElement('span'), { textContent: `Verified by Verity ${index}` }));
  },
  lookAlikeWords: (element: Element) => element.textContent,
}));

function placedProof(id: string, raw = '{"v":1}'): TrackedProof {
  const host = document.body.appendChild(document.createElement('verity-badge'));
  host.id = id;
  return { id, badgePlaced: true, badge: { host }, located: { element: document.body, form: 'attribute', raw } } as unknown as TrackedProof;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

/** A watch of this document on a manual scheduler, its reports kept; each look at a badge takes 5 ms on the fake clock. */
function startWatch() {
  vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
  FakeIntersectionObserver.all.clear();
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  clock.looks = [];
  const manual = createManualScheduler();
  const reports: PageIntegrity[] = [];
  const watch = createPageIntegrityWatch({
    signal: new AbortController().signal,
    document,
    scheduler: manual.scheduler,
    alive: () => true,
    isOurs: () => false,
    report: async (integrity) => reports.push(integrity),
  });
  return { manual, reports, watch };
}

describe('createPageIntegrityWatch', () => {
  it('looks at badges for a few milliseconds a frame, the rest in the frames after, and says which the page hides', () => {
    const { manual, reports, watch } = startWatch();
    watch.checkBadges(['a', 'b', 'c', 'd', 'e', 'hidden'].map((id) => placedProof(id)));
    const looked: number[] = [];
    for (let frame = 0; frame < 4; frame += 1) {
      const before = clock.now;
      manual.frame();
      looked.push((clock.now - before) / 5);
    }
    expect(looked).toEqual([2, 2, 2, 0]);
    manual.timers();
    expect(reports).toEqual([{ badgesKeptOff: 0, badgesHidden: 1, cardHidden: false, lookAlikes: 0, lookAlikeWords: [] }]);
  });

  it('looks through every box at a badge the browser tells is drawn under something, or the reader reaches, and only then', () => {
    const { manual, watch } = startWatch();
    const [a, b] = [placedProof('a'), placedProof('b')];
    watch.checkBadges([a, b]);
    manual.frame();
    // Chromium's IntersectionObserver v2: something is drawn over "b" (a layer passing clicks through, say), on its first report and after.
    FakeIntersectionObserver.reportDrawn((target) => target.id !== 'b');
    manual.frame();
    FakeIntersectionObserver.reportDrawn((target) => target.id !== 'b');
    manual.frame();
    watch.checkBadges([a], { lookThrough: true });
    manual.frame();
    expect(clock.looks).toEqual(['a', 'b', 'b through every box', 'a through every box']);
    expect(document.querySelector('style')).toBeNull();
  });

  it('does not look at the badges of proofs with no envelope: hiding one hides nothing Verity says', () => {
    const { manual, watch } = startWatch();
    const before = clock.now;
    watch.checkBadges([placedProof('hidden', 'fake-1'), placedProof('a')]);
    manual.frame();
    expect((clock.now - before) / 5).toBe(1);
  });

  it('counts a badge under a fixed or sticky cover only if it is still under one after the page scrolled: a cover that follows it', async () => {
    const { manual, reports, watch } = startWatch();
    const scrollTo = (y: number) => {
      Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
      document.dispatchEvent(new Event('scroll'));
      manual.timers();
      manual.frame();
      manual.timers();
    };
    watch.checkBadges([placedProof('pinned')]);
    manual.frame();
    manual.timers();
    expect(reports).toEqual([]);
    // A nudge is not a scroll the badge could have left a bar behind in.
    scrollTo(20);
    expect(reports).toEqual([]);
    scrollTo(300);
    expect(reports).toMatchObject([{ badgesHidden: 1 }]);
    Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
  });

  it('looks for look-alike badges in idle time, 8 ms a task at most, once more (5 s after the last began) if the page was scanned meanwhile', () => {
    const { manual, reports, watch } = startWatch();
    Object.assign(lookAlikeSearch, { steps: 5, found: 2, started: 0 });
    watch.scanned(false);
    manual.idle();
    expect(lookAlikeSearch.started).toBe(0);
    watch.scanned(true);
    const before = clock.now;
    manual.idle();
    // Three steps of 3 ms reach 8 ms: the other two wait for the next idle task.
    expect(clock.now - before).toBe(9);
    watch.scanned(true);
    manual.idle();
    manual.timers(300);
    expect(reports.at(-1)).toMatchObject({ lookAlikes: 2, lookAlikeWords: ['Verified by Verity 0', 'Verified by Verity 1'] });
    expect(lookAlikeSearch.started).toBe(1);
    for (let task = 0; task < 4; task += 1) manual.idle();
    expect(lookAlikeSearch.started).toBe(1);
    clock.now += 5_000;
    manual.timers();
    for (let task = 0; task < 4; task += 1) manual.idle();
    expect(lookAlikeSearch.started).toBe(2);
  });

  it('takes one step of the look-alike search at a time when the idle period has run out, 8 ms when the page was never idle', () => {
    const { manual, watch } = startWatch();
    Object.assign(lookAlikeSearch, { steps: 5, found: 0, started: 0 });
    watch.scanned(true);
    const before = clock.now;
    manual.idle(0);
    expect(clock.now - before).toBe(3);
    manual.idle(0, { didTimeout: true });
    expect(clock.now - before).toBe(12);
  });
});
