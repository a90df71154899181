import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as browserApi } from 'wxt/browser';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../devnet/extension-browser';
import type { StartDevnetReturnType } from '../../devnet/devnet';
import { historyKeys, type HistoryEntry } from '../../storage/history-types';
import { openDemoPage, openExtensionPage, screenshot, sendFrom, startDemoSession, stopDemoSession } from './demo-session';
import { expectNoAxeViolations } from './axe';

declare const chrome: typeof browserApi;

/**
 * The history page in Chromium: what the extension verified on the devnet's
 * demo page (and a pasted quote) is listed and searchable; it and its
 * retention setting survive closing the browser and starting it again on
 * the same profile; "Clear history" empties it.
 */

let devnet: StartDevnetReturnType;
let browser: ExtensionBrowser;
let profile: string;

beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), 'verity-history-profile-'));
  ({ devnet, browser } = await startDemoSession({ userDataDir: profile }));
}, 180_000);

afterAll(async () => {
  await stopDemoSession({ devnet, browser });
  if (profile) await rm(profile, { recursive: true, force: true });
});

async function storedEntries(): Promise<HistoryEntry[]> {
  const worker = await browser.serviceWorker();
  const stored = await worker.evaluate((key) => chrome.storage.local.get(key), historyKeys.entries);
  return (stored[historyKeys.entries] as HistoryEntry[] | undefined) ?? [];
}

async function openHistory(): Promise<Page> {
  const page = await openExtensionPage(browser, 'verity-history.html');
  await page.getByRole('heading', { name: 'Verity history', level: 1 }).waitFor({ timeout: 20_000 });
  return page;
}

const resultCount = (page: Page) => page.locator('[role="status"][aria-live="polite"]').textContent();
const entries = (page: Page) => page.getByRole('article');

describe('the history page in Chromium', () => {
  let total = 0;
  let pasted = '';

  it('lists what was verified on a page and a pasted quote, newest first, and finds entries as you type', async () => {
    const { tabId, state } = await openDemoPage({ devnet, browser });
    const helper = await openExtensionPage(browser);
    const verified = state.proofs.find((proof) => proof.verdict?.state === 'verified')!;
    pasted = verified.excerpt.split(/\s+/).slice(0, 6).join(' ');
    const answer = await sendFrom(helper, 'check-pasted', { input: pasted, tabId });
    expect(answer.kind).toBe('quote');

    // Every proof with a final verdict is recorded; pending ones once they settle.
    await expect.poll(async () => (await storedEntries()).filter(({ source }) => source === 'page').length, { timeout: 30_000 }).toBeGreaterThanOrEqual(
      state.proofs.filter((proof) => proof.verdict && proof.verdict.state !== 'pending').length,
    );
    await expect.poll(async () => (await storedEntries()).some(({ source }) => source === 'pasted')).toBe(true);

    const page = await openHistory();
    total = (await storedEntries()).length;
    await expect.poll(() => resultCount(page)).toBe(`${total} entries`);
    expect(await entries(page).count()).toBe(total);
    expect(await page.getByRole('heading', { level: 3 }).first().textContent()).toBe('Today');
    expect(await page.getByText('Stored only on this computer', { exact: false }).count()).toBe(1);

    const pastedRow = entries(page).filter({ hasText: 'Pasted' }).first();
    expect(await pastedRow.textContent()).toContain(pasted);

    // A stored proof can be verified again in the inspector's share view.
    const verifyAgain = entries(page).filter({ hasText: verified.excerpt.slice(0, 40) }).filter({ hasText: 'On a page' }).getByRole('link', { name: /^Verify again/ });
    expect(await verifyAgain.first().getAttribute('href')).toMatch(new RegExp(`^chrome-extension://${browser.extensionId}/inspector\\.html#share=v1\\.`));

    const search = page.getByRole('searchbox', { name: 'Search' });
    const word = verified.excerpt.split(/\s+/).find((each) => each.length > 6)!.replace(/[^\p{L}\p{N}-]/gu, '');
    await search.fill(word);
    await expect.poll(() => resultCount(page)).toMatch(new RegExp(`^\\d+ of ${total} entries match`));
    for (const text of await entries(page).allTextContents()) expect(text.toLowerCase()).toContain(word.toLowerCase());

    await search.fill('');
    await page.getByRole('combobox', { name: 'Verdict' }).selectOption('altered');
    await expect.poll(async () => (await entries(page).allTextContents()).every((text) => text.includes('Altered'))).toBe(true);
    expect(await entries(page).count()).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Verdict' }).selectOption('');
    await expect.poll(() => resultCount(page)).toBe(`${total} entries`);

    await page.getByRole('combobox', { name: 'Keep entries for' }).selectOption({ label: '1 year' });
    await expect
      .poll(async () => {
        const worker = await browser.serviceWorker();
        return (await worker.evaluate((key) => chrome.storage.local.get(key), historyKeys.settings))[historyKeys.settings];
      })
      .toEqual({ enabled: true, retentionDays: 365 });
    await screenshot(page, 'history', { fullPage: false });
    await expectNoAxeViolations(page, 'the history with entries');
  });

  it('keeps the entries and the retention across a browser restart, and clears them on request', async () => {
    await browser.close();
    browser = await launchExtensionBrowser({ userDataDir: profile });
    await browser.serviceWorker();

    const page = await openHistory();
    await expect.poll(() => resultCount(page)).toBe(`${total} entries`);
    expect(await entries(page).filter({ hasText: pasted }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('combobox', { name: 'Keep entries for' }).inputValue()).toBe('365');

    await page.getByRole('button', { name: 'Clear history…' }).click();
    const confirmation = page.getByRole('alertdialog');
    expect(await confirmation.textContent()).toContain(`Delete all ${total} entries?`);
    await screenshot(page, 'history-clear-confirmation', { fullPage: false });
    await confirmation.getByRole('button', { name: 'Clear history' }).click();
    await page.getByRole('heading', { name: 'Nothing verified yet' }).waitFor({ timeout: 10_000 });
    expect(await resultCount(page)).toBe('No entries');
    expect(await storedEntries()).toEqual([]);
    // Clearing empties the log, not the settings.
    expect(await page.getByRole('combobox', { name: 'Keep entries for' }).inputValue()).toBe('365');
    await screenshot(page, 'history-empty');
  });

  it('draws the newest 100 entries of a long history, and older ones on request from the keyboard, focus on the first added', async () => {
    const worker = await browser.serviceWorker();
    const long: HistoryEntry[] = Array.from({ length: 150 }, (_, index) => ({
      id: `long-${index}`,
      checkedAt: Date.now() - index * 1_000,
      pageUrl: `https://news.example/article-${index}`,
      source: 'page',
      excerpt: `Entry ${index}`,
      state: 'verified',
      summary: 'Signed by the newsroom; the text matches.',
    }));
    await worker.evaluate(([key, value]) => chrome.storage.local.set({ [key]: value }), [historyKeys.entries, long] as const);

    const page = await openHistory();
    const more = page.getByRole('button', { name: 'Show 50 older entries' });
    await more.waitFor();
    expect(await entries(page).count()).toBe(100);
    await expectNoAxeViolations(page, 'the history with older entries to show');
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => entries(page).count()).toBe(150);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/: Entry 100$/);
    await screenshot(page, 'history-older-entries', { fullPage: false });
  });
});
