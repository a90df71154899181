/**
 * The open shadow roots below `scope`, nested ones included, each followed
 * by the roots inside it, in the order of their hosts: the order the
 * command line lists what it finds in them (docs/protocol.md §1). For a
 * parsed page in Node; in a browser, the page world reports roots
 * (entrypoints/shadow-roots.content.ts).
 */
export function openShadowRootsBelow(scope: Document | Element | ShadowRoot): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let pending = rootsOfElementsIn(scope);
  for (let root = pending.shift(); root !== undefined; root = pending.shift()) {
    roots.push(root);
    pending = [...rootsOfElementsIn(root), ...pending];
  }
  return roots;
}

/** The roots of the elements below `scope`, not of those inside them. */
function rootsOfElementsIn(scope: Document | Element | ShadowRoot): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  // A walker, not querySelectorAll('*'), which jsdom makes slow on deeply nested pages.
  const walker = (scope.ownerDocument ?? (scope as Document)).createTreeWalker(scope, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let element = walker.nextNode() as Element | null; element !== null; element = walker.nextNode() as Element | null) {
    if (element.shadowRoot !== null) roots.push(element.shadowRoot);
  }
  return roots;
}
