/**
 * The hosts Verity made (badges, cards), by identity: a page can copy their
 * tag and attributes, not this. Held weakly, so hosts that went are freed.
 */
const made = new WeakSet<Element>();

export function markMadeByVerity<element extends Element>(host: element): element {
  made.add(host);
  return host;
}

/** Whether Verity made `element`: a page copying a badge's tag and attributes does not make one. */
export function madeByVerity(element: Element): boolean {
  return made.has(element);
}
