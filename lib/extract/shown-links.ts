import type { ShownLink } from '../text/markdown-links';
import { canonicalTextOfElement } from '../text/canonical';
import { isSkippedByCanonicalText } from '../text/dom';

/** At most this many links and images are read from one snippet; a longer list is cut (the rest are not compared). */
export const maxShownLinks = 200;
/** Longest link text and target kept, in UTF-16 code units. */
export const maxShownLinkLength = 2_048;

/**
 * The links and images a snippet shows (spec §4), in document order: each
 * `a[href]` with its canonical text and `img[src]` with its alt, targets as
 * written in the page. Token links and what canonical text skips are left
 * out. A native query, no JavaScript walk.
 */
export function shownLinksOf(element: Element): ShownLink[] {
  const links: ShownLink[] = [];
  for (const node of element.querySelectorAll('a[href], img[src]')) {
    if (links.length === maxShownLinks) break;
    if (isSkippedInside(node, element)) continue;
    const isImage = node.localName === 'img';
    links.push({
      kind: isImage ? 'image' : 'link',
      text: (isImage ? (node.getAttribute('alt') ?? '') : canonicalTextOfElement(node)).slice(0, maxShownLinkLength),
      target: (node.getAttribute(isImage ? 'src' : 'href') ?? '').slice(0, maxShownLinkLength),
    });
  }
  return links;
}

function isSkippedInside(node: Element, root: Element): boolean {
  for (let at: Element | null = node; at !== null && at !== root; at = at.parentElement) {
    if (isSkippedByCanonicalText(at)) return true;
  }
  return false;
}
