import { proofAttribute } from '../../lib/extract/carriers';
import { ignoreAttribute, isElement } from '../../lib/text/dom';
import { isOwnNode } from './own-nodes';
import { isShadowRoot } from './shadow-root-of';

/**
 * Where a badge goes: at the end of its snippet's text, so it reads as the
 * last word of what it is about. When the snippet ends in a block (a
 * paragraph, a list), that is the end of the last one, not a line of its
 * own below. After the snippet instead when a child there would not show
 * (a void or replaced element, a table) or would be part of a control (a
 * link, a button). Nowhere for a snippet outside the body: a proof script
 * in the head has no place to show a badge (the popup still lists it). A
 * snippet in a shadow tree gets its badge there, beside it.
 */
const afterTags = new Set([
  'a', 'area', 'audio', 'br', 'button', 'canvas', 'col', 'colgroup', 'embed', 'hr', 'iframe', 'img', 'input', 'label',
  'math', 'meter', 'object', 'optgroup', 'option', 'picture', 'progress', 'select', 'summary', 'svg', 'table',
  'tbody', 'textarea', 'tfoot', 'thead', 'tr', 'video', 'wbr',
]);

/** Blocks whose end is where their text ends, so a badge may go inside the last of them. */
const textBlockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'footer', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'li', 'main', 'ol', 'p', 'section', 'ul',
]);

export type BadgePlace = { parent: Element; before: Node | null };

/** Whether an element is the snippet of some proof on the page: its own badges go at its end. */
export type IsSnippet = (element: Element) => boolean;

export function badgePlaceFor(snippet: Element, isSnippet: IsSnippet = () => false): BadgePlace | null {
  const body = snippet.ownerDocument.body;
  if (body === null || (snippet !== body && !inBody(snippet, body))) return null;
  if (snippet !== body && afterTags.has(snippet.localName) && snippet.parentElement !== null) {
    return { parent: snippet.parentElement, before: snippet.nextSibling };
  }
  let parent = snippet;
  for (let last = lastContent(parent); isTextBlock(last) && !isSnippet(last); last = lastContent(last)) parent = last;
  return { parent, before: null };
}

/** Whether `node` is in the body, also from inside shadow trees whose hosts are. */
function inBody(node: Node, body: HTMLElement): boolean {
  for (let inTree: Node = node; ; ) {
    if (body.contains(inTree)) return true;
    const root = inTree.getRootNode();
    if (!isShadowRoot(root)) return false;
    inTree = root.host;
  }
}

/** A block to go into: not a snippet of its own (its badge goes there), not chrome left out of the text. */
function isTextBlock(node: Node | null): node is Element {
  return node !== null && isElement(node) && textBlockTags.has(node.localName) && !node.hasAttribute(proofAttribute) && !node.hasAttribute(ignoreAttribute);
}

/** The last child that shows something: not blank text, not a comment, not one of ours. */
function lastContent(element: Element): Node | null {
  for (let node = element.lastChild; node !== null; node = node.previousSibling) {
    if (node.nodeType === 3 && (node as Text).data.trim() === '') continue;
    if (node.nodeType === 8 || isOwnNode(node)) continue;
    return node;
  }
  return null;
}

/** Puts `host` in its place for `snippet`; false when there is none. */
export function placeBadge(host: Element, snippet: Element, isSnippet?: IsSnippet): boolean {
  const place = badgePlaceFor(snippet, isSnippet);
  if (place === null) return false;
  place.parent.insertBefore(host, place.before);
  return true;
}
