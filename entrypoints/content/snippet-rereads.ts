import { isHopelessProof } from '../../lib/extract/hopeless-proof';
import { completeReadings, type LookAroundFrame } from './doubts-around';
import type { ProofLocator, ShownText } from '../../lib/extract/locate-proofs';
import type { ProofRegistry, TrackedProof } from './proof-registry';
import type { ProofSender } from './proof-sender';
import type { RenderedText, RenderedTextReader } from './rendered-text';
import { createRenderingWatch } from './rendering-watch';
import { longestTaskWork, type Scheduler } from './scheduler';

/** An edited text is checked again once it has been still this long… */
const textSettleDelay = 400;
/** …or once it has been changing this long, so a streaming answer does not go unchecked. */
const longestTextWait = 3_000;
/** Rendering changes come in bursts (a transition on each paragraph): read once the burst is over. */
const renderingSettleDelay = 300;
/** How long a read waits for an idle moment. */
const readTimeout = 1_000;

export type CreateSnippetRereadsParameters = {
  signal: AbortSignal;
  document: Document;
  scheduler: Scheduler;
  registry: ProofRegistry;
  locator: Pick<ProofLocator, 'readShownText'>;
  readRendered: RenderedTextReader;
  /** Runs a task's readings together (one look through every box for all, see-through.ts); as they come when not given. */
  readTogether?: <result>(read: () => result) => result;
  /** Still the session's and still in the page. */
  alive: (proof: TrackedProof) => boolean;
  /** Sends again the proofs whose snippet reads differently now. */
  sender: Pick<ProofSender, 'resend'>;
  lookAroundFrame: LookAroundFrame;
};

export type SnippetRereads = {
  /** A snippet that holds proofs: its rendering is watched from now on. */
  watch(element: Element): void;
  unwatch(element: Element): void;
  /** Content changed at these nodes: the snippets around them are read again once the editing settles. */
  contentChanged(nodes: Node[]): void;
  /** What readers see of a snippet may have changed: read again once the burst of changes is over. */
  renderingMayHaveChanged(element: Element): void;
  /** A proof left the session: an edit waiting to be read is not its any more. */
  forget(proof: TrackedProof): void;
  /** Badges of these proofs just went into the page: how they resize their snippets is not the page's doing. */
  badgesPlaced(proofs: readonly TrackedProof[]): void;
  /** Whether hit tests may miss something drawn over the snippet (drawn-watch.ts). */
  obscured(element: Element): boolean;
};

export type CreateSnippetRereadsReturnType = SnippetRereads;

/**
 * Reads snippets again when their text is edited (a streaming answer) or
 * their rendering changes (see createRenderingWatch), in idle time, and
 * sends again only the proofs whose snippet now reads differently. The
 * rendering watch ends when `signal` aborts.
 */
export function createSnippetRereads({
  signal,
  document,
  scheduler,
  registry,
  locator,
  readRendered,
  readTogether = (read) => read(),
  alive,
  sender,
  lookAroundFrame,
}: CreateSnippetRereadsParameters): CreateSnippetRereadsReturnType {
  const renderingWatch = createRenderingWatch({ signal, document, onChange: renderingMayHaveChanged, onInViewWhenWatched: rereadIfReadOutOfView });

  // Edited -----------------------------------------------------------------

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
    sender.resend(changed);
  }

  // Restyled ---------------------------------------------------------------

  const restyled = new Set<Element>();
  let restyleScheduled = false;

  function renderingMayHaveChanged(element: Element): void {
    restyled.add(element);
    if (restyleScheduled) return;
    restyleScheduled = true;
    scheduler.delay(() => scheduler.idle(rereadRendering, readTimeout), renderingSettleDelay);
  }

  /**
   * A snippet in view from the start: its proofs are read as they are sent,
   * in view as now, so reading it again would only repeat that reading. One
   * read out of view before this report (scrolled in between) is read again.
   */
  function rereadIfReadOutOfView(element: Element): void {
    if (registry.onSnippet(element).some((proof) => proof.rendered?.coverUntested === true)) renderingMayHaveChanged(element);
  }

  /** Reads again what readers see of restyled snippets, for as long as one idle task allows; the rest wait for the next. */
  function rereadRendering(): void {
    restyleScheduled = false;
    const reread: { proof: TrackedProof; rendered: RenderedText }[] = [];
    readTogether(() => {
      const readUntil = performance.now() + longestTaskWork;
      for (const element of restyled) {
        if (performance.now() > readUntil) break;
        restyled.delete(element);
        // Proofs still waiting to go read their rendering when they do; a cut-off text is compared with nothing.
        const sentProofs = registry
          .onSnippet(element)
          .filter((proof) => alive(proof) && proof.shownTextComplete && !isHopelessProof(proof.located) && proof.sentRevision === proof.revision);
        if (sentProofs.length === 0) continue;
        const rendered = readRendered(element);
        for (const proof of sentProofs) reread.push({ proof, rendered });
      }
    });
    // What a parent of another origin does is part of the reading (doubts-around.ts): asked before comparing.
    const readings = reread.map(({ proof, rendered }) => ({
      rendered,
      get before() {
        return proof.rendered;
      },
    }));
    void completeReadings(readings, lookAroundFrame, () =>
      sender.resend(reread.filter(({ proof, rendered }) => alive(proof) && !sameRendering(rendered, proof.rendered)).map(({ proof }) => proof)),
    );
    if (restyled.size > 0) {
      restyleScheduled = true;
      // Under way, the rest go on in the next task, each as short: a page that keeps animating has few idle periods.
      scheduler.delay(rereadRendering, 0);
    }
  }

  return {
    watch: (element) => renderingWatch.watch(element),
    unwatch: (element) => renderingWatch.unwatch(element),
    contentChanged,
    renderingMayHaveChanged,
    forget: (proof) => void editedProofs.delete(proof),
    badgesPlaced: (proofs) => renderingWatch.badgesPlaced(proofs.map((proof) => proof.located.element)),
    obscured: (element) => renderingWatch.obscured(element),
  };
}

/** Whether a new reading tells the worker nothing new: the same text, as complete, with the same doubts. */
function sameRendering(rendered: RenderedText, before: RenderedText | undefined): boolean {
  return before !== undefined && rendered.text === before.text && rendered.complete === before.complete && rendered.doubts.join() === before.doubts.join();
}
