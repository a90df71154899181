import { proofAttribute, type WalkPause } from '../../lib/extract/carriers';
import type { LocatedProof, ProofLocator } from '../../lib/extract/locate-proofs';
import { batchMutations } from './mutation-batch';
import { longestTaskWork, type IdleDeadlineLike, type Scheduler } from './scheduler';
import { reportAddedShadowRootsEvent, reportAllShadowRootsEvent, reportedRootOf, shadowRootEvent } from './shadow-root-events';

/** Nodes walked between looks at the clock: small enough that a slice overruns by little. */
const pauseEvery = 256;
/** A slice's least time, even when the browser is never idle (or the idle task timed out). */
const shortestSlice = 6;
/** New content gets its badges this soon on a busy page. */
const scanTimeout = 300;
/**
 * Proofs handed on per slice: each costs a badge (up to 1 ms to build from a
 * content script). Fewer makes a long scan longer in time, and its badges go
 * in over more writes, each a layout of the page: at 8, a page of 100,000
 * fake proofs fell from 32 frames a second to 8 (bench, hostile pages).
 */
const mostFoundPerSlice = 16;

export type StartPageScannerParameters = {
  signal: AbortSignal;
  document: Document;
  scheduler: Scheduler;
  locator: ProofLocator;
  /** Badges and the card: their comings and goings are not the page changing. */
  isOwnNode: (node: Node) => boolean;
  /**
   * After each slice of scanning (a read phase), with the proofs it found,
   * if any, and whether it has scanned all there is for now: the locator's
   * counts may have moved too.
   */
  onSlice: (found: LocatedProof[], finished: boolean) => void;
  /** Content changed at these nodes (text edited, children changed): snippets around them may read differently. */
  onChanged: (nodes: Node[]) => void;
  /** These nodes' own proofs may read differently now (see MutationBatch.rewritten). */
  onRewritten: (nodes: Node[]) => void;
  /** Something left the page. */
  onRemoved: () => void;
  /** Each open shadow root as it is first reported. */
  onShadowRoot?: (root: ShadowRoot) => void;
};

/** A slice run outside idle time: it takes the shortest. */
const noIdleTime: IdleDeadlineLike = { timeRemaining: () => 0, didTimeout: true };

/** How long a scan slice may run in this idle period, ms: the badges of its proofs are built in the same task after it. */
export function sliceMs(deadline: IdleDeadlineLike): number {
  return Math.min(Math.max(deadline.timeRemaining(), shortestSlice), longestTaskWork);
}

/**
 * Finds proofs in the page: once over the whole document, then only in
 * what is added (a MutationObserver, its records taken once a frame); a
 * proof rewritten in place is the session's to read again. Each open
 * shadow root the page's world reports (shadow-roots.content.ts) is
 * scanned and observed the same way, nested ones included.
 * Scanning starts in idle time and runs in slices of at most 8 ms, each
 * in a task of its own, so no page, however large or deep, holds up its
 * own scripts or input for longer than a frame. The locator remembers what it saw,
 * so nothing is reported twice.
 */
export function startPageScanner({ signal, document, scheduler, locator, isOwnNode, onSlice, onChanged, onRewritten, onRemoved, onShadowRoot }: StartPageScannerParameters): void {
  const roots: Node[] = [];
  const observedRoots = new WeakSet<Node>();
  let walk: Generator<LocatedProof | WalkPause, void, undefined> | undefined;
  let scanScheduled = false;
  let records: MutationRecord[] = [];

  const scheduleScan = (): void => {
    if (scanScheduled) return;
    scanScheduled = true;
    scheduler.idle(scanSlice, scanTimeout);
  };
  // A scan under way goes on in the next task, not the next idle period: a busy page has few of those, and a
  // page of hundreds of proofs would get its badges over seconds. The page's own tasks still run between slices.
  const continueScan = (): void => {
    if (scanScheduled) return;
    scanScheduled = true;
    scheduler.delay(() => scanSlice(noIdleTime), 0);
  };

  function scanSlice(deadline: IdleDeadlineLike): void {
    scanScheduled = false;
    const end = performance.now() + sliceMs(deadline);
    const found: LocatedProof[] = [];
    while (performance.now() < end && found.length < mostFoundPerSlice) {
      walk ??= nextWalk();
      if (walk === undefined) break;
      const step = walk.next();
      if (step.done) walk = undefined;
      else if (step.value.form !== 'pause') found.push(step.value);
    }
    const finished = walk === undefined && roots.length === 0;
    onSlice(found, finished);
    if (!finished) continueScan();
  }

  function nextWalk(): Generator<LocatedProof | WalkPause, void, undefined> | undefined {
    for (let root = roots.shift(); root !== undefined; root = roots.shift()) {
      if (root.isConnected) return locator.scan(root, { pauseEvery });
    }
    return undefined;
  }

  function takeRecords(): void {
    const batch = batchMutations(records, isOwnNode);
    records = [];
    if (batch.added.length > 0) {
      for (const node of batch.added) roots.push(node);
      scheduleScan();
      // Hosts with a shadow root attached before they came into the page.
      document.dispatchEvent(new Event(reportAddedShadowRootsEvent));
    }
    if (batch.changed.length > 0) onChanged(batch.changed);
    if (batch.rewritten.length > 0) onRewritten(batch.rewritten);
    if (batch.removed) onRemoved();
  }

  const observer = new MutationObserver((newRecords) => {
    if (records.length === 0) scheduler.read(takeRecords);
    for (const record of newRecords) records.push(record);
  });
  const observeRoot = (root: Document | ShadowRoot): void => {
    if (observedRoots.has(root)) return;
    observedRoots.add(root);
    // Attributes: only those that carry a proof (an element's own, a token link's), so other changes cost nothing.
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: [proofAttribute, 'href'] });
    roots.push(root);
    scheduleScan();
  };
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  observeRoot(document);
  document.addEventListener(
    shadowRootEvent,
    (event) => {
      const root = reportedRootOf(event);
      if (!root || observedRoots.has(root)) return;
      onShadowRoot?.(root);
      observeRoot(root);
    },
    { capture: true, signal },
  );
  document.dispatchEvent(new Event(reportAllShadowRootsEvent));
}
