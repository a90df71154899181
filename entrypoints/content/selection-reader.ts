import { maxQuoteLength } from '../../lib/quote/check-quote';
import { canonicalText } from '../../lib/text/canonical';

/** What "Verify selection" reads of the frame: the text, the proofs whose snippets it touches, and where it is. */
export type ReadSelection = {
  /** Canonical text of the selection's start: the worker's quote check cuts it at its limit. */
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
};

/**
 * The selection of a frame, or null when there is none (collapsed, or only
 * white space). A selection with several ranges (Firefox's table cells)
 * counts as one text; it touches a snippet when any range does.
 */
export function readSelection({ selection, snippets }: ReadSelectionParameters): ReadSelection | null {
  if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return null;
  // Select-all on a long page need not cross the message boundary whole: white space collapses, so a few times the limit is plenty.
  const text = canonicalText(selection.toString().slice(0, maxQuoteLength * 4));
  if (text === '') return null;
  const ranges = Array.from({ length: selection.rangeCount }, (_, index) => selection.getRangeAt(index));
  const within: string[] = [];
  for (const { id, element } of snippets) {
    if (ranges.some((range) => range.intersectsNode(element))) within.push(id);
  }
  return { text, within, range: ranges[0]!.cloneRange() };
}
