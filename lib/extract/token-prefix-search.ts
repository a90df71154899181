import { isDocumentOrFragment, isElement, isTextNode } from '../text/dom';
import { textPieces, wholeText } from '../text/text-pieces';
import { tokenPrefix } from '../text/tokens';

export type SearchTokenPrefixParameters = {
  /** Read the text in pieces of this many elements (`elementsPerPiece`, say), with a pause (a yield) after each but the last; else all at once. */
  piece?: number;
  /** Counts the characters read, for a caller that bounds how much it reads in all. */
  read?: { characters: number };
};

/** Whether the token prefix is anywhere in `root`'s text (script and style text included): the generator's return value. */
export function* searchTokenPrefix(root: Node, { piece, read = { characters: 0 } }: SearchTokenPrefixParameters = {}): Generator<void, boolean, undefined> {
  const holds = (text: string): boolean => {
    read.characters += text.length;
    return text.includes(tokenPrefix);
  };
  if (isTextNode(root)) return holds(root.data);
  if (piece === undefined || !(isElement(root) || isDocumentOrFragment(root))) return holds(wholeText(root));
  for (const { text, to } of textPieces(root as Document | Element | DocumentFragment, piece)) {
    if (holds(text)) return true;
    if (to !== undefined) yield;
  }
  return false;
}
