import { isDocumentOrFragment, isElement, isTextNode } from '../text/dom';
import { textPieces, wholeText } from '../text/text-pieces';
import { tokenPrefix } from '../text/tokens';

export type SearchTokenPrefixParameters = {
  /** Read the text in pieces of this many elements (`elementsPerPiece`, say), with a pause (a yield) after each but the last; else all at once. */
  piece?: number;
};

/** Whether the token prefix is anywhere in `root`'s text (script and style text included): the generator's return value. */
export function* searchTokenPrefix(root: Node, { piece }: SearchTokenPrefixParameters = {}): Generator<void, boolean, undefined> {
  if (isTextNode(root)) return root.data.includes(tokenPrefix);
  if (piece === undefined || !(isElement(root) || isDocumentOrFragment(root))) return wholeText(root).includes(tokenPrefix);
  for (const { text, to } of textPieces(root as Document | Element | DocumentFragment, piece)) {
    if (text.includes(tokenPrefix)) return true;
    if (to !== undefined) yield;
  }
  return false;
}
