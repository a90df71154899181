import type { Verdict } from '../../lib/verdict/types';
import { placeBadge, type IsSnippet } from './badge-placement';
import { pageThemeAt, type PageThemeMemo } from './page-theme';
import type { Card } from './card';
import type { TrackedProof } from './proof-registry';
import type { Scheduler } from './scheduler';

/** Badges found, and verdicts answered, within this many ms go into the page together. */
const paintDelay = 100;
/**
 * A verdict written makes the browser style and paint the page again: a few
 * ms on most pages, over 100 ms on one of 100,000 paragraphs. The next
 * write waits this many times as long as the last verdicts' frame took, so
 * Verity's repaints take at most a tenth of the page's time however heavy
 * the page, while verdicts keep coming (in larger batches)…
 */
const paintSpacingFactor = 9;
/** …but at least this often (ms), so a page that was busy once does not hold verdicts back for long. */
const longestPaintSpacing = 2_000;
/**
 * Badges found while a scan goes on wait for its end, to go into the page
 * in one write, laid out once (the scan runs in slices of a few ms, so a
 * page of hundreds of proofs is found over several); a scan that takes
 * longer than this shows what it has found so far. It was 500 ms, which the
 * scan of a page of 500 proofs outran on a busy 2-core machine: its slices
 * share the main thread with the readings of the first proofs sent.
 */
const longestHold = 1_000;
/** How often a page may take a badge off, or move it, before it is left so (and the page flagged): fighting the page helps nobody. */
export const maxBadgeReplacements = 5;

export type CreateBadgePainterParameters = {
  scheduler: Scheduler;
  /** Redrawn when the verdict it shows changes. */
  card: Pick<Card, 'refresh'>;
  /** Still the session's and still in the page: checked before anything is written. */
  alive: (proof: TrackedProof) => boolean;
  /** Whether an element is a snippet: a badge goes after its own snippet, never inside another's. */
  isSnippet: IsSnippet;
  /** Badges just put in the page, or put back: to be looked at (page-integrity.ts). */
  onPlaced?: (proofs: readonly TrackedProof[]) => void;
  /** A badge the page took off, or moved, once more than it is put back. */
  onKeptOff?: (proof: TrackedProof) => void;
  /** The clock the paints' cost is read on (ms). */
  now?: () => number;
};

export type BadgePainter = {
  /**
   * Puts the badges of proofs just found in the page, at the next paint;
   * while `scanning`, once the scan has ended (or after `longestHold` ms).
   */
  place(proofs: readonly TrackedProof[], options?: { scanning?: boolean }): void;
  /** Shows a verdict, or checking, on a proof's badge: as of `revision`, unless the proof has moved on since. */
  draw(proof: TrackedProof, verdict: Verdict | undefined, revision?: number): void;
  /** Takes off the badge of a proof read again and replaced, at the next paint, as its successor's goes in. */
  remove(proof: TrackedProof): void;
  /**
   * Whether the page took a placed badge off, or moved it from its place, and it may still be put back.
   * One taken off or moved once too often is taken out of the page for good (in the next write).
   */
  wasTakenOff(proof: TrackedProof): boolean;
  /** In the next write: takes off the badges of proofs that left the page, and puts back those the page took off or moved. */
  repair(gone: readonly TrackedProof[], takenOff: readonly TrackedProof[]): void;
  /** Gives placed badges the page's colours again, after the page changed its scheme: read in the next frame, then written. */
  retheme(proofs: Iterable<TrackedProof>): void;
};

export type CreateBadgePainterReturnType = BadgePainter;

/**
 * Writes the session's badges into the page. Badges to put in and verdicts
 * to show on them wait a moment, to go in together: every change lays out
 * the text around a badge again, and proofs are found, and answered, in
 * batches.
 */
