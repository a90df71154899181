import type { Page } from 'playwright-core';
import { badgeStatesIn, statesOfIds, waitForAllAnswered, waitForBadgeShowing } from '../test/badge-states';
import type { ArticleSnippet } from './article/article-snippets';
import { articleBadges } from './article/article-badges';
import type { VerdictRow } from './verdict-table';

export type ArticleVerdictsParameters = { page: Page; snippets: readonly ArticleSnippet[]; timeoutMs: number };

/** The article's snippets in page order, each badge's state beside the expected one, once none is still checking. */
export async function articleVerdicts({ page, snippets, timeoutMs }: ArticleVerdictsParameters): Promise<VerdictRow[]> {
  console.log(`\nWaiting for the extension's verdicts on the article's ${snippets.length} snippets…`);
  await waitForAllAnswered(page, snippets.length, timeoutMs).catch(async () => {
    const states = await badgeStatesIn(page);
    throw new Error(`After ${timeoutMs / 1000} s the article had ${states.length} of ${snippets.length} badges: ${states.join(', ')}`);
  });
  const badges = await articleBadges(page);
  const states = await statesOfIds(page, badges.map(({ proof }) => proof));
  const expected = new Map(snippets.map(({ id, expectedState }) => [id, expectedState]));
  return badges.map(({ id, excerpt }, index) => ({ index: index + 1, state: states[index] ?? 'no badge', expected: expected.get(id as ArticleSnippet['id']) ?? '?', excerpt }));
}

/** Saves a screenshot through `npm start`'s saver, by file name. */
export type SaveScreenshot = (name: string, take: (path: string) => Promise<unknown>) => Promise<void>;

/** The whole article with its badges, then the headline's badge with its card open. */
export async function saveArticleScreenshots(page: Page, save: SaveScreenshot): Promise<void> {
  await page.bringToFront();
  await page.evaluate(() => window.scrollTo(0, 0));
  await save('article-page.png', (path) => page.screenshot({ path, fullPage: true }));
  const badge = await waitForBadgeShowing(page, 'verified', { scope: 'h1' });
  await badge.hover();
  const card = page.locator('verity-card').first();
  await card.waitFor({ state: 'visible' });
  await page.waitForTimeout(400); // the card's fade-in
  await save('article-card.png', (path) => page.screenshot({ path }));
  await page.mouse.move(0, 0);
}
