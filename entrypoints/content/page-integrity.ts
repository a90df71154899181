import { isHopelessProof } from '../../lib/extract/hopeless-proof';
import { lookAlikeWordsLimits, type PageIntegrity } from '../../messaging/messages';
import { badgeHidingOf } from './badge-hiding';
import { watchBadgesDrawn } from './badges-drawn';
import { lookAlikeWords, searchLookAlikes } from './look-alikes';
import { isOwnNode } from './own-nodes';
import type { TrackedProof } from './proof-registry';
import { longestTaskWork, type IdleDeadlineLike, type Scheduler } from './scheduler';
import { withEveryBoxHitTestable, type OutOfReach } from './see-through';
import { reportedShadowRoots } from './shadow-root-events';

/** Reports wait this long for more of the same page's doings, in ms: a page hiding badges hides many at once. */
const reportDelay = 300;
/** A scroll has settled when no scroll event came for this long, in ms. */
const scrollSettleMs = 250;
/** A fixed or sticky cover that still covers a badge after the page scrolled this far, in CSS px, follows it: no bar or button stays over a badge that moved so. */
const followedScroll = 48;
/** How long the look-alike search waits for an idle moment, in ms. */
const lookAlikeTimeout = 2_000;
/** Searches for look-alikes begin this far apart at least, in ms: a page streaming an answer is scanned again and again. */
const lookAlikeSpacing = 5_000;

export type PageIntegrityWatch = {
  /**
   * Badges just placed or put back, or reached by the reader: each is looked at in the next frame's reads (not
   * those of proofs with no envelope); with `lookThrough`, through every box (see-through.ts), which restyles the page.
   */
  checkBadges(proofs: Iterable<TrackedProof>, options?: { lookThrough?: boolean }): void;
  /** The page took a badge off, or moved it, once more than Verity puts it back. */
  badgeKeptOff(proof: TrackedProof): void;
  /** The card was closed, or drawn over, as it opened. */
  cardHidden(): void;
  /** The page was scanned (again): look for look-alike badges, when it holds proofs. */
  scanned(hasProofs: boolean): void;
};

export type CreatePageIntegrityWatchParameters = {
  signal: AbortSignal;
  document: Document;
  scheduler: Scheduler;
  alive: (proof: TrackedProof) => boolean;
  /** Whether Verity made this element: its badges' and cards' hosts. */
  isOurs: (element: Element) => boolean;
  /** Tells the worker: all the page has done so far, not only what is new. */
  report: (integrity: PageIntegrity) => Promise<unknown>;
  /** The page's open shadow roots known so far, looked through with the document (see-through.ts). */
  shadowRoots?: () => ShadowRoot[];
};

export type CreatePageIntegrityWatchReturnType = PageIntegrityWatch;

/**
 * What a page does against Verity's own display, gathered for the popup
 * and the toolbar (docs/protocol.md, "A page against Verity's badges").
 * Nothing is polled: badges are looked at when they go in or are put
 * back, the card when it opens, look-alikes after a scan of a page with
 * proofs. Verity does not fight the page; it says so to the reader where
 * the page cannot reach.
 */
