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

/**
 * The proof carriers in `root`'s subtree (`root` included), in document
 * order; on one element, its attribute, then its script or link, then its
 * descendants. Nothing inside script, style, template or noscript is a
 * carrier (a proof script is one itself), and text inside a token link is
 * not a separate token: the link stands for it. An iterative walk: nesting
 * depth costs no stack. `root` may be any node: a document, a fragment, or
 * what a MutationObserver reports as added (an element, a text node, or a
 * node inside a script, which holds nothing).
 */
export function* proofCarriers(root: Node): Generator<ProofCarrier, void, undefined> {
  // The context a node added deep in the page inherits from its ancestors.
  let tokenLink: Element | null = null;
  for (let ancestor = root.parentNode; ancestor !== null; ancestor = ancestor.parentNode) {
    if (!isElement(ancestor)) continue;
    if (isNonTextElement(ancestor)) return;
    if (tokenLink === null && isTokenLink(ancestor)) tokenLink = ancestor;
  }

  let node: Node = root;
  for (;;) {
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

    if (entered && node.firstChild !== null) {
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
      node = node.parentNode!;
    }
  }
}

function linkToken(anchor: Element): TextToken | undefined {
  const href = anchor.getAttribute('href');
  return href === null ? undefined : tokenInHref(href);
}
