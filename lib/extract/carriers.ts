import { isDocumentOrFragment, isElement, isNonTextElement, isTextNode, isTokenLink } from '../text/dom';
import { tokenInHref, tokenPrefix, type TextToken } from '../text/tokens';

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

export type ProofCarriersParameters = {
  /** Yield `walkPause` every this many nodes visited (default: never). */
  pauseEvery?: number;
  /** False: only `root`'s own carriers, not its descendants' (default: true). */
  subtree?: boolean;
};

/**
 * The proof carriers in `root`'s subtree (`root` included), in document
 * order; on one element, its attribute, then its script or link, then its
 * descendants. Nothing inside script, style, template or noscript is a
 * carrier (a proof script is one itself), and text inside a token link is
 * not a separate token: the link stands for it. An iterative walk: nesting
 * depth costs no stack. `root` may be any node: a document, a fragment, or
 * what a MutationObserver reports as added (an element, a text node, or a
 * node inside a script, which holds nothing).
 *
 * The page may change while the walk is suspended at a yield. When the
 * node it was at has left `root`'s subtree (checked at each pause, and
 * whenever it climbs to a node without a parent), the walk starts again
 * from `root`: nothing is missed, and a caller that remembers what it saw
 * pays only for the walking.
 */
export function* proofCarriers(
  root: Node,
  { pauseEvery = Infinity, subtree = true }: ProofCarriersParameters = {},
): Generator<ProofCarrier | WalkPause, void, undefined> {
  walk: for (;;) {
    // The context a node added deep in the page inherits from its ancestors.
    let tokenLink: Element | null = null;
    for (let ancestor = root.parentNode; ancestor !== null; ancestor = ancestor.parentNode) {
      if (!isElement(ancestor)) continue;
      if (isNonTextElement(ancestor)) return;
      if (tokenLink === null && isTokenLink(ancestor)) tokenLink = ancestor;
    }

    let node: Node = root;
    let visited = 0;
    for (;;) {
      if (++visited > pauseEvery) {
        visited = 1;
        yield walkPause;
        if (node !== root && !root.contains(node)) continue walk;
      }
      let entered = false;
      if (isElement(node)) {
        const value = node.getAttribute(proofAttribute);
        if (value !== null) yield { form: 'attribute', host: node, value };
        if (isProofScript(node)) yield { form: 'script', script: node };
        else if (!isNonTextElement(node)) {
          entered = true;
          const token = node.localName === 'a' ? linkToken(node) : undefined;
          if (token !== undefined) {
            yield { form: 'link', anchor: node, token };
            tokenLink ??= node;
          }
        }
      } else if (isTextNode(node)) {
        if (tokenLink === null && node.data.includes(tokenPrefix)) yield { form: 'text', node };
      } else if (isDocumentOrFragment(node)) {
        entered = true;
      }

      if (entered && node.firstChild !== null && (subtree || node !== root)) {
        node = node.firstChild;
        continue;
      }
      for (;;) {
        if (node === tokenLink) tokenLink = null;
        if (node === root) return;
        if (node.nextSibling !== null) {
          node = node.nextSibling;
          break;
        }
        // No parent: the node was taken out of the page while the walk was suspended.
        if (node.parentNode === null) continue walk;
        node = node.parentNode;
      }
    }
  }
}

function linkToken(anchor: Element): TextToken | undefined {
  const href = anchor.getAttribute('href');
  return href === null ? undefined : tokenInHref(href);
}
