import { stateStyles } from '../../components/state-style';
import { lookAlikeWordsLimits } from '../../messaging/messages';
import { elementsPerPiece, textPieces, type TextPiece } from '../../lib/text/text-pieces';
import { badgeTag } from './badge';
import { cardTag } from './card';
import { selectionCardTag } from './selection-card';

/**
 * Look-alike badges: what a page draws to pass for Verity's own. Only on
 * pages where Verity found proofs (page-integrity.ts), and kept narrow, so
 * that a page about Verity is not taken for one imitating it:
 *
 * - an element named like Verity's (`verity-badge`, `verity-card`) that
 *   Verity did not make and that draws something: it holds nodes or has
 *   a box. An empty one draws nothing: a copy of one of Verity's hosts
 *   that a page's script made with a snippet (`cloneNode`, as a carousel
 *   does with its slides) has no closed root, and was flagged until
 *   2026-12-07;
 * - an element labelled like Verity's badge for assistive technology or on
 *   hover (`aria-label` or `title` beginning "Verity" or saying "by Verity");
 * - a short text (40 characters at most) naming Verity beside a verdict's
 *   word ("Verified by Verity", "Verity ✓ Verified").
 *
 * Elements by native selectors. Texts by reading them in pieces, and a
 * TreeWalker over the pieces that mention Verity, paused so that the
 * caller can spread the search over idle tasks: one XPath over the text
 * of a page of 80,000 elements took 100 ms in one go, and cannot be
 * paused. Open shadow roots (the page-world script reports them) are
 * searched the same way. Not found: look-alikes inside closed shadow
 * roots and frames the content script does not run in, and images of
 * badges without such a label.
 */

/** Longest text taken for a badge's label; longer is prose that mentions Verity. */
const maxLabelLength = 40;
/** Nodes a walk looks at between the search's pauses: about 1 ms from a content script. */
const nodesPerStep = 500;

/**
 * One query each, a pause after each: at 80,000 elements (in the page's world) a single tag takes 0.4 ms, the three
 * tags in one list 2.5 ms, an attribute's two selectors 2–5 ms, both attributes' four in one list 6–8 ms.
 */
const lookAlikeQueries = [badgeTag, cardTag, selectionCardTag, ...['aria-label', 'title'].map((name) => `[${name}^="verity" i], [${name}*="by verity" i]`)];
const verityTags = new Set([badgeTag, cardTag, selectionCardTag]);
/** Texts that are not shown as such. */
const notShown = 'script, style, noscript, title, textarea';

const verdictWords = new RegExp(`\\b(${[...Object.values(stateStyles).map(({ word }) => word), 'verified by', 'checked by'].map(escapeRegExp).join('|')})`, 'i');
const namesVerity = /\bverity\b/i;
const mentionsVerity = /verity/i;

export type SearchLookAlikesParameters = {
  document: Document;
  /** The page's open shadow roots, searched as the document is. */
  shadowRoots?: readonly ShadowRoot[];
  /** Whether Verity made this element (its badges and cards). */
  isOurs: (element: Element) => boolean;
  /** Elements whose text is read at once (default: `elementsPerPiece`). */
  piece?: number;
};

/**
 * The page's look-alikes of Verity's badge, outermost only (a fake pill
 * with a labelled icon inside is one), as the search's return value. Each
 * step between its pauses is a native query, a piece of text read, or 500
 * nodes walked.
 */
export function* searchLookAlikes({ document, shadowRoots = [], isOurs, piece = elementsPerPiece }: SearchLookAlikesParameters): Generator<void, Element[], undefined> {
  const found = new Set<Element>();
  for (const root of [document, ...shadowRoots]) {
    for (const selector of lookAlikeQueries) {
      for (const element of root.querySelectorAll(selector)) if (!isOurs(element) && (!verityTags.has(selector) || drawsSomething(element))) found.add(element);
      yield;
    }
  }
  const addLabelOf = (text: Text): void => {
    // The word and the verdict may be in nested elements ("Verified by <b>Verity</b>"): the nearest of up to three that holds both, in a short label.
    let label: Element | undefined;
    for (let element = text.parentElement, depth = 0; element !== null && depth < 3 && label === undefined; element = element.parentElement, depth += 1) {
      const words = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (words.length > maxLabelLength) break;
      if (namesVerity.test(words) && verdictWords.test(words)) label = element;
    }
    if (label !== undefined && !isOurs(label)) found.add(label);
  };
  for (const root of [document, ...shadowRoots]) yield* shortTextsNamingVerity(root, piece, addLabelOf);
  return [...found].filter((element) => ![...found].some((other) => other !== element && other.contains(element)));
}

/** Whether an element holds anything to draw, or takes room on the page (a box with a background, generated content). */
function drawsSomething(element: Element): boolean {
  if (element.hasChildNodes()) return true;
  const { width, height } = element.getBoundingClientRect();
  return width > 0 && height > 0;
}

/**
 * Each shown text under `root` of at most 40 characters that names Verity,
 * to `found` (twice, at most, for a walk started again). The text is read
 * in pieces by the browser, and only a piece that mentions Verity is
 * walked: most pages never do, and a walk makes an object of every node it
 * passes (from a content script, garbage that takes collections of 8–15 ms
 * on a page of 80,000 elements). A pause after each piece, and every 500
 * nodes of a walk.
 */
function* shortTextsNamingVerity(root: Document | ShadowRoot, elements: number, found: (text: Text) => void): Generator<void, void, undefined> {
  for (const piece of textPieces(root, elements)) {
    if (mentionsVerity.test(piece.text)) yield* walkPiece(root, piece, found);
    if (piece.to !== undefined) yield;
  }
}

/**
 * The texts of one piece, walked from its start to its end. A walk whose
 * node left the page during a pause would end in the detached part: it
 * starts again, twice at most, so that a page removing text all the time
 * cannot keep it walking.
 */
function* walkPiece(root: Document | ShadowRoot, { from, to }: TextPiece, found: (text: Text) => void): Generator<void, void, undefined> {
  const document = root.ownerDocument ?? (root as Document);
  let restarts = 0;
  walk: for (;;) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    if (from !== undefined && root.contains(from)) walker.currentNode = from;
    let looked = 0;
    for (let node = walker.nextNode(); node !== null && node !== to; node = walker.nextNode()) {
      if (++looked % nodesPerStep === 0) {
        yield;
        if (!root.contains(node) && restarts++ < 2) continue walk;
      }
      if (node.nodeType !== Node.TEXT_NODE) continue;
      const words = (node as Text).data;
      if (!mentionsVerity.test(words) || words.replace(/\s+/g, ' ').trim().length > maxLabelLength) continue;
      if (node.parentElement?.closest(notShown) == null) found(node as Text);
    }
    return;
  }
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a look-alike says, as the page wrote it: its label, title or text, its whitespace collapsed, cut short; its tag when it says nothing. */
export function lookAlikeWords(element: Element): string {
  const said = (element.getAttribute('aria-label') || element.getAttribute('title') || element.textContent || '').replace(/\s+/g, ' ').trim();
  // Cut by UTF-16 units, as the worker counts them, without leaving half a character.
  return (said || `<${element.localName}>`).slice(0, lookAlikeWordsLimits.length).replace(/[\uD800-\uDBFF]$/, '');
}
