/**
 * How the page's own world tells the content script about open shadow
 * roots (see shadow-roots.content.ts): no query finds shadow hosts, and a
 * MutationObserver does not see into shadow trees or see them attached.
 * Events on DOM nodes are what both worlds share.
 */

/** Dispatched on a host (composed, so it leaves nested shadow trees) when it has an open shadow root and is in the page. */
export const shadowRootEvent = 'verity-shadow-root';

/** Dispatched on the document by the content script: report every host in the page, as at its start. */
export const reportAllShadowRootsEvent = 'verity-report-shadow-roots';

/** Dispatched on the document by the content script when nodes were added: report hosts that came into the page since. */
export const reportAddedShadowRootsEvent = 'verity-report-added-shadow-roots';

/** The open shadow root a `shadowRootEvent` reports: its host's, found on the event's path (it is retargeted when the host sits in another open shadow tree). */
export function reportedRootOf(event: Event): ShadowRoot | null | undefined {
  return (event.composedPath()[0] as Element | undefined)?.shadowRoot;
}

/** The page's open shadow roots in the page now, as its world reports them: it answers in the same task. */
export function reportedShadowRoots(document: Document): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const take = (event: Event) => {
    const root = reportedRootOf(event);
    if (root) roots.push(root);
  };
  document.addEventListener(shadowRootEvent, take, { capture: true });
  document.dispatchEvent(new Event(reportAllShadowRootsEvent));
  document.removeEventListener(shadowRootEvent, take, { capture: true });
  return roots;
}
