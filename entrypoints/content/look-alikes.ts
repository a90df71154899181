import { stateStyles } from '../../components/state-style';
import { badgeTag } from './badge';
import { cardTag } from './card';
import { selectionCardTag } from './selection-card';

/**
 * Look-alike badges: what a page draws to pass for Verity's own. Only
 * native queries (selectors and one XPath), no walk of the page in script,
 * and only on pages where Verity found proofs (page-integrity.ts). Kept
 * narrow, so that a page about Verity is not taken for one imitating it:
 *
 * - an element named like Verity's (`verity-badge`, `verity-card`) that
 *   Verity did not make;
 * - an element labelled like Verity's badge for assistive technology or on
 *   hover (`aria-label` or `title` beginning "Verity" or saying "by Verity");
 * - a short text (40 characters at most) naming Verity beside a verdict's
 *   word ("Verified by Verity", "Verity ✓ Verified").
 *
 * Open shadow roots are searched too (the page-world script reports them),
 * with the same selectors and, since XPath cannot start inside a shadow
 * tree, a native TreeWalker over their text. Not found: look-alikes inside
 * closed shadow roots and frames the content script does not run in, and
 * images of badges without such a label.
 */

/** Longest text taken for a badge's label; longer is prose that mentions Verity. */
const maxLabelLength = 40;

const namedLikeOurs = [badgeTag, cardTag, selectionCardTag].join(', ');
const labelledLikeOurs = ['aria-label', 'title'].flatMap((name) => [`[${name}^="verity" i]`, `[${name}*="by verity" i]`]).join(', ');
const shortTextNamingVerity =
  "//text()[contains(translate(., 'VERITY', 'verity'), 'verity') and string-length(normalize-space(.)) <= " +
  `${maxLabelLength} and not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::title or ancestor::textarea)]`;

const verdictWords = new RegExp(`\\b(${[...Object.values(stateStyles).map(({ word }) => word), 'verified by', 'checked by'].map(escapeRegExp).join('|')})`, 'i');
const namesVerity = /\bverity\b/i;

export type FindLookAlikesParameters = {
  document: Document;
  /** The page's open shadow roots, searched as the document is. */
  shadowRoots?: readonly ShadowRoot[];
  /** Whether Verity made this element (its badges and cards). */
  isOurs: (element: Element) => boolean;
};

/** The page's look-alikes of Verity's badge, outermost only: a fake pill with a labelled icon inside is one. */
export function findLookAlikes({ document, shadowRoots = [], isOurs }: FindLookAlikesParameters): Element[] {
  const found = new Set<Element>();
  for (const root of [document, ...shadowRoots]) {
    for (const element of root.querySelectorAll(`${namedLikeOurs}, ${labelledLikeOurs}`)) {
      if (!isOurs(element)) found.add(element);
    }
  }
  for (const text of [...documentTextsNamingVerity(document), ...shadowRoots.flatMap(shadowTextsNamingVerity)]) {
    // The word and the verdict may be in nested elements ("Verified by <b>Verity</b>"): the nearest of up to three that holds both, in a short label.
    let label: Element | undefined;
    for (let element = text.parentElement, depth = 0; element !== null && depth < 3 && label === undefined; element = element.parentElement, depth += 1) {
      const words = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (words.length > maxLabelLength) break;
      if (namesVerity.test(words) && verdictWords.test(words)) label = element;
    }
    if (label !== undefined && !isOurs(label)) found.add(label);
  }
  return [...found].filter((element) => ![...found].some((other) => other !== element && other.contains(element)));
}

function documentTextsNamingVerity(document: Document): Node[] {
  const texts = document.evaluate(shortTextNamingVerity, document, null, 7 /* ORDERED_NODE_SNAPSHOT_TYPE */, null);
  return Array.from({ length: texts.snapshotLength }, (_, index) => texts.snapshotItem(index)!);
}

/** What the XPath above selects, in a shadow tree. */
function shadowTextsNamingVerity(root: ShadowRoot): Node[] {
  const texts: Node[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text !== null; text = walker.nextNode()) {
    const words = text.nodeValue ?? '';
    const short = words.replace(/\s+/g, ' ').trim().length <= maxLabelLength;
    if (short && words.toLowerCase().includes('verity') && !text.parentElement?.closest('script, style, noscript, textarea')) texts.push(text);
  }
  return texts;
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
