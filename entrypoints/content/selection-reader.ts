import { maxQuoteLength } from '../../lib/quote/check-quote';
import type { TextWalkLens } from '../../lib/text/canonical';
import { canonicalText } from '../../lib/text/canonical';
import { rangeText } from './range-text';
import { longestReading, readingAttempts } from './rendered-text';

/** What "Verify selection" reads of the frame: the text, the proofs whose snippets it touches, and where it is. */
export type ReadSelection = {
  /**
   * Canonical text of what a reader sees of the selection's start (the
   * worker's quote check cuts it at its limit); '' when it could not be
   * read in time, or a reader sees none of it: the question is then unread,
   * never the page's selection string in its place.
   */
  text: string;
  /** Ids of the proofs whose snippet elements the selection intersects, in the order given. */
  within: string[];
  /** The first range, kept to place the card by (it moves with the page, unlike a rectangle). */
  range: Range;
};

export type ReadSelectionParameters = {
  selection: Selection | null;
  /** The page's proofs by snippet element. */
  snippets: Iterable<{ id: string; element: Element }>;
  /** The lens for one reading (css-lens.ts on the live page). */
  lensOf: (root: Element) => TextWalkLens;
  now?: () => number;
};

/**
 * The selection of a frame, or null when there is none (collapsed, or
 * nothing in it, as in a text field, whose selection is not the
 * document's). A selection with several ranges (Firefox's table cells)
 * counts as one text; it touches a snippet when any range does.
 */
export function readSelection({ selection, snippets, lensOf, now = () => performance.now() }: ReadSelectionParameters): ReadSelection | null {
  if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const ranges = Array.from({ length: selection.rangeCount }, (_, index) => selection.getRangeAt(index));
  // Brings the page's pending style and layout up to date before the clock starts: the page's own work is not the reading's.
  const common = ranges[0]!.commonAncestorContainer;
  (common instanceof Element ? common : common.parentElement)?.getBoundingClientRect();
  let read = readRanges(ranges, lensOf, now);
  // A stalled machine can cut one reading short; a selection built to be slow cuts every one.
  for (let attempt = 1; read.late && attempt < readingAttempts; attempt += 1) read = readRanges(ranges, lensOf, now);
  const { late } = read;
  // Cut by time, the start read would be a different question (the end of "… is not safe" unread): none is asked.
  const text = late ? '' : canonicalText(read.pieces.join(' '));
  if (text === '' && !late && canonicalText(selection.toString()) === '') return null;
  const within: string[] = [];
  for (const { id, element } of snippets) {
    if (ranges.some((range) => range.intersectsNode(element))) within.push(id);
  }
  return { text, within, range: ranges[0]!.cloneRange() };
}

/** One reading of the selection's ranges, within `longestReading`; `late` when the time ran out first. */
function readRanges(ranges: readonly Range[], lensOf: (root: Element) => TextWalkLens, now: () => number): { pieces: string[]; late: boolean } {
  // Select-all on a long page need not cross the message boundary whole: white space collapses, so a few times the limit is plenty.
  let budget = maxQuoteLength * 4;
  const deadline = now() + longestReading;
  let late = false;
  const stopWhen = (): boolean => (late ||= now() > deadline);
  const pieces: string[] = [];
  for (const range of ranges) {
    if (budget <= 0 || late) break;
    const read = rangeText({ range, lensOf, maxLength: budget, stopWhen });
    pieces.push(read.text);
    budget -= read.text.length;
  }
  return { pieces, late };
}
