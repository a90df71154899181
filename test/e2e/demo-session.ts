import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { browser as browserApi } from 'wxt/browser';
import type { TabState, WorkerMessages, WorkerMessageType } from '../../lib/extension/messages';
import type { ExtensionBrowser } from '../../devnet/extension-browser';

/** The extension API inside extension pages and the worker, where the evaluated functions run. */
declare const chrome: typeof browserApi;

/** Where the end-to-end tests leave screenshots of the extension's pages. */
export const screenshotDirectory = resolve('test-results/e2e');

/**
 * Saves a screenshot as test-results/e2e/<name>.png: of a whole page (all of
 * it unless `fullPage` is false), or of one element.
 */
export async function screenshot(target: Page | Locator, name: string, { fullPage = true } = {}): Promise<void> {
  await mkdir(screenshotDirectory, { recursive: true });
  const path = resolve(screenshotDirectory, `${name}.png`);
  await ('goto' in target ? target.screenshot({ path, fullPage }) : target.screenshot({ path }));
}

type Request<type extends WorkerMessageType> = WorkerMessages[type]['request'];
type Response<type extends WorkerMessageType> = WorkerMessages[type]['response'];

/** Asks the worker from an extension page, as the popup and the inspector do. */
export function sendFrom<type extends WorkerMessageType>(page: Page, type: type, request: Request<type>): Promise<Response<type>> {
  return page.evaluate((message) => chrome.runtime.sendMessage(message), { type, ...request }) as Promise<Response<type>>;
}

/** Waits until the page has at least `count` badges and none is still checking. */
export async function allAnswered(page: Page, count: number, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (count) => {
      const badges = [...document.querySelectorAll('verity-badge')];
      return badges.length >= count && badges.every((badge) => badge.getAttribute('data-state') !== 'checking');
    },
    count,
    { timeout },
  );
}

/** The badge states of the demo page, figure by figure, beside the state each figure's caption expects. */
export function figureStates(page: Page): Promise<{ scenario: string; expected: string | null; badges: (string | null)[] }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('figure.case')].map((figure) => ({
      scenario: figure.getAttribute('data-scenario')!,
      expected: figure.getAttribute('data-expected-state'),
      badges: [...figure.querySelectorAll('verity-badge')].map((badge) => badge.getAttribute('data-state')),
    })),
  );
}

/**
 * The id of the tab showing `url`, and the worker's record of it. Without the
 * `tabs` permission no extension page can read a tab's address, so each tab
 * is asked about in turn, as the content-script test does.
 */
export async function tabShowing(extensionPage: Page, url: string): Promise<{ tabId: number; state: TabState }> {
  const tabIds = await extensionPage.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.id!));
  for (const tabId of tabIds) {
    const state = await sendFrom(extensionPage, 'tab-state', { tabId }).catch(() => undefined);
    if (state?.url === url) return { tabId, state };
  }
  throw new Error(`No tab state for ${url}`);
}

/** An extension page open in a tab of its own, for speaking to the worker. */
export async function openExtensionPage(browser: ExtensionBrowser, path = 'inspector.html'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}
