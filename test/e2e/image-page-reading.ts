import type { CDPSession, Page } from 'playwright-core';
import { accessibilityNodes, dialogAsRead } from './accessibility-tree';

/** Reading the image badges and their card on the test page of test/fixtures/c2pa-image-page.ts, from outside. */

/** The names of the buttons and the words of the dialog named "Verity: …", as assistive technology reads them (the badges are in closed shadow roots). */
export async function accessibleWords(cdp: CDPSession): Promise<{ buttons: string[]; dialog: string | undefined }> {
  const buttons = (await accessibilityNodes(cdp)).filter((node) => node.role?.value === 'button').map((node) => node.name?.value ?? '');
  const dialog = await dialogAsRead(cdp, (name) => name.startsWith('Verity: '));
  return { buttons, dialog: dialog?.text };
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
