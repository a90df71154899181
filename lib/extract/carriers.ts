import { isDocumentOrFragment, isElement, isNonTextElement, isTextNode, isTokenLink } from '../text/dom';
import { hrefTokenStart, tokenInHref, tokenPrefix, type TextToken } from '../text/tokens';

export const proofAttribute = 'data-ai-proof';

/** Where a proof sits (spec §1), found without decoding anything. */
export type ProofCarrier =
  /** An element with `data-ai-proof`. */
  | { form: 'attribute'; host: Element; value: string }
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
// Node.DOCUMENT_POSITION_FOLLOWING.
const following = 0x4;

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
 * Found by the browser, not by walking the tree in JavaScript: one
 * selector query for the element forms, and for text tokens one look at
 * the subtree's text, then a TreeWalker over its text nodes only when the
 * prefix is somewhere in it. A page with no proof costs those two native
 * calls.
 *
 * The page may change while the walk is suspended at a yield. When the
 * text node it was at has left `root`'s subtree, the text walk starts
 * again from `root`, and an element that left is passed over: nothing is
 * missed, and a caller that remembers what it saw pays only for the
 * walking.
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

  const elements = carrierElements(root);
  let next = 0;
  let looked = 0;
  // Element carriers before `node` in document order (all of them when `node` is undefined).
  function* elementsBefore(node: Node | undefined): Generator<ProofCarrier | WalkPause, void, undefined> {
    while (next < elements.length) {
      const element = elements[next]!;
      if (node !== undefined && !(element.compareDocumentPosition(node) & following)) return;
      next += 1;
      if (++looked > pauseEvery) {
        looked = 1;
        yield walkPause;
      }
      if (element === root || root.contains(element)) yield* elementCarriers(element);
    }
  }

  for (const step of tokenTexts(root, pauseEvery)) {
    if (step === walkPause) {
      yield walkPause;
      continue;
    }
    const node = step as CharacterData;
    yield* elementsBefore(node);
    yield { form: 'text', node };
  }
  yield* elementsBefore(undefined);
}

/** `root` if it may carry a proof, then the elements below it that may, in document order. */
function carrierElements(root: Node): Element[] {
  if (!isElement(root) && !isDocumentOrFragment(root)) return [];
  const found = new Set<Element>();
  if (isElement(root)) {
    if (mayCarry(root)) found.add(root);
    // A leaf (what a page adding nodes mostly adds): nothing below to query.
    if (root.firstElementChild === null) return [...found];
  }
  let kinds = 0;
  for (const selector of carrierSelectors) {
    const elements = (root as ParentNode).querySelectorAll(selector);
    if (elements.length > 0) kinds += 1;
    for (const element of elements) found.add(element);
  }
  const elements = [...found];
  // Each query's results are in document order; more than one kind needs sorting.
  if (kinds > 1 || (found.has(root as Element) && elements.length > 1)) elements.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & following ? -1 : 1));
  return elements;
}

/** What `carrierSelectors` select, for one element. */
function mayCarry(element: Element): boolean {
  return element.hasAttribute(proofAttribute) || element.localName === 'script' || (element.localName === 'a' && (element.getAttribute('href')?.includes(`#${hrefTokenStart}`) ?? false));
}

function elementCarriers(element: Element): ProofCarrier[] {
  const carriers: ProofCarrier[] = [];
  const value = element.getAttribute(proofAttribute);
  if (value !== null) carriers.push({ form: 'attribute', host: element, value });
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

/**
 * The text nodes in `root`'s subtree that hold a token, in document order:
 * none at all unless the subtree's text holds the prefix somewhere.
 */
function* tokenTexts(root: Node, pauseEvery: number): Generator<CharacterData | WalkPause, void, undefined> {
  if (isTextNode(root)) {
    if (isTokenText(root)) yield root;
    return;
  }
  const text = root.nodeType === 9 ? (root as Document).documentElement?.textContent : root.textContent;
  if (!text?.includes(tokenPrefix)) return;
  const document = root.ownerDocument ?? (root as Document);
  walk: for (;;) {
    const walker = document.createTreeWalker(root, showText);
    let looked = 0;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if (++looked > pauseEvery) {
        looked = 1;
        yield walkPause;
        if (!root.contains(node)) continue walk;
      }
      if (isTokenText(node as CharacterData)) yield node as CharacterData;
    }
    return;
  }
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
