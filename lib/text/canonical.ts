import { isElement, isSkippedByCanonicalText, isSpacedElement, isTextNode } from './dom';
import { removeTokens } from './tokens';

/**
 * Canonical text `verity-text-v1` (spec §5).
 *
 * Note the order of steps 3 and 4: deleting a joiner that sat between a base
 * letter and a combining mark can leave a string that is not NFC
 * (`e` U+200D U+0301 → `e` U+0301). The spec's order is kept, since
 * producers hash its exact output; canonicalText(canonicalText(x)) then
 * equals canonicalText(x) normalised to NFC.
 */

/** Step 4: U+200B–U+200D, U+2060, U+FEFF, U+FE00–U+FE0F, U+E0100–U+E01EF. */
const deletedCharacters = /[\u200B-\u200D\u2060\uFEFF]|[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]/gu;

/**
 * Unicode White_Space (PropList.txt, unchanged since Unicode 6.3): U+0009–
 * U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
 * U+202F, U+205F, U+3000. Spelled out rather than `\s` (which lacks U+0085
 * and adds U+FEFF) or `\p{White_Space}` (which follows the engine's Unicode).
 */
export const whiteSpaceCodePoints: readonly number[] = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];
const whiteSpaceRun = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

export type CanonicalTextReturnType = string;

/** Steps 3–5, for a string: NFC, deletions, whitespace runs to one space, trimmed. */
export function canonicalText(text: string): CanonicalTextReturnType {
  const spaced = text.normalize('NFC').replace(deletedCharacters, '').replace(whiteSpaceRun, ' ');
  const start = spaced.startsWith(' ') ? 1 : 0;
  const end = spaced.endsWith(' ') ? spaced.length - 1 : spaced.length;
  return start >= end ? '' : spaced.slice(start, end);
}

/**
 * What a browser adds to the walk: which parts of the subtree a reader
 * actually sees, and the text CSS generates. Canonical text has none; the
 * content script's rendered text (spec §4, rendering honesty) has one.
 */
export type TextWalkLens = {
  /** Leave a descendant of the root out, subtree and spaces included. Never asked about the root. */
  hidesSubtree(element: Element): boolean;
  /** Whether a reader sees a text node's text. */
  showsText(node: CharacterData): boolean;
  /** Text a reader sees before (`::before`) or after (`::after`) an element's content, '' for none. */
  generatedText(element: Element, pseudo: '::before' | '::after'): string;
  /** The part of a text node in the walk (a selection's boundary node is cut); its whole data when absent. */
  dataOf?(node: CharacterData): string;
  /** A descendant of the root that canonical text leaves out (step 1), which readers may see all the same. */
  skipped?(element: Element): void;
};

export type ElementTextParameters = {
  /** Stop after this many UTF-16 code units of raw text (default: no limit). */
  maxLength?: number;
  lens?: TextWalkLens;
  /** Asked at each element: true stops the walk there, as `maxLength` does (a lens's reading has a time limit). */
  stopWhen?: () => boolean;
};

export type ElementTextReturnType = {
  /** The text of steps 1–2, before normalisation. */
  text: string;
  /** False when the walk stopped at `maxLength`. */
  complete: boolean;
};

/**
 * Steps 1–2: the subtree's text in document order, skipping non-text
 * elements, `data-ai-proof-ignore` subtrees, token links and token text,
 * with a space around each listed block element. A skipped element is left
 * out entirely, spaces included. Light DOM only (no shadow roots, no
 * frames). The walk is iterative, so nesting depth costs no stack. With a
 * `lens`, the same walk leaves out what a reader does not see and adds
 * generated text inside an element's spaces.
 */
export function elementText(root: Element, { maxLength = Infinity, lens, stopWhen }: ElementTextParameters = {}): ElementTextReturnType {
  const pieces: string[] = [];
  let length = 0;
  const emit = (piece: string): boolean => {
    if (length + piece.length > maxLength) {
      pieces.push(piece.slice(0, maxLength - length));
      return false;
    }
    pieces.push(piece);
    length += piece.length;
    return true;
  };
  const stopped = (): ElementTextReturnType => ({ text: pieces.join(''), complete: false });

  let node: Node = root;
  for (;;) {
    // Entering `node`.
    let entered = false;
    if (isElement(node)) {
      if (stopWhen?.() === true) return stopped();
      if (isSkippedByCanonicalText(node)) {
        if (node !== root) lens?.skipped?.(node);
      } else if (lens === undefined || node === root || !lens.hidesSubtree(node)) {
        entered = true;
        if (isSpacedElement(node) && !emit(' ')) return stopped();
        if (lens !== undefined && !emit(lens.generatedText(node, '::before'))) return stopped();
      }
    } else if (isTextNode(node)) {
      if ((lens === undefined || lens.showsText(node)) && !emit(removeTokens(lens?.dataOf?.(node) ?? node.data))) return stopped();
    }
    if (entered && node.firstChild !== null) {
      node = node.firstChild;
      continue;
    }
    // Leaving `node`, then every ancestor whose last child it was.
    for (;;) {
      if (entered && isElement(node)) {
        if (lens !== undefined && !emit(lens.generatedText(node, '::after'))) return stopped();
        if (isSpacedElement(node) && !emit(' ')) return stopped();
      }
      if (node === root) return { text: pieces.join(''), complete: true };
      if (node.nextSibling !== null) {
        node = node.nextSibling;
        break;
      }
      // Only entered elements have children we came down through.
      node = node.parentNode!;
      entered = true;
    }
  }
}

export type CanonicalTextOfElementReturnType = string;

/** Steps 1–5 for an element. */
export function canonicalTextOfElement(element: Element): CanonicalTextOfElementReturnType {
  return canonicalText(elementText(element).text);
}
