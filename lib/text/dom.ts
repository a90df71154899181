import { tokenInHref } from './tokens';

/**
 * DOM helpers shared by canonical text and extraction. They use nodeType
 * numbers and element methods only, never globals such as `Node` or
 * `document`, so they work on a browser DOM and on a jsdom document alike.
 */
export const nodeTypes = { element: 1, text: 3, cdataSection: 4, document: 9, documentFragment: 11 } as const;

/** Elements whose content is never text a reader sees (spec §5 step 1). */
const skippedTags = new Set(['script', 'style', 'template', 'noscript']);

/** Elements with a space before and after them (spec §5 step 2). */
const spacedTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'td', 'th', 'tr', 'ul',
]);

export const ignoreAttribute = 'data-ai-proof-ignore';

export function isElement(node: Node): node is Element {
  return node.nodeType === nodeTypes.element;
}

/** A document or fragment: only a container of other nodes. */
export function isDocumentOrFragment(node: Node): boolean {
  return node.nodeType === nodeTypes.document || node.nodeType === nodeTypes.documentFragment;
}

export function isTextNode(node: Node): node is CharacterData {
  return node.nodeType === nodeTypes.text || node.nodeType === nodeTypes.cdataSection;
}

/** script, style, template or noscript: its content is code or inert markup, never shown text. */
export function isNonTextElement(element: Element): boolean {
  return skippedTags.has(element.localName);
}

export function isSpacedElement(element: Element): boolean {
  return spacedTags.has(element.localName);
}

/** An `<a>` whose href carries a token after `#`: the link stands for the token. */
export function isTokenLink(element: Element): boolean {
  if (element.localName !== 'a') return false;
  const href = element.getAttribute('href');
  return href !== null && tokenInHref(href) !== undefined;
}

/**
 * Whether canonical text skips the element and its subtree: non-text
 * elements, `data-ai-proof-ignore` (any value), and token links, whose
 * label is the token's own text (spec §1.3, §5 step 1).
 */
export function isSkippedByCanonicalText(element: Element): boolean {
  return isNonTextElement(element) || element.hasAttribute(ignoreAttribute) || isTokenLink(element);
}