export function createPageIntegrityWatch({ signal, document, scheduler, alive, isOurs, report, shadowRoots }: CreatePageIntegrityWatchParameters): CreatePageIntegrityWatchReturnType {
  const keptOff = new Set<string>();
  const hidden = new Set<string>();
  let cardHidden = false;
  // How many look-alikes the last search found, and the first few, whose words the report quotes.
  let lookAlikes = { count: 0, first: [] as Element[] };
  let reported = JSON.stringify({ badgesKeptOff: 0, badgesHidden: 0, cardHidden: false, lookAlikes: 0, lookAlikeWords: [] });
  let reportScheduled = false;
  /** The look-alike search under way, if any. */
  let lookAlikeSearch: Generator<void, Element[], undefined> | undefined;
  /** The page was scanned again during a search: another follows it (restarting would never finish on a busy page). */
  let searchAgain = false;
  let searchQueued = false;
  let lastSearchAt = -Infinity;
  const toCheck = new Set<TrackedProof>();
  /** Of those, the ones to look at through every box: told drawn under something by the browser, or reached by the reader. */
  const toLookThrough = new Set<TrackedProof>();
  const proofOfHost = new WeakMap<Element, TrackedProof>();
  const badgesDrawn = watchBadgesDrawn({
    onObscured: (host) => {
      const proof = proofOfHost.get(host);
      if (proof !== undefined && proof.badge.host === host) checkBadges([proof], { lookThrough: true });
    },
  });
  signal.addEventListener('abort', () => badgesDrawn.stop(), { once: true });
  /** Badges under a fixed or sticky cover, with where the page was scrolled to when seen so. */
  const pinnedCovers = new Map<TrackedProof, { x: number; y: number }>();
  let cancelScrollSettle: (() => void) | undefined;

  function changed(): void {
    if (reportScheduled || signal.aborted) return;
    reportScheduled = true;
    scheduler.delay(() => {
      reportScheduled = false;
      const integrity: PageIntegrity = {
        badgesKeptOff: keptOff.size,
        badgesHidden: hidden.size,
        cardHidden,
        lookAlikes: lookAlikes.count,
        lookAlikeWords: lookAlikes.first.map(lookAlikeWords),
      };
      const now = JSON.stringify(integrity);
      if (now === reported || signal.aborted) return;
      reported = now;
      void report(integrity).catch(() => undefined);
    }, reportDelay);
  }

  function check(): void {
    const view = document.defaultView;
    // A document with no window (the page going away) has nothing left to look at.
    if (view === null) {
      toCheck.clear();
      toLookThrough.clear();
      return;
    }
    if (![...toCheck].some((proof) => toLookThrough.has(proof))) return checkSome(view, []);
    // The badges' own trees too: the document's styles reach no shadow tree.
    const roots = new Set<Document | ShadowRoot>([document]);
    for (const proof of toCheck) roots.add(proof.badge.host.getRootNode() as Document | ShadowRoot);
    withEveryBoxHitTestable(roots, (unseen) => checkSome(view, unseen), { shadowRoots });
  }

  /** Looks at the badges to check for a few milliseconds (after the restyle a look through every box costs); the rest in the next frame's reads. */
  function checkSome(view: Window, unseen: readonly OutOfReach[]): void {
    const opacities = new Map<Element, number>();
    // A hit test costs the page's size: 6 ms each on a page of 100,000 paragraphs, where 45 badges in view took 270 ms in one frame.
    const until = performance.now() + longestTaskWork;
    for (const proof of toCheck) {
      if (performance.now() > until) break;
      toCheck.delete(proof);
      toLookThrough.delete(proof);
      if (!alive(proof) || hidden.has(proof.id)) continue;
      const hiding = badgeHidingOf({ host: proof.badge.host, snippet: proof.located.element, view, isOwn: isOwnNode, opacities, unseen });
      const seenPinned = pinnedCovers.get(proof);
      pinnedCovers.delete(proof);
      if (hiding === undefined) continue;
      if (hiding === 'pinned-cover' && !(seenPinned !== undefined && scrolledFrom(seenPinned, view) >= followedScroll)) {
        pinnedCovers.set(proof, seenPinned ?? { x: view.scrollX, y: view.scrollY });
        continue;
      }
      hidden.add(proof.id);
      changed();
    }
    if (toCheck.size > 0) scheduler.read(check);
  }

  function checkBadges(proofs: Iterable<TrackedProof>, { lookThrough = false } = {}): void {
    const before = toCheck.size;
    // A page hiding the badge of a proof with no envelope hides nothing Verity could say of it: as if it carried none.
    for (const proof of proofs) {
      if (!proof.badgePlaced || isHopelessProof(proof.located)) continue;
      toCheck.add(proof);
      if (lookThrough) toLookThrough.add(proof);
      if (proofOfHost.get(proof.badge.host) !== proof) {
        proofOfHost.set(proof.badge.host, proof);
        badgesDrawn.watch(proof.badge.host);
      }
    }
    if (before === 0 && toCheck.size > 0) scheduler.read(check);
  }

  /** Once a scroll has settled, the badges still under a fixed or sticky cover are looked at again. */
  function scrolled(): void {
    if (pinnedCovers.size === 0) return;
    cancelScrollSettle?.();
    cancelScrollSettle = scheduler.delay(() => {
      cancelScrollSettle = undefined;
      const view = document.defaultView;
      const moved = [...pinnedCovers].filter(([, at]) => view !== null && scrolledFrom(at, view) >= followedScroll);
      if (moved.length === 0) return;
      const before = toCheck.size;
      for (const [proof] of moved) toCheck.add(proof);
      if (before === 0) scheduler.read(check);
    }, scrollSettleMs);
  }
  // The page's scrolling and its scrolling boxes' alike (scroll events do not bubble, but are captured).
  document.addEventListener('scroll', scrolled, { capture: true, passive: true, signal });

  function queueSearch(): void {
    const wait = lastSearchAt + lookAlikeSpacing - performance.now();
    if (wait <= 0) return startSearch();
    searchQueued = true;
    scheduler.delay(() => {
      searchQueued = false;
      startSearch();
    }, wait);
  }

  function startSearch(): void {
    searchAgain = false;
    lastSearchAt = performance.now();
    lookAlikeSearch = searchLookAlikes({ document, shadowRoots: reportedShadowRoots(document), isOurs });
    scheduler.idle(searchSlice, lookAlikeTimeout);
  }

  /**
   * Steps of the search while the idle period lasts, 8 ms at most (one step at least): it is never urgent. A task
   * that ran because the page was never idle (its timeout) takes the whole 8 ms, or a busy page's search would get one
   * step every 2 s.
   */
  function searchSlice(deadline: IdleDeadlineLike): void {
    const search = lookAlikeSearch;
    if (signal.aborted || search === undefined) return;
    const until = performance.now() + longestTaskWork;
    let step = search.next();
    for (; !step.done; step = search.next()) {
      if (performance.now() >= until || (!deadline.didTimeout && deadline.timeRemaining() <= 0)) return scheduler.idle(searchSlice, lookAlikeTimeout);
    }
    lookAlikeSearch = undefined;
    lookAlikes = { count: step.value.length, first: step.value.slice(0, lookAlikeWordsLimits.count) };
    changed();
    if (searchAgain) queueSearch();
  }

  return {
    checkBadges,
    badgeKeptOff(proof) {
      if (keptOff.has(proof.id)) return;
      keptOff.add(proof.id);
      changed();
    },
    cardHidden() {
      if (cardHidden) return;
      cardHidden = true;
      changed();
    },
    scanned(hasProofs) {
      // A page without proofs pays nothing.
      if (!hasProofs) return;
      if (lookAlikeSearch !== undefined || searchQueued) searchAgain = true;
      else queueSearch();
    },
  };
}

/** How far, in CSS px, the page has scrolled since `at`. */
function scrolledFrom(at: { x: number; y: number }, view: Window): number {
  return Math.max(Math.abs(view.scrollX - at.x), Math.abs(view.scrollY - at.y));
}
