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
 * subtree's text (token-prefix-search.ts), then, only when the prefix is
 * somewhere in it, a walk down into the parts whose text holds it
 * (`walkInOrder`), which puts the element forms among the tokens. A page
 * with no proof costs those native calls.
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
  const { self, below } = yield* carrierElements(root, pauses);
  if (pauses) yield walkPause;
  if (self) yield* elementCarriers(self);
  // With tokens in the text, one walk puts them among the elements.
  if (tokens) yield* walkInOrder(root, below, pauseEvery);
  else yield* elementsInOrder(root, below, pauseEvery);
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
 * Text tokens and the carriers of `candidates` (in document order), in
 * document order, going down only into subtrees whose text holds the token
 * prefix: each element's text is read by the browser, and a subtree
 * without the prefix gives its candidates from the list, in order, with no
 * node of it visited. Visiting every node instead made a wrapper for each
 * in the content script's world (160,000 on a page of 80,000 elements),
 * and growing the world's table of them held single steps of 256 nodes
 * for up to 23 ms (Chromium 156). Merging the query's elements with the
 * tokens by `compareDocumentPosition` would cost the distance between
 * siblings: quadratic on a page of many proofs; `contains` walks up.
 */
function* walkInOrder(root: Node, candidates: ArrayLike<Element>, pauseEvery: number): Generator<ProofCarrier | WalkPause, void, undefined> {
  if (isTextNode(root)) {
    if (isTokenText(root)) yield { form: 'text', node: root };
    return;
  }
  const pieces = pauseEvery === Infinity ? undefined : elementsPerPiece;
  let next = 0;
  let looked = 0;
  // `contains` walks up from the candidate: each is asked once (a page may nest 60,000 deep).
  let inRoot = -1;
  /** The next candidate not yet given that is in `root`. */
  const pending = (): Element | undefined => {
    while (next < candidates.length && inRoot !== next) {
      if (root.contains(candidates[next]!)) inRoot = next;
      else next++;
    }
    return candidates[next];
  };
  function* candidatesIn(subtree: Node): Generator<ProofCarrier, void, undefined> {
    for (let candidate = pending(); candidate !== undefined && subtree.contains(candidate); candidate = pending()) {
      next++;
      yield* elementCarriers(candidate);
    }
  }
  const read = { characters: 0 };
  /**
   * Whether `element`'s text holds the prefix, read in pieces with a pause after each; true, unread, once the walk
   * has read its budget (nested subtrees would each read the same text again: 600 levels over 1 MB read 600 MB).
   */
  function* holdsPrefix(element: Element): Generator<WalkPause, boolean, undefined> {
    if (read.characters >= walkTextBudget) return true;
    const search = searchTokenPrefix(element, { piece: pieces, read });
    let searched = search.next();
    for (; !searched.done; searched = search.next()) yield walkPause;
    return searched.value;
  }
  /** Into `node`, whose text holds the prefix: its own carriers now, its children next (none inside code, inert markup or a token link, which stands for its token). */
  function* enter(node: Node, stack: WalkFrame[]): Generator<ProofCarrier, void, undefined> {
    if (isElement(node)) {
      if (pending() === node) {
        next++;
        yield* elementCarriers(node);
      }
      if (isNonTextElement(node) || isTokenLink(node)) {
        yield* candidatesIn(node);
        return;
      }
    }
    stack.push({ node: node as Node & ParentNode, child: node.firstChild, heldBefore: false });
  }
  /** The whole walk, depth first with a stack of its own (a page may nest 60,000 deep); false when the page moved it out of `root`. */
  function* walk(): Generator<ProofCarrier | WalkPause, boolean, undefined> {
    const stack: WalkFrame[] = [];
    yield* enter(root, stack);
    for (let frame = stack.at(-1); frame !== undefined; frame = stack.at(-1)) {
      const child = frame.child;
      if (child === null) {
        stack.pop();
        continue;
      }
      if (++looked > pauseEvery) {
        looked = 1;
        yield walkPause;
        if (!root.contains(child)) return false;
      }
      if (child.parentNode !== frame.node) return false;
      frame.child = child.nextSibling;
      if (isTextNode(child)) {
        if (!child.data.includes(tokenPrefix)) continue;
        frame.heldBefore = true;
        if (isTokenText(child)) yield { form: 'text', node: child };
      } else if (isElement(child)) {
        // Where no child before the last element held the prefix, nor a text after it, that element does: a
        // wrapper (<html>, <body>, <div id="app">) is not read again.
        const holds = (!frame.heldBefore && child === frame.node.lastElementChild && !textAfterHolds(child)) || (yield* holdsPrefix(child));
        if (child.parentNode !== frame.node) return false;
        if (!holds) yield* candidatesIn(child);
        else {
          frame.heldBefore = true;
          yield* enter(child, stack);
        }
      }
    }
    return true;
  }
  // What the walk already reported, the caller remembers: starting again costs only the walking.
  while (!(yield* walk())) {
    next = 0;
    inRoot = -1;
  }
  // Candidates the page moved behind the walk while it paused: given last, out of order, but given.
  for (let candidate = pending(); candidate !== undefined; candidate = pending()) {
    next++;
    yield* elementCarriers(candidate);
  }
}

/** Characters of text one in-order walk reads to choose where to go down; past them it looks at every node (twice a large page's text). */
const walkTextBudget = 4 * 1024 * 1024;

/** A node the walk is in: the child it looks at next, and whether one it looked at held the token prefix. */
type WalkFrame = { node: Node & ParentNode; child: ChildNode | null; heldBefore: boolean };

/** Whether a text after `element`, among its siblings, holds the token prefix. */
function textAfterHolds(element: Element): boolean {
  for (let sibling = element.nextSibling; sibling !== null; sibling = sibling.nextSibling) {
    if (isTextNode(sibling) && sibling.data.includes(tokenPrefix)) return true;
  }
  return false;
}

/**
 * `root` if it may carry a proof, and the elements below it that may, in document order: a query's own list, not an
 * array of it. With `pauses`, a pause before ordering several kinds, the longest query (5 ms at 80,000 elements).
 */
function* carrierElements(root: Node, pauses: boolean): Generator<WalkPause, { self: Element | null; below: ArrayLike<Element> }, undefined> {
  if (!isElement(root) && !isDocumentOrFragment(root)) return { self: null, below: [] };
  const self = isElement(root) && mayCarry(root) ? root : null;
  // A leaf (what a page adding nodes mostly adds): nothing below to query.
  if (isElement(root) && root.firstElementChild === null) return { self, below: [] };
  const kinds = carrierSelectors.map((selector) => (root as ParentNode).querySelectorAll(selector)).filter((elements) => elements.length > 0);
  if (kinds.length <= 1) return { self, below: kinds[0] ?? [] };
  // Each query's results are in document order. Of more than one kind, the browser orders them in one query:
  // sorting by compareDocumentPosition costs the distance between siblings, 19 s for 100,000 paragraphs.
  if (pauses) yield walkPause;
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
