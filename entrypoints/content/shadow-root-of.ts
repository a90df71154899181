import { browser } from 'wxt/browser';

const html = 'http://www.w3.org/1999/xhtml';

/**
 * The shadow root `element` hosts, open or closed: what it draws is drawn
 * by that tree, which the page may close to script. Extensions can read
 * a closed one (Firefox: the content script's `openOrClosedShadowRoot`
 * property; Chromium: `chrome.dom`); elsewhere only an open one is seen.
 */
export function shadowRootOf(element: Element): ShadowRoot | null {
  // Only HTML elements host shadow roots; chrome.dom throws for others.
  if (element.namespaceURI !== html) return null;
  const firefoxRoot = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefoxRoot !== undefined) return firefoxRoot;
  return browser.dom?.openOrClosedShadowRoot?.(element as HTMLElement) ?? element.shadowRoot;
}

/** Whether a node (a root from `getRootNode()`, say) is a shadow root: a fragment with a host. */
export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === node.DOCUMENT_FRAGMENT_NODE && 'host' in node;
}
