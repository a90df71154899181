import type { WorkerMessages } from '../../messaging/messages';
import type { PageProof } from '../../lib/extract/page-proof';
import { createProofLocator, type LocatedProof, type ShownText } from '../../lib/extract/locate-proofs';
import { isTextNode } from '../../lib/text/dom';
import { tokenPrefix } from '../../lib/text/tokens';
import type { Verdict } from '../../lib/verdict/types';
import { createBadge, type BadgeEvents } from './badge';
import { placeBadge } from './badge-placement';
import { createCard } from './card';
import { answerContentMessages } from './content-messages';
import { createCssLens } from './css-lens';
import { isOwnNode } from './own-nodes';
import { startPageScanner } from './page-scanner';
import { createProofRegistry, type TrackedProof } from './proof-registry';
import { createRenderedTextReader, type RenderedText, type RenderedTextReader } from './rendered-text';
import { createRenderingWatch } from './rendering-watch';
import { revealSnippet } from './reveal';
import type { Scheduler } from './scheduler';
import { createSelectionCard } from './selection-card';
import { readSelection } from './selection-reader';
import { untilAnswered } from './until-answered';
import { createWorkerOutbox } from './worker-outbox';
import { createViewportWatch } from './viewport-watch';

/** What the session asks of the worker: sendToWorker in the extension, a stand-in in tests. */
export type WorkerLink = {
  verify(request: { pageUrl: string; proofs: PageProof[]; notChecked: number }): Promise<WorkerMessages['verify-proofs']['response']>;
  forget(ids: string[]): Promise<unknown>;
  /** Rejects when it could not be done. */
  openInspector(id: string): Promise<unknown>;
};

/** An edited text is checked again once it has been still this long… */
const textSettleDelay = 400;
/** …or once it has been changing this long, so a streaming answer does not go unchecked. */
const longestTextWait = 3_000;
/** Rendering changes come in bursts (a transition on each paragraph): read once the burst is over. */
const renderingSettleDelay = 300;
/** How long a read waits for an idle moment. */
const readTimeout = 1_000;
/** Time one idle task spends reading rendered texts for a batch, in ms; the batch's other proofs wait for the next. */
const batchReadTime = 20;
/** Badges found, and verdicts answered, within this many ms go into the page together. */
const paintDelay = 100;
/** A cut-off text is not checked: this much of it goes to the worker, for the inspector to show. */
const cutOffTextSent = 10_000;
/** How often a page may take a badge off before it is left off: fighting the page helps nobody. */
const maxBadgeReplacements = 5;

export type StartPageSessionParameters = {
  signal: AbortSignal;
  document: Document;
  scheduler: Scheduler;
  /** The one sheet all badges share. */
  badgeSheet: CSSStyleSheet;
  cardSheet: CSSStyleSheet;
  /** Ids unique for the page's life, across sessions. */
  nextId: () => string;
  worker: WorkerLink;
  /** The rendered-text reader: the live page's CSS unless a test says otherwise. */
  readRendered?: RenderedTextReader;
};

export type PageSession = {
  /** Single-page navigation: keep what is still in the page, forget what left. */
  locationChanged(): void;
  /**
   * The page came back from the back/forward cache: the worker forgot it
   * when the tab moved on, so every proof goes to it again. The verdicts
   * shown stay until the answers come.
   */
  restored(): void;
  closeCard(): void;
  /** The ids of the proofs it holds, to forget them all when it ends. */
  ids(): string[];
};

/**
 * Verity on one page, while it is enabled there: finds proofs, sends them
 * to the worker (those near the viewport first), draws a badge by each
 * snippet and the card, and keeps all of it true as the page changes.
 * Everything stops and every badge goes when `signal` aborts.
 */