export function createBadgePainter({ scheduler, card, alive, isSnippet, onPlaced, onKeptOff, now = () => performance.now() }: CreateBadgePainterParameters): CreateBadgePainterReturnType {
  const toPlace = new Set<TrackedProof>();
  /** Badges of proofs read again and replaced: they go as their successors come, in the same write. */
  const toRemove = new Set<HTMLElement>();
  const toDraw = new Map<TrackedProof, { verdict: Verdict | undefined; revision: number }>();
  /** Badges found while a scan goes on, waiting for its end. */
  const held = new Set<TrackedProof>();
  /** Cancels the hold's time limit; set while badges are held. */
  let cancelHold: (() => void) | undefined;
  let paintScheduled = false;
  let lastPaintAt = -Infinity;
  /** How long the frame of the last paint took: from our write to the first task after the browser drew it. */
  let lastPaintCost = 0;
  /** The parent each badge went into: a snippet that grows keeps it there; a page that wraps it (to fade it out, say) moves it. */
  const placedIn = new WeakMap<TrackedProof, ParentNode | null>();

  function put(proof: TrackedProof): boolean {
    const placed = placeBadge(proof.badge.host, proof.located.element, isSnippet);
    placedIn.set(proof, proof.badge.host.parentNode);
    return placed;
  }

  const inPlace = (proof: TrackedProof): boolean => proof.badge.host.isConnected && proof.badge.host.parentNode === placedIn.get(proof);

  function schedulePaint(): void {
    if (paintScheduled) return;
    paintScheduled = true;
    const spacing = Math.min(longestPaintSpacing, lastPaintCost * paintSpacingFactor);
    scheduler.delay(() => scheduler.write(paint), Math.max(paintDelay, lastPaintAt + spacing - now()));
  }

  /** The held badges go in at the next paint. */
  function release(): void {
    cancelHold?.();
    cancelHold = undefined;
    if (held.size === 0) return;
    for (const proof of held) toPlace.add(proof);
    held.clear();
    schedulePaint();
  }

  function paint(): void {
    paintScheduled = false;
    // Read before writing: each new badge takes the theme of the page behind its snippet.
    const memo: PageThemeMemo = new Map();
    const themes = new Map([...toPlace].filter(alive).map((proof) => [proof, pageThemeAt(proof.located.element, memo)]));
    for (const host of toRemove) host.remove();
    toRemove.clear();
    for (const [proof, theme] of themes) {
      proof.badge.host.dataset.theme = theme;
      proof.badgePlaced = put(proof);
    }
    toPlace.clear();
    if (themes.size > 0) onPlaced?.([...themes.keys()]);
    for (const [proof, { verdict, revision }] of toDraw) {
      if (!alive(proof) || proof.revision !== revision) continue;
      proof.verdict = verdict;
      proof.badge.render(verdict);
      card.refresh(proof.id);
    }
    const onlyVerdicts = themes.size === 0 && toDraw.size > 0;
    toDraw.clear();
    const written = now();
    lastPaintAt = written;
    // Only a frame of verdicts alone tells what verdicts cost: badges go in as the page loads, whose own first frames are slow.
    // A timer set in the frame runs once the browser has drawn it.
    if (onlyVerdicts) scheduler.delay(() => (lastPaintCost = now() - written), 0);
  }

  return {
    place(proofs, { scanning = false } = {}) {
      // A verdict for a held badge is drawn on it out of the page, and shows when it goes in.
      for (const proof of proofs) held.add(proof);
      if (!scanning) release();
      else if (held.size > 0) cancelHold ??= scheduler.delay(release, longestHold);
    },
    draw(proof, verdict, revision = proof.revision) {
      toDraw.set(proof, { verdict, revision });
      schedulePaint();
    },
    remove(proof) {
      toRemove.add(proof.badge.host);
      schedulePaint();
    },
    wasTakenOff(proof) {
      if (!proof.badgePlaced || inPlace(proof)) return false;
      if (proof.replacements < maxBadgeReplacements) return true;
      // Left off, and out of the page: a badge the page moved would vouch for whatever it was moved beside.
      proof.badgePlaced = false;
      scheduler.write(() => proof.badge.host.remove());
      onKeptOff?.(proof);
      return false;
    },
    repair(gone, takenOff) {
      scheduler.write(() => {
        for (const proof of gone) proof.badge.host.remove();
        const putBack = takenOff.filter((proof) => alive(proof) && !inPlace(proof));
        for (const proof of putBack) {
          // Its parent gone with it is the page redrawing its text (a streamed answer), not taking the badge away.
          if (placedIn.get(proof)?.isConnected !== false) proof.replacements += 1;
          put(proof);
        }
        if (putBack.length > 0) onPlaced?.(putBack);
      });
    },
    retheme(proofs) {
      const placed = [...proofs].filter((proof) => proof.badgePlaced);
      if (placed.length === 0) return;
      scheduler.read(() => {
        const memo: PageThemeMemo = new Map();
        const themes = placed.filter(alive).map((proof) => [proof, pageThemeAt(proof.located.element, memo)] as const);
        scheduler.write(() => {
          for (const [proof, theme] of themes) if (proof.badge.host.dataset.theme !== theme) proof.badge.host.dataset.theme = theme;
        });
      });
    },
  };
}
