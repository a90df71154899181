import { isHopelessProof } from '../../lib/extract/hopeless-proof';
import type { LocatedProof, ProofLocator } from '../../lib/extract/locate-proofs';
import { isTextNode } from '../../lib/text/dom';
import { tokenPrefix } from '../../lib/text/tokens';
import type { Badge } from './badge';
import type { Verdict } from '../../lib/verdict/types';
import type { BadgePainter } from './badge-painter';
import type { Card } from './card';
import { createCarrierSettling } from './carrier-settling';
import { newTrackedProof, type ProofRegistry, type TrackedProof } from './proof-registry';
import type { ProofSender } from './proof-sender';
import type { Scheduler } from './scheduler';
import type { SnippetRereads } from './snippet-rereads';
import { untilAnswered } from './until-answered';
import { createViewportWatch } from './viewport-watch';
import type { WorkerLink } from './worker-link';

/** How long a read waits for an idle moment. */
const readTimeout = 1_000;

export type CreateProofTrackerParameters = {
  signal: AbortSignal;
  scheduler: Scheduler;
  locator: ProofLocator;
  registry: ProofRegistry;
  /** Told of the proofs that left the page. */
  worker: Pick<WorkerLink, 'forget'>;
  /** Ids unique for the page's life, across sessions. */
  nextId: () => string;
  /** A new proof's badge, not in the page yet. */
  createBadge: (id: string) => Badge;
  /** Still the session's and still in the page. */
  alive: (proof: TrackedProof) => boolean;
  sender: Pick<ProofSender, 'send' | 'delete' | 'scanFinished'>;
  rereads: Pick<SnippetRereads, 'watch' | 'unwatch' | 'renderingMayHaveChanged' | 'forget'>;
  painter: Pick<BadgePainter, 'place' | 'draw' | 'remove' | 'wasTakenOff' | 'repair'>;
  card: Pick<Card, 'forget'>;
};

export type ProofTracker = {
  /** The scanner's slice: proofs it found, and whether it has scanned all there is for now. */
  found(located: LocatedProof[], scanFinished: boolean): void;
  /** These carriers' own proofs may read differently now: read again in idle time. */
  carriersRewritten(nodes: Node[]): void;
  /** Something left the page: its proofs are forgotten, and badges the page took off put back, in the next frame. */
  scheduleSweep(): void;
};

export type CreateProofTrackerReturnType = ProofTracker;

/**
 * The session's proofs, kept true to the page: each proof found gets an
 * id and a badge and goes to the worker once the browser has said how near
 * its snippet is; a carrier rewritten is read again; a proof that left the
 * page is forgotten, here and by the worker. The viewport watch ends when
 * `signal` aborts.
 */
