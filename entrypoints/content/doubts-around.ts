import { renderingDoubts } from '../../lib/verdict/rendering-doubts';
import type { LookAroundFrameAnswer, TextAroundFrame } from '../../messaging/messages';
import { keepCoverSeen } from './cover-seen';
import type { RenderedText } from './rendered-text';

/** Asks the worker what the pages of other origins around this frame do to text at these lines (WorkerLink.lookAroundFrame). */
export type LookAroundFrame = (text: TextAroundFrame) => Promise<LookAroundFrameAnswer>;

/**
 * Adds to each reading of a snippet in a frame under a parent of another
 * origin what that parent, and those above it, do to it (the worker asks
 * them: entrypoints/background/frames/frames-around.ts). A look that
 * fails adds that the page around could not be looked at. One look after
 * another: the worker takes a tab's looks one at a time anyway.
 */
export async function addDoubtsAround(readings: Iterable<RenderedText>, look: LookAroundFrame): Promise<void> {
  for (const reading of new Set(readings)) {
    if (reading.around === undefined) continue;
    const found = await look(reading.around).catch((): LookAroundFrameAnswer => ({ doubts: ['around-frame'] }));
    reading.doubts = renderingDoubts.filter((doubt) => reading.doubts.includes(doubt) || found.doubts.includes(doubt));
    if (found.untested === true) reading.coverUntested = true;
  }
}

/** A new reading of a snippet, and the one its proof was last sent with. */
export type ReadingAfter = { rendered: RenderedText; readonly before: RenderedText | undefined };

/**
 * Completes a batch of readings with what they need from beyond the
 * snippet's document, then runs `next`: at once when no reading needs the
 * worker's look around its frame (a top frame's never does), else once it
 * has answered. Each keeps the cover the reading before saw where it could
 * test none (cover-seen.ts).
 */
export function completeReadings<result>(readings: readonly ReadingAfter[], look: LookAroundFrame, next: () => result): result | Promise<result> {
  const finish = (): result => {
    readings.forEach(({ rendered, before }) => keepCoverSeen(rendered, before));
    return next();
  };
  const rendered = readings.map((reading) => reading.rendered);
  return rendered.some(({ around }) => around !== undefined) ? addDoubtsAround(rendered, look).then(finish) : finish();
}
