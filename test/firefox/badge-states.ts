import type { Frame, Page } from 'puppeteer-core';

/**
 * Badge states as the Firefox tests read them: WebDriver BiDi serializes
 * the badge hosts with every shadow tree (`includeShadowTree: 'all'`),
 * closed ones included, which the page's own scripts cannot see into. The
 * pill inside holds the state. Chromium's reader is test/badge-states.ts.
 */

/** A node as WebDriver BiDi serializes it (script.NodeRemoteValue), as far as read here. */
type SerializedNode = {
  type: 'node';
  value?: { localName?: string; attributes?: Record<string, string>; children?: SerializedNode[]; shadowRoot?: SerializedNode | null };
};

/** The core realm puppeteer's BiDi frame evaluates in: it sends script.callFunction with the options given. */
type BidiRealm = {
  callFunction(
    functionDeclaration: string,
    awaitPromise: boolean,
    options: { arguments?: { type: 'string'; value: string }[]; serializationOptions?: Record<string, unknown>; resultOwnership?: 'none' },
  ): Promise<{ type: 'success'; result: { type: string; value?: SerializedNode[] } } | { type: 'exception'; exceptionDetails: { text: string } }>;
};

function realmOf(target: Page | Frame): BidiRealm {
  const frame = ('mainFrame' in target ? target.mainFrame() : target) as unknown as { mainRealm(): { realm: BidiRealm } };
  return frame.mainRealm().realm;
}

/** The states of the badge hosts `pageFunction` returns (run in the page with `arg`); null for a host without a pill. */
export async function statesOfBadges(target: Page | Frame, pageFunction: (arg: string) => Element[], arg = ''): Promise<(string | null)[]> {
  const answer = await realmOf(target).callFunction(pageFunction.toString(), true, {
    arguments: [{ type: 'string', value: arg }],
    // Host, shadow root, pill.
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 2 },
    resultOwnership: 'none',
  });
  if (answer.type === 'exception') throw new Error(`Reading badges failed: ${answer.exceptionDetails.text}`);
  return (answer.result.value ?? []).map((host) => {
    const children = host.value?.shadowRoot?.value?.children ?? [];
    return children.map((child) => child.value?.attributes?.['data-state']).find((state) => state !== undefined) ?? null;
  });
}

/** The states of the badges in the target's document, in document order; or of those inside the elements `scope` matches. */
export function badgeStatesIn(target: Page | Frame, scope = ''): Promise<(string | null)[]> {
  return statesOfBadges(target, (scope) => [...document.querySelectorAll(`${scope} verity-badge`)], scope);
}
