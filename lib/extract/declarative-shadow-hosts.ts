import { openShadowRootsBelow } from './open-shadow-roots';

/**
 * Hosts of the open shadow roots the HTML parser attaches (declarative
 * shadow DOM, `<template shadowrootmode="open">`): no script attaches them,
 * so the page world's attachShadow wrapper never sees them, and no query
 * finds a shadow host. Asking every element costs 22–30 ms at 80,000
 * elements (Chromium 156), more than a page without proofs may cost in all, so a
 * parsed page is searched among custom elements, where frameworks render
 * declarative roots: those not yet defined (one native query) and those of
 * the names defined before the search (one query each). A page where
 * that finds one renders shadow DOM on the server, and may declare roots on
 * built-in elements too (a `<div>` host): only such a page has every
 * element asked, a slice at a time (noteDeclarativeHostsOfParsedPage). Markup a script
 * parses (`setHTMLUnsafe` and its kin) is searched whole
 * (open-shadow-roots.ts): it is the script's own size. Runs in the page's
 * world (shadow-roots.content.ts).
 */

/** Past this many names defined before the search, asking every element is cheaper than a query per name (0.4–0.6 ms each at 80,000 elements). */
const namesQueriedOneByOne = 16;

export type DeclarativeHostsOfParsedPageParameters = {
  document: Document;
  /** Custom element names defined before the search: their elements no longer match `:not(:defined)`. */
  definedNames: readonly string[];
};

/** Every open shadow host among the page's custom elements (among all its elements past `namesQueriedOneByOne` names), in the document and in the roots found, nested ones included. */
export function declarativeHostsOfParsedPage({ document, definedNames }: DeclarativeHostsOfParsedPageParameters): Element[] {
  if (definedNames.length > namesQueriedOneByOne) return openShadowRootsBelow(document).map((root) => root.host);
  return hostsAmong(document, [':not(:defined)', ...new Set(definedNames)]);
}

/** Whether markup handed to a parsing method may declare a shadow root: a string without the attribute cannot. */
export function mayDeclareShadowRoots(markup: unknown): boolean {
  return typeof markup !== 'string' || /shadowrootmode/i.test(markup);
}

/** The open shadow hosts among the elements each query finds below `top`, and below them in the roots found. */
function hostsAmong(top: ParentNode, queries: readonly string[]): Element[] {
  const hosts: Element[] = [];
  // A stack, not recursion: a page may nest roots deeper than the call stack goes.
  const scopes: ParentNode[] = [top];
  for (let scope = scopes.pop(); scope !== undefined; scope = scopes.pop()) {
    for (const query of queries) {
      for (const element of scope.querySelectorAll(query)) {
        if (element.shadowRoot === null) continue;
        hosts.push(element);
        scopes.push(element.shadowRoot);
      }
    }
  }
  return hosts;
}

/** Elements asked in one slice: all of a page of 80,000 took 22–30 ms in one task in the page's world (Chromium 156). */
const elementsPerSlice = 1_024;

export type NoteDeclarativeHostsOfParsedPageParameters = DeclarativeHostsOfParsedPageParameters & {
  note: (host: Element) => void;
  /** Runs the next slice in a task of its own. */
  later: (next: () => void) => void;
};

/** Notes the hosts declarativeHostsOfParsedPage finds and, where custom elements hold one, every other open host, in slices. */
export function noteDeclarativeHostsOfParsedPage({ document, definedNames, note, later }: NoteDeclarativeHostsOfParsedPageParameters): void {
  const hosts = declarativeHostsOfParsedPage({ document, definedNames });
  hosts.forEach((host) => note(host));
  // Past that many names every element was asked already.
  if (hosts.length > 0 && definedNames.length <= namesQueriedOneByOne) noteEveryOpenHostInSlices({ document, note, later });
}

/**
 * Notes the host of every open shadow root in `document`, and of those
 * nested in them, asking its elements a slice at a time. The page's live
 * list of elements is read by index, so a page changing between slices
 * makes the walk skip or repeat an element, never stop short; a root
 * attached meanwhile is the attachShadow wrapper's to see.
 */
function noteEveryOpenHostInSlices({ document, note, later }: Pick<NoteDeclarativeHostsOfParsedPageParameters, 'document' | 'note' | 'later'>): void {
  const elements = document.getElementsByTagName('*');
  let next = 0;
  const slice = (): void => {
    // Read one by one, never `length`: counting a live list's elements walks them all (6–10 ms at 80,000).
    for (const end = next + elementsPerSlice; next < end; next++) {
      const element = elements[next];
      if (element === undefined) return;
      const root = element.shadowRoot;
      if (root === null) continue;
      note(root.host);
      for (const inner of openShadowRootsBelow(root)) note(inner.host);
    }
    later(slice);
  };
  // Not in the task of the search before: that one already asked for a query over the whole page.
  later(slice);
}
