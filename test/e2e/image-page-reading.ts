import type { CDPSession, Page } from 'playwright-core';

/** Reading the image badges and their card on the test page of test/fixtures/c2pa-image-page.ts, from outside. */

type AxNode = { nodeId: string; role?: { value: string }; name?: { value: string }; childIds?: string[] };

/** The names of the buttons and the words of the dialog named "Verity: …", as assistive technology reads them (the badges are in closed shadow roots). */
export async function accessibleWords(cdp: CDPSession): Promise<{ buttons: string[]; dialog: string | undefined }> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AxNode[] };
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const buttons = nodes.filter((node) => node.role?.value === 'button').map((node) => node.name?.value ?? '');
  const dialogNode = nodes.find((node) => node.role?.value === 'dialog' && node.name?.value.startsWith('Verity: '));
  if (dialogNode === undefined) return { buttons, dialog: undefined };
  const words: string[] = [];
  const walk = (node: AxNode): void => {
    if (node.role?.value === 'StaticText' && node.name?.value) words.push(node.name.value);
    for (const child of node.childIds ?? []) walk(byId.get(child)!);
  };
  walk(dialogNode);
  return { buttons, dialog: words.join(' ') };
}

/** The state of the image badge beside each figure's image; absent where there is none. */
export const badgeStates = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('figure')].map((figure) => {
        const next = figure.querySelector('img')?.nextElementSibling;
        return [figure.dataset.name, next?.localName === 'verity-badge' ? next.getAttribute('data-state') : undefined];
      }),
    ),
  );
