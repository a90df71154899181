import { isDocumentOrFragment, isElement, isNonTextElement, isTextNode, isTokenLink } from '../text/dom';
import { hrefTokenStart, tokenInHref, tokenPrefix, type TextToken } from '../text/tokens';
import { elementsPerPiece } from '../text/text-pieces';
import { searchTokenPrefix } from './token-prefix-search';

export const proofAttribute = 'data-ai-proof';

/** Where a proof sits (spec §1), found without decoding anything. */
export type ProofCarrier =
  /** An element with `data-ai-proof`; the caller reads the value when it uses it (past the cap, a hostile page's 100,000 strings are never made). */
  | { form: 'attribute'; host: Element }
  /** `<script type="application/ai-proof+json">`; its entries are read later. */
  | { form: 'script'; script: Element }
  /** An `<a>` whose href carries a token after `#`. */
  | { form: 'link'; anchor: Element; token: TextToken }
  /** A text node whose text contains the token prefix; its tokens are scanned later. */
  | { form: 'text'; node: CharacterData };

/** `type="application/ai-proof+json"`, compared as a MIME type: case-insensitive, parameters ignored. */
export function isProofScript(element: Element): boolean {
  if (element.localName !== 'script') return false;
  const type = element.getAttribute('type');
  return type !== null && type.split(';', 1)[0]!.trim().toLowerCase() === 'application/ai-proof+json';
}

/** Where a walk may stop for now, to spread a long scan over idle time. */
export type WalkPause = { form: 'pause' };

export const walkPause: WalkPause = Object.freeze({ form: 'pause' });

/**
 * The elements that may carry a proof, each kind by its own native query
 * (one selector list costs more than its parts together, over a large
 * page): a superset (scripts of any type) that `elementCarriers` narrows
 * down. No colon in a value: jsdom's selector engine takes minutes over
 * deep trees for one.
 */
const carrierSelectors = [`[${proofAttribute}]`, 'script', `a[href*="#${hrefTokenStart}"]`];

// NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION, as numbers: jsdom has no global NodeFilter.
const showText = 0x4 | 0x8;
// NodeFilter.SHOW_ELEMENT.
const showElement = 0x1;

export type ProofCarriersParameters = {
  /** Yield `walkPause` every this many candidate nodes looked at (default: never). */
  pauseEvery?: number;
  /** False: only `root`'s own carriers, not its descendants' (default: true). */
  subtree?: boolean;
};

/**
 * The proof carriers in `root`'s subtree (`root` included), in document
 * order; on one element, its attribute, then its script or link. Nothing
 * inside script, style, template or noscript is a carrier (a proof script
 * is one itself), and text inside a token link is not a separate token:
 * the link stands for it. `root` may be any node: a document, a shadow
 * root, or what a MutationObserver reports as added.
 *
 * Found by the browser, not by walking the tree in JavaScript: selector
 * queries for the element forms, and for text tokens a look at the
 * subtree's text (token-prefix-search.ts), then a TreeWalker over its
 * text nodes only when the prefix is somewhere in it (over its elements too when both forms are
 * there, to keep them in order). A page with no proof costs those native
 * calls.
 *
 * The page may change while the walk is suspended at a yield. When the
 * node it was at has left `root`'s subtree, the walk starts again from
 * `root`, and an element that left is passed over: nothing is missed, and
 * a caller that remembers what it saw pays only for the walking.
 */
export function* proofCarriers(
  root: Node,
  { pauseEvery = Infinity, subtree = true }: ProofCarriersParameters = {},
): Generator<ProofCarrier | WalkPause, void, undefined> {
  if (root.parentNode !== null && hasAncestor(root, (element) => isNonTextElement(element))) return;
  if (!subtree) {
    if (isElement(root)) yield* elementCarriers(root);
    else if (isTextNode(root) && isTokenText(root)) yield { form: 'text', node: root };
    return;
  }

  // The look at the text and the queries each read the whole subtree (10 and 3 ms on a page of 80,000 elements): the
  // text in pieces, and a pause after each piece and query.
  const pauses = pauseEvery !== Infinity;
  const search = searchTokenPrefix(root, { piece: pauses ? elementsPerPiece : undefined });
  let searched = search.next();
  for (; !searched.done; searched = search.next()) yield walkPause;
  const tokens = searched.value;
  if (pauses) yield walkPause;
  const { self, below } = carrierElements(root, { ordered: !tokens });
  if (pauses) yield walkPause;
  // With tokens in the text, one walk puts everything in order: the elements need none of their own.
  if (tokens) {
    const candidates = new Set(Array.from(below));
    if (self) candidates.add(self);
    yield* walkInOrder(root, candidates, pauseEvery);
    return;
  }
  if (self) yield* elementCarriers(self);
  yield* elementsInOrder(root, below, pauseEvery);
}

