/**
 * The open shadow roots below `scope`, nested ones included, each followed
 * by the roots inside it, in the order of their hosts: the order the
 * command line lists what it finds in them (docs/protocol.md §1). In a
 * browser the page world finds roots this way only in markup a script
 * parses, and reports them (entrypoints/shadow-roots.content.ts).
 */
export function openShadowRootsBelow(scope: Document | Element | ShadowRoot): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  // A stack, the next root on top: each element is walked once, however many roots.
  const pending = rootsOfElementsIn(scope).reverse();
  for (let root = pending.pop(); root !== undefined; root = pending.pop()) {
    roots.push(root);
    for (const inner of rootsOfElementsIn(root).reverse()) pending.push(inner);
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
