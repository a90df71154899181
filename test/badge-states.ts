import type { CDPSession, Frame, Locator, Page } from 'playwright-core';

/**
 * Badge states as the tests read them in Chromium: from inside the badges'
 * closed shadow roots, through the DevTools protocol, where the page's own
 * scripts cannot look. A badge host shows the page only its proof's id
 * (`data-verity-proof`); the pill inside the closed root holds the state.
 * Firefox's reader is test/firefox/badge-states.ts.
 */

/** Where badges are read: a page, or one of its frames. */
export type BadgeTarget = Page | Frame;

/** A node of `DOM.getDocument` with `pierce`: closed shadow roots and frames' documents included. */
type DomNode = {
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
  documentURL?: string;
};

/** A protocol session, and whether it is the frame's own (its document the tree's root). */
type Session = { session: CDPSession; own: boolean };

const sessions = new WeakMap<Page | Frame, Promise<Session>>();

const isPage = (target: BadgeTarget): target is Page => 'mainFrame' in target;

/** The target's protocol session: a page's, or a cross-site frame's in a process of its own; other frames share their page's. */
function sessionOf(target: BadgeTarget): Promise<Session> {
  let session = sessions.get(target);
  if (session === undefined) {
    session = isPage(target)
      ? target.context().newCDPSession(target).then((session) => ({ session, own: true }))
      : target.page().context().newCDPSession(target).then(
          (session) => ({ session, own: true }),
          async () => ({ session: (await sessionOf(target.page())).session, own: false }),
        );
    sessions.set(target, session);
  }
  return session;
}

/** The state each badge shows, by its proof's id (an image badge's by its own name), in the target's document (and, for a page, its frames in the same process). */
export async function badgeStatesById(target: BadgeTarget): Promise<Map<string, string>> {
  const { session, own } = await sessionOf(target);
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const states = new Map<string, string>();
  // A frame that shares its page's process is found in the page's tree by its address.
  const documents = own ? [root] : documentsAt(root, target.url());
  for (const document of documents) collect(document, states);
  return states;
}

/** The states of the badges whose ids `ids` lists, in its order; null for one not (or no longer) in the page. */
export async function statesOfIds(target: BadgeTarget, ids: readonly (string | null | undefined)[]): Promise<(string | null)[]> {
  const states = await badgeStatesById(target);
  return ids.map((id) => (id == null ? null : (states.get(id) ?? null)));
}

/** The states of the badge hosts `pageFunction` returns (run in the page with `arg`); null for one not (or no longer) in the page. */
export async function statesOfBadges(target: BadgeTarget, pageFunction: (arg: string) => Element[], arg = ''): Promise<(string | null)[]> {
  const hosts = await target.evaluateHandle(pageFunction, arg);
  const ids = await hosts.evaluate((hosts) => hosts.map((host) => host.getAttribute('data-verity-proof') ?? host.getAttribute('data-verity-image')));
  await hosts.dispose();
  return statesOfIds(target, ids);
}

/** The states of the badges in the target's document, in document order; or of those inside the elements `scope` matches. */
export function badgeStatesIn(target: BadgeTarget, scope = ''): Promise<(string | null)[]> {
  return statesOfBadges(target, (scope) => [...document.querySelectorAll(`${scope} verity-badge`)], scope);
}

/** Each element `scope` matches, with the states of the badges inside it. */
export async function badgeStatesPer(target: BadgeTarget, scope: string): Promise<(string | null)[][]> {
  const groups = await target.evaluate(
    (scope) => [...document.querySelectorAll(scope)].map((element) => [...element.querySelectorAll('verity-badge')].map((badge) => badge.getAttribute('data-verity-proof'))),
    scope,
  );
  const states = await badgeStatesById(target);
  return groups.map((ids) => ids.map((id) => (id === null ? null : (states.get(id) ?? null))));
}

/** The first badge (inside `scope`, when given) showing `state`, as a locator; undefined while there is none. */
export async function badgeShowing(page: Page, state: string, scope = ''): Promise<Locator | undefined> {
  const ids = await page.evaluate((scope) => [...document.querySelectorAll(`${scope} verity-badge`)].map((badge) => badge.getAttribute('data-verity-proof')), scope);
  const states = await statesOfIds(page, ids);
  const id = ids[states.indexOf(state)];
  return id == null ? undefined : page.locator(`verity-badge[data-verity-proof="${id}"]`);
}

/** Polls until a badge shows `state` (see badgeShowing). */
export async function waitForBadgeShowing(page: Page, state: string, { scope = '', timeout = 30_000 } = {}): Promise<Locator> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const badge = await badgeShowing(page, state, scope);
    if (badge !== undefined) return badge;
    if (Date.now() > deadline) throw new Error(`No badge${scope === '' ? '' : ` in ${scope}`} showed "${state}" within ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}

/** Polls until the page has at least `count` badges and none is still checking. */
export async function waitForAllAnswered(target: BadgeTarget, count: number, timeout = 60_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const states = await badgeStatesIn(target);
    if (states.length >= count && states.every((state) => state !== null && state !== 'checking')) return;
    if (Date.now() > deadline) throw new Error(`${states.length} of ${count} badges, not all answered, after ${timeout} ms: ${states.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function documentsAt(node: DomNode, url: string): DomNode[] {
  const found = node.documentURL === url ? [node] : [];
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) found.push(...documentsAt(child, url));
  return found;
}

/** Every badge host under `node`, its own document's and its open or closed shadow roots', not its frames'. */
function collect(node: DomNode, states: Map<string, string>): void {
  // A text badge is named by its proof's id, an image badge by an opaque name of its own.
  const id = attribute(node, 'data-verity-proof') ?? attribute(node, 'data-verity-image');
  if (id !== undefined && node.nodeName === 'VERITY-BADGE') {
    const state = node.shadowRoots?.flatMap((root) => root.children ?? []).map((child) => attribute(child, 'data-state')).find((state) => state !== undefined);
    if (state !== undefined) states.set(id, state);
  }
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) collect(child, states);
}

function attribute(node: DomNode, name: string): string | undefined {
  const at = node.attributes?.findIndex((value, index) => index % 2 === 0 && value === name) ?? -1;
  return at === -1 ? undefined : node.attributes![at + 1];
}
