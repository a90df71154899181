import type { CDPSession, Page } from 'playwright-core';
import { badgeStatesById } from '../badge-states';
import { accessibilityNodes, dialogAsRead } from './accessibility-tree';

/** Reading the image badges and their card on the test page of test/fixtures/c2pa-image-page.ts, from outside. */

/** The names of the buttons and the words of the dialog named "Verity: …", as assistive technology reads them (the badges are in closed shadow roots). */
export async function accessibleWords(cdp: CDPSession): Promise<{ buttons: string[]; dialog: string | undefined }> {
  const buttons = (await accessibilityNodes(cdp)).filter((node) => node.role?.value === 'button').map((node) => node.name?.value ?? '');
  const dialog = await dialogAsRead(cdp, (name) => name.startsWith('Verity: '));
  return { buttons, dialog: dialog?.text };
}

/** The state of the image badge beside each figure's image; absent where there is none. */
export async function badgeStates(page: Page): Promise<Record<string, string | undefined>> {
  const named = await page.evaluate(() =>
    [...document.querySelectorAll('figure')].map((figure) => {
      // A badge follows its image, or the image's <picture>.
      const image = figure.querySelector('img');
      const next = (image?.parentElement?.localName === 'picture' ? image.parentElement : image)?.nextElementSibling;
      return [figure.dataset.name!, next?.localName === 'verity-badge' ? next.getAttribute('data-verity-image') : null] as const;
    }),
  );
  const states = await badgeStatesById(page);
  return Object.fromEntries(named.map(([name, id]) => [name, id === null ? undefined : states.get(id)]));
}

/** The state of the image badge beside the first image inside `selector`'s open shadow root; undefined while there is none. */
export async function shadowImageBadgeState(page: Page, selector: string): Promise<string | undefined> {
  const id = await page.evaluate((selector) => document.querySelector(selector)!.shadowRoot!.querySelector('img')!.nextElementSibling?.getAttribute('data-verity-image'), selector);
  return id == null ? undefined : (await badgeStatesById(page)).get(id);
}
