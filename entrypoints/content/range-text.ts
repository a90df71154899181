import { elementText, type TextWalkLens } from '../../lib/text/canonical';

export type RangeTextParameters = {
  range: Range;
  /** The lens for one reading under a root element: the live page's CSS, or a stand-in in tests. */
  lensOf: (root: Element) => TextWalkLens;
  /** Stop after this many UTF-16 code units of raw text. */
  maxLength: number;
  /** Asked at each element: true stops the reading (its time limit). */
  stopWhen?: () => boolean;
};

export type RangeTextReturnType = {
  /** The raw text a reader sees of the range, before normalisation. */
  text: string;
  /** False when the reading stopped at `maxLength` or `stopWhen`. */
  complete: boolean;
};

/**
 * What a reader sees of a range: the rendered-text walk (rendered-text.ts)
 * limited to the range. Unlike `Selection.toString()`, text made
 * unselectable (`user-select: none`) and CSS generated text inside the
 * range are read, as the reader sees them, and text a reader cannot see
 * is not: a selection's question is the words on the screen, not the
 * ones the page let the selection hold.
 */
export function rangeText({ range, lensOf, maxLength, stopWhen }: RangeTextParameters): RangeTextReturnType {
  const common = range.commonAncestorContainer;
  const root = common instanceof Element ? common : common.parentElement;
  if (root === null) return { text: '', complete: true };
  const lens = lensOf(root);
  const inRange = (node: Node, offset: number): boolean => range.comparePoint(node, offset) === 0;
  const within: TextWalkLens = {
    hidesSubtree: (element) => !range.intersectsNode(element) || lens.hidesSubtree(element),
    showsText: (node) => range.intersectsNode(node) && lens.showsText(node),
    generatedText(element, pseudo) {
      // Generated text is inside the range when the edge of the element's content it is drawn at is.
      const edge = pseudo === '::before' ? 0 : element.childNodes.length;
      return inRange(element, edge) ? lens.generatedText(element, pseudo) : '';
    },
    dataOf(node) {
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : node.length;
      return node.data.slice(start, end);
    },
  };
  return elementText(root, { maxLength, lens: within, ...(stopWhen && { stopWhen }) });
}
