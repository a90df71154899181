/** Elements that make a text-form snippet (spec §1.3). */
const snippetBlockTags = new Set(['p', 'li', 'blockquote', 'article', 'section', 'div', 'td', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export const snippetBlockAttribute = 'data-ai-proof-block';

export function isSnippetBlock(element: Element): boolean {
  return snippetBlockTags.has(element.localName) || element.hasAttribute(snippetBlockAttribute);
}

export type SnippetElementOfTokenReturnType = Element;

/**
 * The snippet of a text-form token: the nearest block element from
 * `container` (the token's text node's parent, or a token link's parent)
 * upwards, or `container` itself when there is none.
 */
export function snippetElementOfToken(container: Element): SnippetElementOfTokenReturnType {
  for (let element: Element | null = container; element !== null; element = element.parentElement) {
    if (isSnippetBlock(element)) return element;
  }
  return container;
}
