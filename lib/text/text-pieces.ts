import { isElement, nodeTypes } from './dom';

/**
 * Elements whose text one piece holds: about a quarter of a millisecond to
 * read from a content script (reading the text of a page of 80,000 elements
 * at once took 10 ms, 22–37 ms while traced).
 */
export const elementsPerPiece = 2048;

/** Part of a subtree's text: from just before `from` (the subtree's start if none) to just before `to` (its end if none). */
export type TextPiece = { text: string; from: Element | undefined; to: Element | undefined };

/**
 * `root`'s text (script and style text included, as `textContent` has it)
 * in pieces of `elements` elements each, read by the browser: never node by
 * node in JavaScript, so that a caller can look for something in a large
 * page in short steps and walk only the parts that have it.
 *
 * Each piece is a Range from one element's start to a later one's (the
 * subtree's element list gives them, in document order), so each text node
 * is wholly in one piece. A Range is live: where the page changes between
 * pieces, the next starts where the last ended (a bound taken out moves up
 * to where it was), and an end the page moved before it pulls it back;
 * text is read again, never passed over.
 */
export function* textPieces(root: Document | Element | DocumentFragment, elements: number): Generator<TextPiece, void, undefined> {
  const list = elementsBelow(root);
  // A subtree of one piece (most added nodes) is read at once: the same text, without a Range.
  if (list.item(elements) === null) {
    yield { text: wholeText(root), from: undefined, to: undefined };
    return;
  }
  const document = root.ownerDocument ?? (root as Document);
  const piece = document.createRange();
  piece.selectNodeContents(root);
  let from: Element | undefined;
  for (let next = elements; ; next += elements) {
    const end = list.item(next);
    // A fragment's list is fixed: an element the page took out of it is no bound.
    const to = end !== null && root.contains(end) ? end : undefined;
    if (to === undefined) piece.setEnd(root, root.childNodes.length);
    else piece.setEndBefore(to);
    yield { text: piece.toString(), from, to };
    if (to === undefined) return;
    piece.collapse(false);
    from = to;
  }
}

/** The elements below `root`, in document order: a live list for a document or element, a fixed one for a fragment. */
function elementsBelow(root: Node): { item(index: number): Element | null } {
  if (root.nodeType === nodeTypes.document || isElement(root)) return (root as Document | Element).getElementsByTagName('*');
  return (root as ParentNode).querySelectorAll('*');
}

/** All of `root`'s text at once; of a document, its root element's (`textContent` of a document is null). */
export function wholeText(root: Node): string {
  return (root.nodeType === nodeTypes.document ? (root as Document).documentElement?.textContent : root.textContent) ?? '';
}