export function createProofTracker({
  signal,
  scheduler,
  locator,
  registry,
  worker,
  nextId,
  createBadge,
  alive,
  sender,
  rereads,
  painter,
  card,
}: CreateProofTrackerParameters): CreateProofTrackerReturnType {
  const nearness = new WeakMap<Element, boolean>();
  const viewport = createViewportWatch({ signal, onChange: nearnessChanged });

  // Found ------------------------------------------------------------------

  function found(located: LocatedProof[], scanFinished: boolean): void {
    const added: TrackedProof[] = [];
    for (const proof of located) {
      if (!proof.element.isConnected || !proof.carrier.isConnected) {
        locator.release(proof);
        continue;
      }
      const id = nextId();
      const tracked = newTrackedProof(id, proof, createBadge(id));
      const firstOnSnippet = registry.onSnippet(proof.element).length === 0;
      registry.add(tracked);
      added.push(tracked);
      if (firstOnSnippet) viewport.observe(proof.element);
      // How a snippet is drawn matters only to a proof that may hold; watching is per snippet, once.
      if (!isHopelessProof(proof)) rereads.watch(proof.element);
      // The browser says how near a snippet is once, when it is first observed; later proofs on it learn it here.
      const near = nearness.get(proof.element);
      if (near !== undefined) {
        tracked.near = near;
        sender.send(tracked);
      }
    }
    if (scanFinished) sender.scanFinished();
    // A full locator's scan goes on only to count what it skips: no badge is to come, so none waits for its end.
    painter.place(added, { scanning: !scanFinished && !locator.full });
  }

  function nearnessChanged(changes: { element: Element; near: boolean }[]): void {
    for (const { element, near } of changes) {
      nearness.set(element, near);
      for (const proof of registry.onSnippet(element)) {
        const cameNear = near && proof.near === false;
        proof.near = near;
        if (proof.sentRevision < proof.revision) sender.send(proof);
        // Content revealed as the reader scrolls to it reads differently now.
        else if (cameNear) rereads.renderingMayHaveChanged(element);
      }
    }
  }

  // Rewritten --------------------------------------------------------------

  const rewrittenCarriers = new Set<Node>();
  let rereadScheduled = false;
  const settling = createCarrierSettling({
    scheduler,
    onSettled: (carriers) => {
      for (const carrier of carriers) rewrittenCarriers.add(carrier);
      scheduleReread();
    },
  });
  /** Verdicts taken off proofs whose carrier kept changing: shown again if it settles back to the same proof. */
  const heldVerdicts = new WeakMap<TrackedProof, Verdict | undefined>();

  function carriersRewritten(nodes: Node[]): void {
    for (const node of nodes) {
      // Most edited texts never held a token: nothing to read again.
      if (isTextNode(node) && !node.data.includes(tokenPrefix) && registry.onCarrier(node).length === 0) continue;
      if (settling.admit(node)) {
        rewrittenCarriers.add(node);
        continue;
      }
      // Its verdict was about the proof as it stood before: "checking" until it settles.
      for (const proof of registry.onCarrier(node)) {
        if (!heldVerdicts.has(proof)) heldVerdicts.set(proof, proof.verdict);
        painter.draw(proof, undefined);
      }
    }
    scheduleReread();
  }

  function scheduleReread(): void {
    if (rewrittenCarriers.size === 0 || rereadScheduled) return;
    rereadScheduled = true;
    scheduler.idle(rereadCarriers, readTimeout);
  }

  /**
   * Reads rewritten carriers again. A proof that reads as before is kept,
   * verdict and all; one that changed, or went, is forgotten (its verdict
   * was about another proof), and one that came is found like any other,
   * under a new id, its badge saying "checking" until its own answer.
   */
  function rereadCarriers(): void {
    rereadScheduled = false;
    const replaced: TrackedProof[] = [];
    const came: LocatedProof[] = [];
    for (const carrier of rewrittenCarriers) {
      // One that left the page is the sweep's.
      if (!carrier.isConnected) continue;
      const now = locator.reread(carrier);
      for (const proof of registry.onCarrier(carrier)) {
        const same = now.findIndex((located) => sameProof(located, proof.located));
        if (same === -1) replaced.push(proof);
        else {
          locator.release(now.splice(same, 1)[0]!);
          if (heldVerdicts.has(proof)) painter.draw(proof, heldVerdicts.get(proof));
        }
        heldVerdicts.delete(proof);
      }
      came.push(...now);
    }
    rewrittenCarriers.clear();
    // Found before the others are forgotten: a snippet that keeps a proof stays watched, its nearness known.
    found(came, true);
    for (const proof of replaced) {
      forget(proof);
      painter.remove(proof);
    }
    tellForgotten(replaced);
  }

  // Gone -------------------------------------------------------------------

  let sweepScheduled = false;

  function scheduleSweep(): void {
    if (sweepScheduled) return;
    sweepScheduled = true;
    scheduler.read(sweep);
  }

  /** Forgets proofs that left the page, and puts back badges the page took off. */
  function sweep(): void {
    sweepScheduled = false;
    const gone: TrackedProof[] = [];
    const takenOff: TrackedProof[] = [];
    for (const proof of registry.all()) {
      if (!alive(proof)) gone.push(proof);
      else if (painter.wasTakenOff(proof)) takenOff.push(proof);
    }
    gone.forEach(forget);
    tellForgotten(gone);
    painter.repair(gone, takenOff);
  }

  function tellForgotten(proofs: TrackedProof[]): void {
    if (proofs.length === 0) return;
    const ids = proofs.map((proof) => proof.id);
    void untilAnswered({ signal, attempt: () => worker.forget(ids) });
  }

  function forget(proof: TrackedProof): void {
    registry.delete(proof);
    sender.delete(proof);
    rereads.forget(proof);
    locator.release(proof.located);
    card.forget(proof.badge);
    const { element } = proof.located;
    if (registry.onSnippet(element).length === 0) {
      viewport.unobserve(element);
      rereads.unwatch(element);
      nearness.delete(element);
    }
  }

  return { found, carriersRewritten, scheduleSweep };
}

/** Whether a proof read again is the one read before: same place, same words. */
function sameProof(a: LocatedProof, b: LocatedProof): boolean {
  return a.form === b.form && a.raw === b.raw && a.element === b.element && a.problem?.reason === b.problem?.reason;
}
