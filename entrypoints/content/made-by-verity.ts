/**
 * The hosts Verity made (badges, cards), by identity: a page can copy their
 * tag and attributes, not this. Held weakly, so hosts that went are freed.
 */
const made = new WeakSet<Element>();

export function markMadeByVerity<element extends Element>(host: element): element {
  made.add(host);
  return host;
}

/**
 * Whether Verity made `element`. The image badges (images/image-badge.ts)
 * are told by their `data-verity-image` attribute until they are marked
 * here too: a page copying that attribute is not counted as a look-alike.
 */
export function madeByVerity(element: Element): boolean {
  return made.has(element) || element.hasAttribute('data-verity-image');
}
