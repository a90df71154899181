import type { PageProof } from '../../lib/extract/page-proof';
import type { ProofLocator } from '../../lib/extract/locate-proofs';
import { shownLinksOf } from '../../lib/extract/shown-links';
import type { BadgePainter } from './badge-painter';
import type { ProofRegistry, TrackedProof } from './proof-registry';
import { isHopelessProof } from '../../lib/extract/hopeless-proof';
import { readingAttempts, type RenderedText, type RenderedTextReader } from './rendered-text';
import { longestTaskWork, type Scheduler } from './scheduler';
import { untilAnswered } from './until-answered';
import { completeReadings } from './doubts-around';
import { createWorkerOutbox } from './worker-outbox';
import type { WorkerLink } from './worker-link';

/** A cut-off text is not checked: this much of it goes to the worker, for the inspector to show. */
const cutOffTextSent = 10_000;

export type CreateProofSenderParameters = {
  signal: AbortSignal;
  document: Document;
  scheduler: Scheduler;
  worker: Pick<WorkerLink, 'verify' | 'lookAroundFrame'>;
  registry: ProofRegistry;
  /** Its count of proofs not checked goes with every batch. */
  locator: Pick<ProofLocator, 'skipped'>;
  readRendered: RenderedTextReader;
  /** Runs a task's readings together (one look through every box for all, see-through.ts); as they come when not given. */
  readTogether?: <result>(read: () => result) => result;
  /** Still the session's and still in the page. */
  alive: (proof: TrackedProof) => boolean;
  /** Shows the worker's verdicts, and "checking" on a proof sent again. */
  painter: Pick<BadgePainter, 'draw'>;
};

export type ProofSender = {
  /** Puts a proof in the worker outbox: sent soon when its snippet is near the viewport, else when the page is idle. */
  send(proof: TrackedProof): void;
  /** A proof's text or rendering changed: its verdict is void, and it goes again. */
  resend(proofs: readonly TrackedProof[]): void;
  /** Every proof goes again, and the page's counts with them even when it has none: the worker forgot the page. */
  sendAll(): void;
  /** A scan ended: the count of proofs not checked goes on its own if it moved since it last went. */
  scanFinished(): void;
  delete(proof: TrackedProof): void;
};

export type CreateProofSenderReturnType = ProofSender;

/**
 * Sends the session's proofs to the worker, through the worker outbox
 * (nearest first, in batches), each with what readers see of its snippet,
 * read as it goes; and hands each verdict to the painter, unless the proof
 * has changed since it was sent. Stops asking when `signal` aborts.
 */
export function createProofSender({
  signal,
  document,
  scheduler,
  worker,
  registry,
  locator,
  readRendered,
  readTogether = (read) => read(),
  alive,
  painter,
}: CreateProofSenderParameters): CreateProofSenderReturnType {
  const outbox = createWorkerOutbox<TrackedProof>({ scheduler, send: sendBatch });
  let notCheckedSent = 0;
  /** Readings of a proof's snippet that ran out of time, while it waits in the outbox for another. */
  const timedOutReadings = new WeakMap<TrackedProof, number>();

  const send = (proof: TrackedProof): void => outbox.enqueue(proof, proof.near ?? false);

  /**
   * One batch: rendered texts read now (an idle task), for as many as the
   * task's time allows (one at least; the rest go back in the outbox), and
   * the message sent until answered.
   */
  function sendBatch(proofs: TrackedProof[]): void {
    const renderedOf = new Map<Element, RenderedText>();
    // The batch's proofs not read in time wait for a later one (worker-outbox.ts).
    const sent: { proof: TrackedProof; revision: number; rendered: RenderedText; before: RenderedText | undefined }[] = [];
    let readOne = false;
    readTogether(() => {
      const readUntil = performance.now() + longestTaskWork;
      for (const proof of proofs.filter(alive)) {
        if (readOne && performance.now() > readUntil) {
          send(proof);
          continue;
        }
        const { element } = proof.located;
        // A cut-off text is not compared with anything, and a proof with no envelope is malformed whatever is drawn: neither needs reading.
        const needsReading = proof.shownTextComplete && !isHopelessProof(proof.located);
        const rendered = needsReading ? (renderedOf.get(element) ?? readRendered(element)) : notRead;
        if (needsReading) renderedOf.set(element, rendered);
        readOne = true;
        if (rendered.timedOut) {
          const timedOut = (timedOutReadings.get(proof) ?? 0) + 1;
          timedOutReadings.set(proof, timedOut);
          if (timedOut < readingAttempts) {
            // Read again in a later idle task, rather than send it as too large to read.
            send(proof);
            continue;
          }
        }
        timedOutReadings.delete(proof);
        sent.push({ proof, revision: proof.revision, rendered, before: proof.rendered });
        proof.rendered = rendered;
        proof.sentRevision = proof.revision;
      }
    });
    notCheckedSent = locator.skipped;
    const notChecked = notCheckedSent;
    // A proof edited or gone since is not sent again on a retry; its newer revision has its own batch.
    const current = ({ proof, revision }: (typeof sent)[number]): boolean => registry.has(proof) && proof.revision === revision;
    if (sent.length === 0 && proofs.length > 0) return;
    // In a frame under a parent of another origin, what that parent does to a snippet is asked first: a verdict sent
    // without it could say verified for a snippet the parent covers.
    const verify = () =>
      untilAnswered({
        signal,
        attempt: () => worker.verify({ pageUrl: document.location.href, proofs: sent.filter(current).map(({ proof, rendered }) => pageProofOf(proof, rendered)), notChecked }),
      });
    void Promise.resolve(completeReadings(sent, worker.lookAroundFrame, verify)).then((answer) => {
      if (answer === undefined) return;
      const revisions = new Map(sent.filter(current).map(({ proof, revision }) => [proof.id, revision]));
      for (const { id, verdict } of answer.verdicts) {
        const proof = registry.get(id);
        const revision = revisions.get(id);
        if (proof !== undefined && revision !== undefined) painter.draw(proof, verdict, revision);
      }
    });
  }

  return {
    send,
    resend(proofs) {
      for (const proof of proofs) {
        proof.revision += 1;
        send(proof);
        painter.draw(proof, undefined);
      }
    },
    sendAll() {
      for (const proof of registry.all()) send(proof);
      // A page without proofs still has its counts to tell, and its record to make current.
      outbox.touch();
    },
    scanFinished() {
      // Proofs sent carry the count of those not checked; this is for when none goes.
      if (locator.skipped !== notCheckedSent) outbox.touch();
    },
    delete: (proof) => outbox.delete(proof),
  };
}

/** What is sent for a snippet not read: nothing to compare. */
const notRead: RenderedText = { text: '', complete: false, doubts: [] };

/** What the worker is sent of a proof; a text cut off, by the page or by reading, goes as such. */
function pageProofOf(proof: TrackedProof, rendered: RenderedText): PageProof {
  const { form, raw, problem } = proof.located;
  const complete = proof.shownTextComplete && rendered.complete;
  const payload: PageProof = {
    id: proof.id,
    form,
    raw,
    shownText: complete ? proof.shownText : proof.shownText.slice(0, cutOffTextSent),
    renderedText: complete ? rendered.text : rendered.text.slice(0, cutOffTextSent),
    links: shownLinksOf(proof.located.element),
  };
  if (rendered.doubts.length > 0) payload.renderingDoubts = rendered.doubts;
  if (problem !== undefined) payload.problem = problem;
  // A cut-off text cannot be compared: the worker says it was not checked rather than guess.
  if (!complete) payload.shownTextComplete = false;
  return payload;
}