export function startPageSession({
  signal,
  document,
  scheduler,
  badgeSheet,
  cardSheet,
  nextId,
  worker,
  readRendered = createRenderedTextReader({ lensOf: createCssLens }),
}: StartPageSessionParameters): PageSession {
  const locator = createProofLocator();
  const registry = createProofRegistry();
  const nearness = new WeakMap<Element, boolean>();
  let notCheckedSent = 0;

  const card = createCard({
    document,
    signal,
    sheet: cardSheet,
    verdictOf: (id) => registry.get(id)?.verdict,
    openDetails: (id) => worker.openInspector(id).then(
      () => true,
      () => false,
    ),
  });
  const selectionCard = createSelectionCard({ document, signal, sheet: cardSheet, reveal });
  const badgeEvents: BadgeEvents = {
    onEnter: (badge) => card.preview(badge),
    onLeave: (badge) => card.leave(badge),
    onActivate: (badge) => card.activate(badge),
  };
  const viewport = createViewportWatch({ signal, onChange: nearnessChanged });
  const renderingWatch = createRenderingWatch({ signal, document, onChange: renderingMayHaveChanged });
  const outbox = createWorkerOutbox<TrackedProof>({ scheduler, send: sendBatch });

  const isSnippet = (element: Element): boolean => registry.onSnippet(element).length > 0;

  /** Still ours and still in the page: checked after every wait, before anything is written. */
  const alive = (proof: TrackedProof): boolean =>
    registry.has(proof) && proof.located.element.isConnected && proof.located.carrier.isConnected;

  // Found ------------------------------------------------------------------

  function found(located: LocatedProof[], scanFinished: boolean): void {
    const added: TrackedProof[] = [];
    for (const proof of located) {
      if (!proof.element.isConnected || !proof.carrier.isConnected) {
        locator.release(proof);
        continue;
      }
      const id = nextId();
      const tracked: TrackedProof = {
        id,
        located: proof,
        badge: createBadge({ document, id, sheet: badgeSheet, events: badgeEvents }),
        shownText: proof.shownText,
        shownTextComplete: proof.shownTextComplete,
        rendered: undefined,
        revision: 0,
        sentRevision: -1,
        verdict: undefined,
        near: undefined,
        badgePlaced: false,
        replacements: 0,
      };
      const firstOnSnippet = registry.onSnippet(proof.element).length === 0;
      registry.add(tracked);
      added.push(tracked);
      if (firstOnSnippet) {
        viewport.observe(proof.element);
        renderingWatch.watch(proof.element);
      }
      // The browser says how near a snippet is once, when it is first observed; later proofs on it learn it here.
      const near = nearness.get(proof.element);
      if (near !== undefined) {
        tracked.near = near;
        outbox.enqueue(tracked, near);
      }
    }
    // Proofs sent carry the count of those not checked; when a scan ends, the count goes on its own if it moved.
    if (scanFinished && locator.skipped !== notCheckedSent) outbox.touch();
    if (added.length === 0) return;
    for (const proof of added) toPlace.add(proof);
    schedulePaint();
  }

  function nearnessChanged(changes: { element: Element; near: boolean }[]): void {
    for (const { element, near } of changes) {
      nearness.set(element, near);
      for (const proof of registry.onSnippet(element)) {
        const cameNear = near && proof.near === false;
        proof.near = near;
        if (proof.sentRevision < proof.revision) outbox.enqueue(proof, near);
        // Content revealed as the reader scrolls to it reads differently now.
        else if (cameNear) renderingMayHaveChanged(element);
      }
    }
  }

  // Sent -------------------------------------------------------------------

  /**
   * One batch: rendered texts read now (an idle task), for as many as the
   * task's time allows (one at least; the rest go back in the queue), and
   * the message sent until answered.
   */
  function sendBatch(proofs: TrackedProof[]): void {
    const renderedOf = new Map<Element, RenderedText>();
    const readUntil = performance.now() + batchReadTime;
    const sent: { proof: TrackedProof; revision: number; payload: PageProof }[] = [];
    for (const proof of proofs.filter(alive)) {
      if (sent.length > 0 && performance.now() > readUntil) {
        outbox.enqueue(proof, proof.near ?? false);
        continue;
      }
      const { element } = proof.located;
      // A cut-off text is not compared with anything: no need to read what is drawn of it.
      const rendered = renderedOf.get(element) ?? (proof.shownTextComplete ? readRendered(element) : { text: '', complete: false });
      renderedOf.set(element, rendered);
      proof.rendered = rendered;
      proof.sentRevision = proof.revision;
      sent.push({ proof, revision: proof.revision, payload: pageProofOf(proof, rendered) });
    }
    notCheckedSent = locator.skipped;
    const notChecked = notCheckedSent;
    // A proof edited or gone since is not sent again on a retry; its newer revision has its own batch.
    const current = ({ proof, revision }: (typeof sent)[number]): boolean => registry.has(proof) && proof.revision === revision;
    if (sent.length === 0 && proofs.length > 0) return;
    void untilAnswered({
      signal,
      attempt: () => worker.verify({ pageUrl: document.location.href, proofs: sent.filter(current).map(({ payload }) => payload), notChecked }),
    }).then((answer) => {
      if (answer === undefined) return;
      const revisions = new Map(sent.filter(current).map(({ proof, revision }) => [proof.id, revision]));
      for (const { id, verdict } of answer.verdicts) {
        const proof = registry.get(id);
        const revision = revisions.get(id);
        if (proof !== undefined && revision !== undefined) draw(proof, verdict, revision);
      }
    });
  }

  // Painting ---------------------------------------------------------------

  const toPlace = new Set<TrackedProof>();
  /** Badges of proofs read again and replaced: they go as their successors come, in the same write. */
  const toRemove = new Set<HTMLElement>();
  const toDraw = new Map<TrackedProof, { verdict: Verdict | undefined; revision: number }>();
  let paintScheduled = false;

  /**
   * Badges to put in the page and verdicts to show on them wait a moment,
   * to go in together: every change lays out the text around a badge
   * again, and proofs are found, and answered, in batches.
   */
  function schedulePaint(): void {
    if (paintScheduled) return;
    paintScheduled = true;
    scheduler.delay(() => scheduler.write(paint), paintDelay);
  }

  /** Shows a verdict, or checking, on a proof's badge: as of `revision`, unless the proof has moved on since. */
  function draw(proof: TrackedProof, verdict: Verdict | undefined, revision = proof.revision): void {
    toDraw.set(proof, { verdict, revision });
    schedulePaint();
  }

  function paint(): void {
    paintScheduled = false;
    for (const host of toRemove) host.remove();
    toRemove.clear();
    for (const proof of toPlace) if (alive(proof)) proof.badgePlaced = placeBadge(proof.badge.host, proof.located.element, isSnippet);
    toPlace.clear();
    for (const [proof, { verdict, revision }] of toDraw) {
      if (!alive(proof) || proof.revision !== revision) continue;
      proof.verdict = verdict;
      proof.badge.render(verdict);
      card.refresh(proof.id);
    }
    toDraw.clear();
  }

  /** A proof's text or rendering changed: its verdict is void, and it goes again. */
  function resend(proofs: TrackedProof[]): void {
    if (proofs.length === 0) return;
    for (const proof of proofs) {
      proof.revision += 1;
      outbox.enqueue(proof, proof.near ?? false);
      draw(proof, undefined);
    }
  }

  // Changed ----------------------------------------------------------------

  const editedProofs = new Set<TrackedProof>();
  let editingSince: number | undefined;
  let cancelEditTimer: (() => void) | undefined;

  function contentChanged(nodes: Node[]): void {
    const proofs = registry.around(nodes);
    if (proofs.size === 0) return;
    for (const proof of proofs) editedProofs.add(proof);
    const now = performance.now();
    editingSince ??= now;
    cancelEditTimer?.();
    const wait = Math.max(0, Math.min(textSettleDelay, editingSince + longestTextWait - now));
    cancelEditTimer = scheduler.delay(() => scheduler.idle(rereadEdited, readTimeout), wait);
  }

  function rereadEdited(): void {
    editingSince = undefined;
    cancelEditTimer = undefined;
    const shownOf = new Map<Element, ShownText>();
    const changed: TrackedProof[] = [];
    for (const proof of editedProofs) {
      if (!alive(proof)) continue;
      const { element } = proof.located;
      const shown = shownOf.get(element) ?? locator.readShownText(element);
      shownOf.set(element, shown);
      if (shown.text === proof.shownText && shown.complete === proof.shownTextComplete) continue;
      proof.shownText = shown.text;
      proof.shownTextComplete = shown.complete;
      changed.push(proof);
    }
    editedProofs.clear();
    resend(changed);
  }

  const restyled = new Set<Element>();
  let restyleScheduled = false;

  function renderingMayHaveChanged(element: Element): void {
    restyled.add(element);
    if (restyleScheduled) return;
    restyleScheduled = true;
    scheduler.delay(() => scheduler.idle(rereadRendering, readTimeout), renderingSettleDelay);
  }

  /** Reads again what readers see of restyled snippets, for as long as one idle task allows; the rest wait for the next. */
  function rereadRendering(): void {
    restyleScheduled = false;
    const readUntil = performance.now() + batchReadTime;
    const changed: TrackedProof[] = [];
    for (const element of restyled) {
      if (performance.now() > readUntil) break;
      restyled.delete(element);
      // Proofs still waiting to go read their rendering when they do; a cut-off text is compared with nothing.
      const sentProofs = registry.onSnippet(element).filter((proof) => alive(proof) && proof.shownTextComplete && proof.sentRevision === proof.revision);
      if (sentProofs.length === 0) continue;
      const rendered = readRendered(element);
      for (const proof of sentProofs) {
        if (rendered.text !== proof.rendered?.text || rendered.complete !== proof.rendered.complete) changed.push(proof);
      }
    }
    resend(changed);
    if (restyled.size > 0) {
      restyleScheduled = true;
      scheduler.idle(rereadRendering, readTimeout);
    }
  }

  // Rewritten --------------------------------------------------------------

  const rewrittenCarriers = new Set<Node>();
  let rereadScheduled = false;

  function carriersRewritten(nodes: Node[]): void {
    for (const node of nodes) {
      // Most edited texts never held a token: nothing to read again.
      if (isTextNode(node) && !node.data.includes(tokenPrefix) && registry.onCarrier(node).length === 0) continue;
      rewrittenCarriers.add(node);
    }
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
        else locator.release(now.splice(same, 1)[0]!);
      }
      came.push(...now);
    }
    rewrittenCarriers.clear();
    // Found before the others are forgotten: a snippet that keeps a proof stays watched, its nearness known.
    found(came, true);
    for (const proof of replaced) {
      forget(proof);
      toRemove.add(proof.badge.host);
    }
    tellForgotten(replaced);
    if (replaced.length > 0) schedulePaint();
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
    const lostBadges: TrackedProof[] = [];
    for (const proof of registry.all()) {
      if (!alive(proof)) gone.push(proof);
      else if (proof.badgePlaced && !proof.badge.host.isConnected && proof.replacements < maxBadgeReplacements) lostBadges.push(proof);
    }
    gone.forEach(forget);
    tellForgotten(gone);
    scheduler.write(() => {
      for (const proof of gone) proof.badge.host.remove();
      for (const proof of lostBadges) {
        if (!alive(proof) || proof.badge.host.isConnected) continue;
        proof.replacements += 1;
        placeBadge(proof.badge.host, proof.located.element, isSnippet);
      }
    });
  }

  /** Scrolls to a proof's snippet and rings it; false when it has left the page. */
  function reveal(id: string): boolean {
    const proof = registry.get(id);
    if (proof === undefined || !alive(proof)) return false;
    revealSnippet(proof.located.element);
    return true;
  }

  function tellForgotten(proofs: TrackedProof[]): void {
    if (proofs.length === 0) return;
    const ids = proofs.map((proof) => proof.id);
    void untilAnswered({ signal, attempt: () => worker.forget(ids) });
  }

  function forget(proof: TrackedProof): void {
    registry.delete(proof);
    outbox.delete(proof);
    editedProofs.delete(proof);
    locator.release(proof.located);
    card.forget(proof.badge);
    const { element } = proof.located;
    if (registry.onSnippet(element).length === 0) {
      viewport.unobserve(element);
      renderingWatch.unwatch(element);
      nearness.delete(element);
    }
  }

  // Start ------------------------------------------------------------------

  answerContentMessages(signal, {
    'reveal-proof': ({ id }) => ({ found: reveal(id) }),
    'verdict-updated': ({ id, verdict }) => {
      const proof = registry.get(id);
      if (proof !== undefined) draw(proof, verdict);
      return { ok: true };
    },
    'read-selection': () => {
      const snippets = Array.from(registry.all()).filter(alive).map((proof) => ({ id: proof.id, element: proof.located.element }));
      const read = readSelection({ selection: document.getSelection(), snippets });
      if (read === null) return null;
      selectionCard.anchorTo(read.range);
      return { text: read.text, within: read.within };
    },
    'show-selection-check': ({ check }) => ({ shown: selectionCard.show(check) }),
  });

  startPageScanner({
    signal,
    document,
    scheduler,
    locator,
    isOwnNode,
    onSlice: found,
    onChanged: contentChanged,
    onRewritten: carriersRewritten,
    onRemoved: scheduleSweep,
  });

  signal.addEventListener(
    'abort',
    () => {
      for (const proof of registry.all()) proof.badge.host.remove();
    },
    { once: true },
  );

  return {
    locationChanged() {
      // The answer was about the page as it was.
      selectionCard.close();
      scheduleSweep();
    },
    restored() {
      for (const proof of registry.all()) outbox.enqueue(proof, proof.near ?? false);
      // A page without proofs still has its counts to tell, and its record to make current.
      outbox.touch();
    },
    closeCard: () => card.close(),
    ids: () => Array.from(registry.all(), (proof) => proof.id),
  };
}

/** Whether a proof read again is the one read before: same place, same words. */
function sameProof(a: LocatedProof, b: LocatedProof): boolean {
  return a.form === b.form && a.raw === b.raw && a.element === b.element && a.problem?.reason === b.problem?.reason;
}

function pageProofOf(proof: TrackedProof, rendered: RenderedText): PageProof {
  const { form, raw, problem } = proof.located;
  const complete = proof.shownTextComplete && rendered.complete;
  const payload: PageProof = {
    id: proof.id,
    form,
    raw,
    shownText: complete ? proof.shownText : proof.shownText.slice(0, cutOffTextSent),
    renderedText: complete ? rendered.text : rendered.text.slice(0, cutOffTextSent),
  };
  if (problem !== undefined) payload.problem = problem;
  // A cut-off text cannot be compared: the worker says it was not checked rather than guess.
  if (!complete) payload.shownTextComplete = false;
  return payload;
}
