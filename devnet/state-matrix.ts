import type { Page } from 'playwright-core';
import type { VerdictState } from '../lib/verdict/states';
import { waitForAllAnswered, waitForBadgeShowing } from '../test/badge-states';
import { articleSnippetAttribute } from './article/article-element';
import type { ArticleSnippet } from './article/article-snippets';

/** The states a reader meets on the article, in the order the README shows them: the good news first. */
const shownStates: readonly VerdictState[] = ['verified', 'untrusted', 'pending', 'unavailable', 'altered', 'invalid', 'malformed'];
const themes = ['light', 'dark'] as const;
type Theme = (typeof themes)[number];
/** The browser zooms a reader may use: at 400 % a 1280 by 900 window is 320 by 225 CSS pixels (WCAG 1.4.10). */
const zooms = [1, 2, 4] as const;
const windowSize = { width: 1280, height: 900 };

export type StateMatrixImage = { name: string; png: Buffer };

/** What a caller checks while a card is open, before it is drawn (the tests read its words). */
export type WhileCardOpen = (shown: { state: VerdictState; theme: Theme; zoom: number }) => Promise<void>;

type Shot = { theme: Theme; zoom: number; png: Buffer; width: number };

/**
 * Each state's badge with its card open, on the article page (`page`, every
 * badge answered) in its light and dark colour schemes, at 100, 200 and
 * 400 % zoom: one contact sheet per state, `states-STATE.png`. The badge is
 * that of the first article snippet expecting the state. Zoom is emulated by
 * its layout, the smaller CSS viewport a zoomed window has (a quarter of the
 * width at 400 %), so the page and the card reflow as they would for the
 * reader (drawn here at one device pixel per CSS pixel). `whileOpen` runs
 * with each card open, before it is drawn.
 */
export async function takeStateMatrix(page: Page, snippets: readonly ArticleSnippet[], whileOpen?: WhileCardOpen): Promise<StateMatrixImage[]> {
  const snippetOf = new Map(shownStates.map((state) => [state, snippets.find(({ expectedState }) => expectedState === state)?.id]));
  const shots = new Map<VerdictState, Shot[]>(shownStates.map((state) => [state, []]));
  const badges = await page.locator('verity-badge').count();
  try {
    for (const theme of themes) {
      // Reduced motion: the card opens without its fade, so it is drawn at once.
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await page.setViewportSize(windowSize);
      // Badges follow the page's colours as they change: wait until every one has.
      await waitForAllAnswered(page, badges, 90_000);
      await page.waitForFunction((theme) => [...document.querySelectorAll<HTMLElement>('verity-badge')].every((badge) => badge.dataset.theme === theme), theme);
      for (const zoom of zooms) {
        // The contact sheet's tab was in front: a press on a page behind it would only bring it forward.
        await page.bringToFront();
        await page.setViewportSize({ width: windowSize.width / zoom, height: windowSize.height / zoom });
        for (const state of shownStates) {
          const id = snippetOf.get(state);
          if (id === undefined) throw new Error(`The article has no snippet expecting ${state}`);
          const shot = await badgeWithCard(page, state, `[${articleSnippetAttribute}="${id}"]`, () => whileOpen?.({ state, theme, zoom })).catch((error: unknown) => {
            throw new Error(`No card for the ${state} badge (${theme}, ${zoom * 100} %)`, { cause: error });
          });
          shots.get(state)!.push({ theme, zoom, ...shot });
        }
      }
    }
  } finally {
    await page.setViewportSize(windowSize);
    await page.emulateMedia({ colorScheme: null, reducedMotion: null });
  }
  const images: StateMatrixImage[] = [];
  for (const state of shownStates) images.push({ name: `states-${state}.png`, png: await contactSheet(page, shots.get(state)!, state) });
  return images;
}

/** The badge in `state` inside `snippet`, pressed so its card stays open, with the snippet and the card around it; its width in CSS pixels. */
async function badgeWithCard(page: Page, state: VerdictState, snippet: string, whileOpen: () => Promise<void> | undefined): Promise<{ png: Buffer; width: number }> {
  const badge = await waitForBadgeShowing(page, state, { scope: snippet });
  // A third of the way down the window, with room for the card below or above; then out from under the page's sticky header, as a reader would scroll it.
  await badge.evaluate((host) => {
    window.scrollBy(0, Math.round(host.getBoundingClientRect().top - innerHeight / 3));
    for (let tries = 0; tries < 5; tries++) {
      const box = host.getBoundingClientRect();
      const cover = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (cover === null || cover === host) return;
      window.scrollBy(0, Math.round(box.top - cover.getBoundingClientRect().bottom - 8));
    }
  });
  // A press where the badge is: at 400 % the opening card moves under the pointer, which a locator's click would wait out.
  const at = (await badge.boundingBox())!;
  await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
  const card = page.locator('verity-card[data-open]');
  await card.waitFor({ state: 'visible' });
  await whileOpen();
  const boxes = [await page.locator(snippet).boundingBox(), await card.boundingBox()];
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

/** One state's shots, a row per theme and a column per zoom, each at its CSS size: drawn as a page in a tab of its own and captured whole. */
async function contactSheet(page: Page, shots: readonly Shot[], state: VerdictState): Promise<Buffer> {
  const sheet = await page.context().newPage();
  try {
    await sheet.setViewportSize({ width: 1200, height: 800 });
    const row = (theme: Theme) =>
      shots
        .filter((shot) => shot.theme === theme)
        .map(
          ({ zoom, png, width }) =>
            `<figure><figcaption>${theme === 'light' ? 'Light' : 'Dark'} page, ${zoom * 100} %</figcaption><img alt="" style="width:${Math.round(width)}px" src="data:image/png;base64,${png.toString('base64')}"></figure>`,
        )
        .join('');
    await sheet.setContent(`<!doctype html><meta charset="utf-8"><style>
body { margin: 16px; font: 14px/1.4 system-ui, sans-serif; background: #e2e8f0; color: #0f172a; width: max-content; }
h1 { font-size: 16px; margin: 0 0 12px; }
main { display: grid; grid-template-columns: repeat(${zooms.length}, max-content); gap: 16px; align-items: start; }
figure { margin: 0; background: white; padding: 6px; border-radius: 6px; box-shadow: 0 1px 2px rgb(0 0 0 / 0.15); }
img { display: block; }
figcaption { margin-bottom: 4px; font-weight: 600; }
</style><h1>The ${state} badge and its card on the article page</h1><main>${row('light')}${row('dark')}</main>`);
    await sheet.evaluate(() => Promise.all([...document.images].map((image) => image.decode())));
    return await sheet.screenshot({ fullPage: true });
  } finally {
    await sheet.close();
  }
}
