import type { CDPSession } from 'playwright-core';

/** A node of Chromium's accessibility tree, as CDP gives it. */
export type AxNode = {
  nodeId: string;
  backendDOMNodeId?: number;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
  properties?: { name: string; value: { value: unknown } }[];
};

/** The whole tree of the session's page; like a screen reader, it sees into closed shadow roots. */
export async function accessibilityNodes(cdp: CDPSession): Promise<AxNode[]> {
  return ((await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AxNode[] }).nodes;
}

/** The name of the focused button, as a screen reader says it; undefined when focus is on no button. */
export async function focusedButtonName(cdp: CDPSession): Promise<string | undefined> {
  const focused = (await accessibilityNodes(cdp)).find(
    (node) => node.role?.value === 'button' && node.properties?.some(({ name, value }) => name === 'focused' && value.value === true),
  );
  return focused?.name?.value;
}

/** The first dialog whose name passes `named`, with its words as assistive technology reads them; undefined when there is none. */
export async function dialogAsRead(cdp: CDPSession, named: (name: string) => boolean): Promise<{ dialog: AxNode; text: string } | undefined> {
  const nodes = await accessibilityNodes(cdp);
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const dialog = nodes.find((node) => node.role?.value === 'dialog' && named(node.name?.value ?? ''));
  if (dialog === undefined) return undefined;
  const words: string[] = [];
  const walk = (node: AxNode): void => {
    if (node.role?.value === 'StaticText' && node.name?.value) words.push(node.name.value);
    for (const child of node.childIds ?? []) walk(byId.get(child)!);
  };
  walk(dialog);
  return { dialog, text: words.join(' ') };
}