/**
 * The carriers of `elements` (in document order) still in `root`'s subtree. Read one at a time from the query's
 * own list: making an array of it first would make every element's wrapper in one task (215 ms for 100,000 in a
 * content script's world, traced).
 */
function* elementsInOrder(root: Node, elements: ArrayLike<Element>, pauseEvery: number): Generator<ProofCarrier | WalkPause, void, undefined> {
  let looked = 0;
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    if (++looked > pauseEvery) {
      looked = 1;
      yield walkPause;
    }
    if (root.contains(element)) yield* elementCarriers(element);
  }
}

/**
 * Text tokens and the carriers of `candidates`, in document order, by one
 * walk over text (and over elements too, when there are candidates).
 * Merging the query's elements with a text walk's tokens would ask the
 * browser which comes first, and `compareDocumentPosition` between
 * far-apart siblings costs the distance between them: quadratic on a page
 * of many proofs.
 */
function* walkInOrder(root: Node, candidates: ReadonlySet<Element>, pauseEvery: number): Generator<ProofCarrier | WalkPause, void, undefined> {
  if (isTextNode(root)) {
    if (isTokenText(root)) yield { form: 'text', node: root };
    return;
  }
  if (isElement(root) && candidates.has(root)) yield* elementCarriers(root);
  const document = root.ownerDocument ?? (root as Document);
  const shown = candidates.size > 0 ? showElement | showText : showText;
  walk: for (;;) {
    const walker = document.createTreeWalker(root, shown);
    let looked = 0;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if (++looked > pauseEvery) {
        looked = 1;
        yield walkPause;
        // What the walk already reported, the caller remembers: starting again costs only the walking.
        if (!root.contains(node)) continue walk;
      }
      if (isElement(node)) {
        if (candidates.has(node)) yield* elementCarriers(node);
      } else if (isTokenText(node as CharacterData)) {
        yield { form: 'text', node: node as CharacterData };
      }
    }
    return;
  }
}

/**
 * `root` if it may carry a proof, and the elements below it that may: in document order when `ordered`, else
 * perhaps with one element twice (a script with a proof attribute). A query's own list, not an array of it.
 */
function carrierElements(root: Node, { ordered }: { ordered: boolean }): { self: Element | null; below: ArrayLike<Element> } {
  if (!isElement(root) && !isDocumentOrFragment(root)) return { self: null, below: [] };
  const self = isElement(root) && mayCarry(root) ? root : null;
  // A leaf (what a page adding nodes mostly adds): nothing below to query.
  if (isElement(root) && root.firstElementChild === null) return { self, below: [] };
  const kinds = carrierSelectors.map((selector) => (root as ParentNode).querySelectorAll(selector)).filter((elements) => elements.length > 0);
  if (kinds.length <= 1) return { self, below: kinds[0] ?? [] };
  if (!ordered) return { self, below: kinds.flatMap((elements) => Array.from(elements)) };
  // Each query's results are in document order. Of more than one kind, the browser orders them in one query:
  // sorting by compareDocumentPosition costs the distance between siblings, 19 s for 100,000 paragraphs.
  return { self, below: (root as ParentNode).querySelectorAll(carrierSelectors.join(', ')) };
}

/** What `carrierSelectors` select, for one element. */
function mayCarry(element: Element): boolean {
  return element.hasAttribute(proofAttribute) || element.localName === 'script' || (element.localName === 'a' && (element.getAttribute('href')?.includes(`#${hrefTokenStart}`) ?? false));
}

function elementCarriers(element: Element): ProofCarrier[] {
  const carriers: ProofCarrier[] = [];
  if (element.hasAttribute(proofAttribute)) carriers.push({ form: 'attribute', host: element });
  if (isProofScript(element)) carriers.push({ form: 'script', script: element });
  else if (element.localName === 'a') {
    const href = element.getAttribute('href');
    const token = href === null ? undefined : tokenInHref(href);
    if (token !== undefined) carriers.push({ form: 'link', anchor: element, token });
  }
  // Looked at only for a carrier: most candidates (scripts of other types) carry nothing.
  if (carriers.length > 0 && element.parentNode !== null && hasAncestor(element, isNonTextElement)) return [];
  return carriers;
}

/** A text node with the token prefix, shown as text, and not inside a token link (which stands for its token). */
function isTokenText(node: CharacterData): boolean {
  return node.data.includes(tokenPrefix) && !hasAncestor(node, (element) => isNonTextElement(element) || isTokenLink(element));
}

function hasAncestor(node: Node, test: (element: Element) => boolean): boolean {
  for (let ancestor = node.parentNode; ancestor !== null; ancestor = ancestor.parentNode) {
    if (isElement(ancestor) && test(ancestor)) return true;
  }
  return false;
}
