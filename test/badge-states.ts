import type { CDPSession, Frame, Locator, Page } from 'playwright-core';

/**
 * Badge states as the tests read them in Chromium: from inside the badges'
 * closed shadow roots, by the DevTools protocol in the content script's
 * world, where the page's own scripts cannot look. A badge host shows the
 * page only its proof's id (`data-verity-proof`); the pill inside the
 * closed root holds the state.
 * Firefox's reader is test/firefox/badge-states.ts.
 */

/** Where badges are read: a page, or one of its frames. */
export type BadgeTarget = Page | Frame;

/** A protocol session, with the execution contexts of the extension's content-script world in each of its frames. */
type Session = { session: CDPSession; own: boolean; worlds: Map<number, string> };

const sessions = new WeakMap<Page | Frame, Promise<Session>>();

const isPage = (target: BadgeTarget): target is Page => 'mainFrame' in target;

type ExecutionContext = { id: number; origin: string; auxData?: { type?: string; frameId?: string } };

/** Follows the session's content-script worlds of extensions, by frame: the badges' closed roots are open to them through `chrome.dom`. */
async function watchWorlds(session: CDPSession, own: boolean): Promise<Session> {
  const worlds = new Map<number, string>();
  session.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => {
    if (context.auxData?.type === 'isolated' && context.origin.startsWith('chrome-extension://') && context.auxData.frameId) worlds.set(context.id, context.auxData.frameId);
  });
  session.on('Runtime.executionContextDestroyed', ({ executionContextId }: { executionContextId: number }) => void worlds.delete(executionContextId));
  session.on('Runtime.executionContextsCleared', () => worlds.clear());
  await session.send('Runtime.enable');
  return { session, own, worlds };
}

/** The target's protocol session: a page's, or a cross-site frame's in a process of its own; other frames share their page's. */
function sessionOf(target: BadgeTarget): Promise<Session> {
  let session = sessions.get(target);
  if (session === undefined) {
    session = isPage(target)
      ? target.context().newCDPSession(target).then((session) => watchWorlds(session, true))
      : target.page().context().newCDPSession(target).then(
          (session) => watchWorlds(session, true),
          async () => ({ ...(await sessionOf(target.page())), own: false }),
        );
    sessions.set(target, session);
  }
  return session;
}

type FrameTree = { frame: { id: string; url: string; name?: string }; childFrames?: FrameTree[] };

/**
 * The ids of the frames the target's badges are read in: the session's own document, or the same-process frames at
 * the target's address and of its name (srcdoc frames share their address: a page that holds several names them).
 */
function framesOf(tree: FrameTree, target: BadgeTarget, own: boolean): string[] {
  if (own) return [tree.frame.id];
  const found = tree.frame.url === target.url() && (tree.frame.name ?? '') === (target as Frame).name() ? [tree.frame.id] : [];
  for (const child of tree.childFrames ?? []) found.push(...framesOf(child, target, false));
  return found;
}

/**
 * Every badge host in the document and in its open or closed shadow roots
 * (not its frames'), with its name and the state its closed root shows.
 * Runs in the content script's world, where `chrome.dom` opens closed
 * roots. A read costs the page's main thread a few milliseconds (23 ms for
 * a pierced `DOM.getDocument` of the demo page), so polling it does not keep
 * the page from counting as idle, which Chromium waits for before
 * storage.managed answers (docs/protocol.md §13).
 */
const readBadges = `(() => {
  const found = [];
  const visit = (root) => {
    for (const element of root.querySelectorAll('*')) {
      // It takes HTML elements only (an SVG icon's element throws).
      const shadow = element instanceof HTMLElement ? chrome.dom.openOrClosedShadowRoot(element) : null;
      if (element.localName !== 'verity-badge') { if (shadow) visit(shadow); continue; }
      const id = element.getAttribute('data-verity-proof') ?? element.getAttribute('data-verity-image');
      const state = shadow && [...shadow.children].find((child) => child.hasAttribute('data-state'))?.getAttribute('data-state');
      if (id !== null && state) found.push([id, state]);
    }
  };
  visit(document);
  return found;
})()`;

/** The state each badge shows, by its proof's id (an image badge's by its own name), in the target's document; empty before the content script runs there. */
export async function badgeStatesById(target: BadgeTarget): Promise<Map<string, string>> {
  const { session, own, worlds } = await sessionOf(target);
  const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: FrameTree };
  const frames = new Set(framesOf(frameTree, target, own));
  const states = new Map<string, string>();
  for (const [contextId, frameId] of worlds) {
    if (!frames.has(frameId)) continue;
    // A world that went with its document between the listing and the call has no badges left.
    const answer = await session.send('Runtime.evaluate', { contextId, expression: readBadges, returnByValue: true }).catch(() => undefined);
    if (answer === undefined) continue;
    const { result, exceptionDetails } = answer;
    if (exceptionDetails !== undefined) throw new Error(`Reading the badges failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    for (const [id, state] of result.value as [string, string][]) states.set(id, state);
  }
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
