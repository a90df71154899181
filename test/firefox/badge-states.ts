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
  value?: { nodeType?: number; nodeValue?: string; localName?: string; attributes?: Record<string, string>; children?: SerializedNode[]; shadowRoot?: SerializedNode | null };
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

/** The hosts `pageFunction` returns (run in the page with `arg`), serialized `depth` nodes deep with their shadow trees, closed ones too. */
async function serializedHosts(target: Page | Frame, pageFunction: (arg: string) => Element[], arg: string, depth: number): Promise<SerializedNode[]> {
  const answer = await realmOf(target).callFunction(pageFunction.toString(), true, {
    arguments: [{ type: 'string', value: arg }],
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: depth },
    resultOwnership: 'none',
  });
  if (answer.type === 'exception') throw new Error(`Reading badges failed: ${answer.exceptionDetails.text}`);
  return answer.result.value ?? [];
}

/** The states of the badge hosts `pageFunction` returns (run in the page with `arg`); null for a host without a pill. */
export async function statesOfBadges(target: Page | Frame, pageFunction: (arg: string) => Element[], arg = ''): Promise<(string | null)[]> {
  // Host, shadow root, pill.
  return (await serializedHosts(target, pageFunction, arg, 2)).map((host) => {
    const children = host.value?.shadowRoot?.value?.children ?? [];
    return children.map((child) => child.value?.attributes?.['data-state']).find((state) => state !== undefined) ?? null;
  });
}

/** The words of each host `pageFunction` returns, its closed shadow tree's included (a card's): its text nodes, one a line. */
export async function wordsOfHosts(target: Page | Frame, pageFunction: (arg: string) => Element[], arg = ''): Promise<string[]> {
  return (await serializedHosts(target, pageFunction, arg, 30)).map((host) => textNodesOf(host).join('\n'));
}

const textNode = 3;

function textNodesOf(node: SerializedNode | null | undefined): string[] {
  const value = node?.value;
  if (value === undefined || value.localName === 'style') return [];
  if (value.nodeType === textNode) return value.nodeValue?.trim() ? [value.nodeValue] : [];
  return [value.shadowRoot, ...(value.children ?? [])].flatMap(textNodesOf);
}

/** The states of the badges in the target's document, in document order; or of those inside the elements `scope` matches. */
export function badgeStatesIn(target: Page | Frame, scope = ''): Promise<(string | null)[]> {
  return statesOfBadges(target, (scope) => [...document.querySelectorAll(`${scope} verity-badge`)], scope);
}
