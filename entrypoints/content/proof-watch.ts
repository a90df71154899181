import { proofAttribute } from '../../lib/extract/carriers';
import { hrefTokenStart, tokenPrefix } from '../../lib/text/tokens';
import { reportAddedShadowRootsEvent, reportAllShadowRootsEvent, reportedRootOf, shadowRootEvent } from './shadow-root-events';

/**
 * Elements that may carry a proof (spec §1), each kind by its own native
 * query: a superset of what the scanner reads (a script type with other
 * spellings), since a false alarm only loads the scanner, which then finds
 * nothing. Scripts are few and the browser keeps them by tag; a selector
 * on their type would visit every element.
 */
const carrierQueries = [`[${proofAttribute}]`, `a[href*="#${hrefTokenStart}"]`];
const proofScriptType = /ai-proof/i;

export type WatchForProofsParameters = {
  signal: AbortSignal;
  document: Document;
  /** Called once, when the page (or an open shadow root in it) may hold a proof. */
  onProof: () => void;
};

/**
 * Looks, as cheaply as the browser allows, for any sign of a proof: native
 * queries and one look at the text, in the document and in each open shadow
 * root the page's world reports, then in what the page adds. Nothing is
 * read or kept beyond that; at the first sign it stops and says so, and
 * the scanner does the real work from the start.
 */
export function watchForProofs({ signal, document, onProof }: WatchForProofsParameters): void {
  const stop = new AbortController();
  const watching = AbortSignal.any([signal, stop.signal]);
  const found = (): void => {
    if (stop.signal.aborted) return;
    stop.abort();
    onProof();
  };

  const observer = new MutationObserver((records) => {
    if (records.some(recordMayCarry)) found();
    // Hosts with a shadow root attached before they came into the page: only nodes added can bring one.
    else if (records.some((record) => record.addedNodes.length > 0)) document.dispatchEvent(new Event(reportAddedShadowRootsEvent));
  });
  watching.addEventListener('abort', () => observer.disconnect(), { once: true });
  const watchRoot = (root: Document | ShadowRoot): void => {
    if (mayCarry(root)) return found();
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: [proofAttribute, 'href'] });
  };

  document.addEventListener(
    shadowRootEvent,
    (event) => {
      const root = reportedRootOf(event);
      if (root) watchRoot(root);
    },
    { capture: true, signal: watching },
  );
  watchRoot(document);
  if (!watching.aborted) document.dispatchEvent(new Event(reportAllShadowRootsEvent));
}

function mayCarry(root: (Document | ShadowRoot | Element) & Node): boolean {
  return carrierQueries.some((query) => root.querySelector(query) !== null) || scriptsMayCarry(root) || textMayCarry(root);
}

function scriptsMayCarry(root: Document | ShadowRoot | Element): boolean {
  // A shadow root has no getElementsByTagName: its few scripts by query.
  const scripts = 'getElementsByTagName' in root ? root.getElementsByTagName('script') : root.querySelectorAll('script');
  for (const script of scripts) if (isProofScriptLike(script)) return true;
  return false;
}

function isProofScriptLike(element: Element): boolean {
  return element.localName === 'script' && proofScriptType.test(element.getAttribute('type') ?? '');
}

/** An added element: itself, and only when it has children, what is below it (a page adding nodes mostly adds leaves). */
function elementMayCarry(element: Element): boolean {
  if (isProofScriptLike(element) || carrierQueries.some((query) => element.matches(query))) return true;
  return element.firstElementChild === null ? textMayCarry(element) : mayCarry(element);
}

/**
 * The text below `node`; of a document, its body's (the head's scripts and
 * styles carry no shown token). A whole document's is searched by XPath:
 * the browser looks through its text itself instead of handing script a
 * copy of all of it (0.6 ms against 2.8 ms by textContent on a page of
 * 5,000 elements). XPath takes no shadow root as its context.
 */
function textMayCarry(node: Node): boolean {
  if (node.nodeType === 9) {
    const document = node as Document;
    const context = document.body ?? document.documentElement;
    return context !== null && document.evaluate(`contains(string(.), '${tokenPrefix}')`, context, null, XPathResult.BOOLEAN_TYPE, null).booleanValue;
  }
  return node.textContent?.includes(tokenPrefix) ?? false;
}

function recordMayCarry(record: MutationRecord): boolean {
  switch (record.type) {
    case 'childList':
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && elementMayCarry(node as Element)) return true;
        if (node.nodeType !== 1 && textMayCarry(node)) return true;
      }
      return false;
    case 'characterData':
      return textMayCarry(record.target);
    default:
      // A carrier attribute set, or an href changed to a token link.
      return record.target.nodeType === 1 && carrierQueries.some((query) => (record.target as Element).matches(query));
  }
}
