import type { Page } from 'playwright-core';
import type { VerdictState } from '../lib/verdict/states';
import { waitForAllAnswered, waitForBadgeShowing } from '../test/badge-states';

/** The states a reader meets on the demo page, in the order the README shows them: the good news first. */
const shownStates: readonly VerdictState[] = ['verified', 'untrusted', 'pending', 'unavailable', 'altered', 'invalid', 'malformed'];
const themes = ['light', 'dark'] as const;
/** The browser zooms a reader may use: at 400 % a 1280 by 900 window is 320 by 225 CSS pixels (WCAG 1.4.10). */
const zooms = [1, 2, 4] as const;
const windowSize = { width: 1280, height: 900 };

export type StateMatrixImage = { name: string; png: Buffer };

/**
 * Each state's badge with its card open, on the demo page in its light and
 * dark colour schemes, at 100, 200 and 400 % zoom: one contact sheet per
 * scheme and zoom. Zoom is emulated by its layout, the smaller CSS viewport
 * a zoomed window has (a quarter of the width at 400 %), so the page and the card
 * reflow as they would for the reader (drawn here at one device pixel per CSS pixel).
 */
export async function takeStateMatrix(page: Page): Promise<StateMatrixImage[]> {
  const images: StateMatrixImage[] = [];
  const badges = await page.locator('verity-badge').count();
  try {
    for (const theme of themes) {
      // Badges take the page's colours when they go in: the page is loaded again in each scheme.
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize(windowSize);
      await page.reload();
      await waitForAllAnswered(page, badges, 90_000);
      for (const zoom of zooms) {
        // The contact sheet's tab was in front: a press on a page behind it would only bring it forward.
        await page.bringToFront();
        await page.setViewportSize({ width: windowSize.width / zoom, height: windowSize.height / zoom });
        const shots: { state: VerdictState; png: Buffer; width: number }[] = [];
        for (const state of shownStates) {
          const shot = await badgeWithCard(page, state).catch((error: unknown) => {
            throw new Error(`No card for the ${state} badge (${theme}, ${zoom * 100} %)`, { cause: error });
          });
          shots.push({ state, ...shot });
        }
        images.push({ name: `states-${theme}-${zoom * 100}.png`, png: await contactSheet(page, shots, `${theme === 'light' ? 'Light' : 'Dark'} page, ${zoom * 100} % zoom`) });
      }
    }
  } finally {
    await page.setViewportSize(windowSize);
    await page.emulateMedia({ colorScheme: null });
  }
  return images;
}

/** The first badge in `state`, pressed so its card stays open, with the snippet and the card around it; its width in CSS pixels. */
async function badgeWithCard(page: Page, state: VerdictState): Promise<{ png: Buffer; width: number }> {
  const badge = await waitForBadgeShowing(page, state, { scope: `figure.case[data-expected-state="${state}"]` });
  // A third of the way down the window, with room for the card below or above.
  await badge.evaluate((host) => window.scrollBy(0, Math.round(host.getBoundingClientRect().top - innerHeight / 3)));
  // A press where the badge is: at 400 % the opening card moves under the pointer, which a locator's click would wait out.
  const at = (await badge.boundingBox())!;
  await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
  const card = page.locator('verity-card[data-open]');
  await card.waitFor({ state: 'visible' });
  await page.waitForTimeout(300); // the card's fade-in
  const boxes = [await badge.locator('xpath=ancestor::figure[1]').boundingBox(), await card.boundingBox()];
  const viewport = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  const margin = 12;
  const left = Math.max(0, Math.min(...boxes.map((box) => box!.x)) - margin);
  const top = Math.max(0, Math.min(...boxes.map((box) => box!.y)) - margin);
  const right = Math.min(viewport.width, Math.max(...boxes.map((box) => box!.x + box!.width)) + margin);
  const bottom = Math.min(viewport.height, Math.max(...boxes.map((box) => box!.y + box!.height)) + margin);
  const png = await page.screenshot({ clip: { x: left, y: top, width: right - left, height: bottom - top } });
  // The pointer off the badge first: where the card covered it, the badge under the pointer would preview it again.
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'hidden' });
  return { png, width: right - left };
}

/** The shots side by side, each at its CSS size, under a title: drawn as a page in a tab of its own and captured whole. */
async function contactSheet(page: Page, shots: { state: VerdictState; png: Buffer; width: number }[], title: string): Promise<Buffer> {
  const sheet = await page.context().newPage();
  try {
    await sheet.setViewportSize({ width: 1400, height: 800 });
    const figures = shots
      .map(
        ({ state, png, width }) =>
          `<figure><img alt="" style="width:${Math.round(width)}px" src="data:image/png;base64,${png.toString('base64')}"><figcaption>${state}</figcaption></figure>`,
      )
      .join('');
    await sheet.setContent(`<!doctype html><meta charset="utf-8"><style>
body { margin: 16px; font: 14px/1.4 system-ui, sans-serif; background: #e2e8f0; color: #0f172a; }
h1 { font-size: 16px; margin: 0 0 12px; }
main { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
figure { margin: 0; background: white; padding: 6px; border-radius: 6px; box-shadow: 0 1px 2px rgb(0 0 0 / 0.15); }
img { display: block; }
figcaption { margin-top: 4px; font-weight: 600; }
</style><h1>${title}</h1><main>${figures}</main>`);
    await sheet.evaluate(() => Promise.all([...document.images].map((image) => image.decode())));
    return await sheet.screenshot({ fullPage: true });
  } finally {
    await sheet.close();
  }
}
