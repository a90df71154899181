import type { Page } from 'playwright-core';
import type { browser as browserApi } from 'wxt/browser';
import type { TabState, WorkerMessages, WorkerMessageType } from '../messaging/messages';
import { settingsKeys } from '../storage/settings-keys';
import type { TrustConfig } from '../lib/trust/schema';
import type { ExtensionBrowser } from './extension-browser';

/**
 * Speaking to the loaded extension from outside it, as `npm start` and the
 * end-to-end tests do: through its worker and its own pages.
 */

/** The extension API inside extension pages and the worker, where the evaluated functions run. */
declare const chrome: typeof browserApi;

type Request<type extends WorkerMessageType> = WorkerMessages[type]['request'];
type Response<type extends WorkerMessageType> = WorkerMessages[type]['response'];

/** Asks the worker from an extension page, as the popup and the inspector do; rejects with the worker's error. */
export function sendFrom<type extends WorkerMessageType>(page: Page, type: type, request: Request<type>): Promise<Response<type>> {
  return page.evaluate((message) => chrome.runtime.sendMessage(message), { type, ...request }) as Promise<Response<type>>;
}

/**
 * The id of the tab showing `url`, and the worker's record of it. Without the
 * `tabs` permission no extension page can read a tab's address, so each tab
 * is asked about in turn.
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

/** Saves `trustConfig` as the user's trust configuration, as the options page does. */
export async function storeTrustConfig(browser: ExtensionBrowser, trustConfig: TrustConfig): Promise<void> {
  const worker = await browser.serviceWorker();
  await worker.evaluate(([key, value]) => chrome.storage.local.set({ [key]: value }), [settingsKeys.userTrustConfig, trustConfig] as const);
}
