import { shadowRootOf } from './shadow-root-of';

/**
 * The element `element` is drawn inside: the slot it is assigned to when
 * its parent hosts a shadow tree (open or closed), the host for the top of
 * a shadow tree, else its parent. A shadow tree's elements fade, clip and
 * move what is slotted into them as the light DOM's parents do.
 */
export function flatTreeParentOf(element: Element): Element | null {
  const parent = element.parentElement;
  if (parent === null) {
    const node = element.parentNode;
    return node !== null && node.nodeType === node.DOCUMENT_FRAGMENT_NODE ? ((node as ShadowRoot).host ?? null) : null;
  }
  const tree = shadowRootOf(parent);
  return tree === null ? parent : (slotOf(element, tree) ?? parent);
}

/** The slot of `tree` that `element` is assigned to; none when it is not drawn at all. */
function slotOf(element: Element, tree: ShadowRoot): HTMLSlotElement | null {
  // Null for a closed tree: its slots are searched instead.
  if (element.assignedSlot !== null) return element.assignedSlot;
  for (const slot of tree.querySelectorAll('slot')) if (slot.assignedElements().includes(element)) return slot;
  return null;
}
