import { maxShownTextScan, maxShownTextScanPerPage } from '../../lib/envelope/limits';
import { canonicalText, elementText, type TextWalkLens } from '../../lib/text/canonical';
import { renderingDoubts, type RenderingDoubt } from '../../lib/verdict/rendering-doubts';
import type { AroundFrame } from './outer-frames';

export type RenderedText = {
  /** Canonical text (spec §5) of what a reader sees of the snippet. */
  text: string;
  /** False when the snippet held more text than is read, or took longer than `longestReading`, so `text` is only its start. */
  complete: boolean;
  /** True when the reading was cut off by its time limit, not by length: worth another try while the page is idle. */
  timedOut?: true;
  /** What could not be confirmed about how the text is drawn, in a fixed order; empty when all of it was. */
  doubts: RenderingDoubt[];
  /** Where the text is drawn for the parent of another origin around its frame, which the worker asks (frame-look.ts); absent without one. */
  around?: AroundFrame;
  /** No place of the text was in view to hit-test for covers (cover-seen.ts keeps a cover seen before). */
  coverUntested?: true;
};

export type RenderedTextReader = (element: Element) => RenderedText;

/**
 * Longest one reading may take, in ms. Styles and boxes cost far more than
 * text: a snippet built to be slow to read (thousands of nested elements)
 * is cut off here, and then not checked, rather than freeze its page.
 */
export const longestReading = 50;

/**
 * Readings that may run out of time before a text goes as unread: a busy
 * machine (another process, a garbage collection) can stall any one
 * reading, while a snippet built to be slow stalls every one.
 */
export const readingAttempts = 3;

export type CreateRenderedTextReaderParameters = {
  /** The lens for one reading of one element: the live page's CSS, or a stand-in in tests. */
  lensOf: (element: Element) => TextWalkLens & { readonly doubts?: ReadonlySet<RenderingDoubt>; readonly around?: AroundFrame | undefined; readonly coverUntested?: boolean };
  now?: () => number;
};

/**
 * Reads rendered texts for one page: the canonical-text walk through a
 * lens that drops what readers cannot see, adds CSS generated text, and
 * notes what it could not confirm. Readings share the same budgets as
 * shown text, and each has a time limit, so a hostile page costs bounded
 * work here too.
 */
export function createRenderedTextReader({ lensOf, now = () => performance.now() }: CreateRenderedTextReaderParameters): RenderedTextReader {
  let budget = maxShownTextScanPerPage;
  return (element) => {
    // Brings the page's pending style and layout up to date before the clock starts: the page's own work is not the snippet's.
    element.getBoundingClientRect();
    const deadline = now() + longestReading;
    const lens = lensOf(element);
    let timedOut = false;
    const read = elementText(element, {
      maxLength: Math.min(maxShownTextScan, budget),
      lens,
      stopWhen: () => (timedOut = now() > deadline),
    });
    budget -= read.text.length;
    const doubts = renderingDoubts.filter((doubt) => lens.doubts?.has(doubt) === true);
    const rendered: RenderedText = { text: canonicalText(read.text), complete: read.complete, doubts };
    if (timedOut) rendered.timedOut = true;
    const around = lens.around;
    if (around !== undefined) rendered.around = around;
    if (lens.coverUntested === true) rendered.coverUntested = true;
    return rendered;
  };
}
