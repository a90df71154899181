import { isElement, isTextNode, nodeTypes } from '../text/dom';
import { tokenPrefix } from '../text/tokens';

/**
 * Elements whose text one piece of the search reads: about a quarter of a
 * millisecond from a content script (reading the text of a page of 80,000
 * elements at once took 10 ms, 22–37 ms while traced).
 */
export const elementsPerPiece = 2048;

export type SearchTokenPrefixParameters = {
  /** Read the text in pieces of this many elements (`elementsPerPiece`, say), with a pause (a yield) after each; else all at once. */
  piece?: number;
};

/**
 * Whether the token prefix is anywhere in `root`'s text (script and style
 * text included, as `textContent` has it): the generator's return value.
 * Read by the browser, never node by node in JavaScript.
 *
 * In pieces, each piece is a Range from one element's start to a later
 * one's (the subtree's element list gives them, in document order), so
 * that each text node is wholly in one piece. A Range is live: where the
 * page changes during a pause, its start stays where the last piece ended
 * (a bound taken out moves up to where it was), and an end the page moved
 * before it pulls it back; text is read again, never passed over.
 */
export function* searchTokenPrefix(root: Node, { piece: pieceElements }: SearchTokenPrefixParameters = {}): Generator<void, boolean, undefined> {
  if (isTextNode(root)) return root.data.includes(tokenPrefix);
  if (pieceElements === undefined) return wholeText(root)?.includes(tokenPrefix) ?? false;
  const elements = elementsBelow(root);
  const document = root.ownerDocument ?? (root as Document);
  const piece = document.createRange();
  piece.selectNodeContents(root);
  for (let next = pieceElements; ; next += pieceElements) {
    const end = elements.item(next);
    // A fragment's list is fixed: an element the page took out of it is no bound.
    const last = end === null || !root.contains(end);
    if (last) piece.setEnd(root, root.childNodes.length);
    else piece.setEndBefore(end);
    if (piece.toString().includes(tokenPrefix)) return true;
    if (last) return false;
    piece.collapse(false);
    yield;
  }
}

/** The elements below `root`, in document order: a live list for a document or element, a fixed one for a fragment. */
function elementsBelow(root: Node): { item(index: number): Element | null } {
  if (root.nodeType === nodeTypes.document || isElement(root)) return (root as Document | Element).getElementsByTagName('*');
  return (root as ParentNode).querySelectorAll('*');
}

function wholeText(root: Node): string | null | undefined {
  return root.nodeType === nodeTypes.document ? (root as Document).documentElement?.textContent : root.textContent;
}
