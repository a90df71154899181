import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { browser as browserApi } from 'wxt/browser';
import { renderDemoPage } from '../../devnet/demo-page';
import { startDevnet, type StartDevnetReturnType } from '../../devnet/devnet';
import { launchExtensionBrowser, type ExtensionBrowser, type LaunchExtensionBrowserParameters } from '../../devnet/extension-browser';
import { openExtensionPage, storeTrustConfig, tabShowing } from '../../devnet/extension-pages';
import { verdictStates } from '../../lib/verdict/states';
import type { TabState } from '../../messaging/messages';
import { badgeStatesById, waitForAllAnswered } from '../badge-states';
import { explainFigures, figuresNotAsCaptioned, type FigureStates } from '../demo-figures';

export { openExtensionPage, sendFrom, storeTrustConfig, tabShowing } from '../../devnet/extension-pages';

/** The extension API inside extension pages and the worker, where the evaluated functions run. */
declare const chrome: typeof browserApi;

/**
 * `step`, or an error naming it after `ms`: the worker calls and evaluations
 * below have no timeout of their own, and a file's setup that hangs should
 * say where, not only that its hook ran out of time.
 */
async function withinTime<result>(label: string, ms: number, step: Promise<result>): Promise<result> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${label}: no answer after ${ms} ms`)), ms)));
  try {
    return await Promise.race([step, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Where the end-to-end tests leave screenshots of the extension's pages. */
const screenshotDirectory = resolve('test-results/e2e');

/**
 * Saves a screenshot as test-results/e2e/<name>.png: of a whole page (all of
 * it unless `fullPage` is false), or of one element.
 */
export async function screenshot(target: Page | Locator, name: string, { fullPage = true } = {}): Promise<void> {
  await mkdir(screenshotDirectory, { recursive: true });
  const path = resolve(screenshotDirectory, `${name}.png`);
  await ('goto' in target ? target.screenshot({ path, fullPage }) : target.screenshot({ path }));
}

/** Saves a PNG made some other way (a contact sheet) as test-results/e2e/<name>. */
export async function saveScreenshot(name: string, png: Buffer): Promise<void> {
  await mkdir(screenshotDirectory, { recursive: true });
  await writeFile(resolve(screenshotDirectory, name), png);
}

/** Waits until the page has at least `count` badges and none is still checking. */
export const allAnswered = waitForAllAnswered;

export type { FigureStates };

/** The badge states of the demo page, figure by figure, beside the state each figure's caption expects. */
export async function figureStates(page: Page): Promise<FigureStates[]> {
  const figures = await page.evaluate(() =>
    [...document.querySelectorAll('figure.case')].map((figure) => ({
      scenario: figure.getAttribute('data-scenario')!,
      expected: figure.getAttribute('data-expected-state'),
      ids: [...figure.querySelectorAll('verity-badge')].map((badge) => badge.getAttribute('data-verity-proof')),
    })),
  );
  const states = await badgeStatesById(page);
  return figures.map((figure) => ({ ...figure, badges: figure.ids.map((id) => (id === null ? null : (states.get(id) ?? null))) }));
}

/**
 * For the figures whose badge is not the state their caption expects, the
 * worker's reasons: its summary and each check that did not pass. Empty when
 * every figure is as expected. A failure message, so that a verdict that
 * changes only under load says why.
 */
export async function whyNotAsCaptioned(browser: ExtensionBrowser, page: Page, figures: FigureStates[]): Promise<string> {
  const wrong = figuresNotAsCaptioned(figures);
  if (wrong.length === 0) return '';
  const extensionPage = await openExtensionPage(browser);
  try {
    const { state } = await tabShowing(extensionPage, page.url());
    return explainFigures(wrong, state.proofs);
  } finally {
    await extensionPage.close();
  }
}

/** The devnet serving its demo page, and Chromium with the built extension. */
export type DemoSession = { devnet: StartDevnetReturnType; browser: ExtensionBrowser };

/** `userDataDir`: a profile to reuse across a browser restart; `backForwardCache`: see launchExtensionBrowser. */
export type StartDemoSessionParameters = Pick<LaunchExtensionBrowserParameters, 'userDataDir' | 'backForwardCache'>;

/**
 * Starts the devnet with its demo page and the browser side by side (each takes a second or two), the devnet's
 * trust configuration saved as the user's.
 */
export async function startDemoSession({ userDataDir, backForwardCache }: StartDemoSessionParameters = {}): Promise<DemoSession> {
  const [devnet, browser] = await Promise.allSettled([startDevnet({ servePage: true }), launchExtensionBrowser({ userDataDir, backForwardCache })]);
  try {
    if (devnet.status === 'rejected') throw devnet.reason;
    if (browser.status === 'rejected') throw browser.reason;
    await withinTime('Storing the devnet trust configuration through the worker', 60_000, storeTrustConfig(browser.value, devnet.value.trustConfig));
    return { devnet: devnet.value, browser: browser.value };
  } catch (error) {
    await stopDemoSession({ devnet: devnet.status === 'fulfilled' ? devnet.value : undefined, browser: browser.status === 'fulfilled' ? browser.value : undefined });
    throw error;
  }
}

/**
 * The demo session of one test file: started before its tests, stopped
 * after them. Its fields are there from the first test on.
 */
export function demoSessionForFile(parameters: StartDemoSessionParameters = {}): DemoSession {
  const session = {} as DemoSession;
  beforeAll(async () => void Object.assign(session, await startDemoSession(parameters)), 180_000);
  afterAll(() => stopDemoSession(session));
  return session;
}

/** Closes what `startDemoSession` started, as much of it as did start. */
export async function stopDemoSession({ devnet, browser }: Partial<DemoSession>): Promise<void> {
  await browser?.close();
  await devnet?.stop();
}

export type DemoTab = { demo: Page; tabId: number; state: TabState };

/** The demo page in a new tab, once every proof on it has a verdict, with the tab's id and the worker's record of it. */
export async function openDemoPage({ devnet, browser }: DemoSession): Promise<DemoTab> {
  const demo = await browser.context.newPage();
  await demo.goto(devnet.pageUrl!);
  return demoTab(browser, demo, devnet.scenarios.length);
}

/**
 * The demo page cut to its first snippet of each state, at `name` beside the demo page (a name of its own for each
 * tab open at once: the worker's record is found by address), as openDemoPage opens it; the worker asked through
 * `helper`, an extension page, when given. It loads in a fraction of the demo page's time, for tests that need a
 * badge of a given state and nothing else of the page.
 */
export async function openOneOfEachPage({ devnet, browser }: DemoSession, name: string, helper?: Page): Promise<DemoTab> {
  const scenarios = verdictStates.flatMap((state) => devnet.scenarios.find((scenario) => scenario.expectedState === state) ?? []);
  const url = new URL(name, devnet.pageUrl).href;
  const demo = await browser.context.newPage();
  // Served in the devnet's origin, as the demo page is, but by the browser: the devnet serves only its whole page.
  await demo.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: renderDemoPage({ scenarios, chainId: devnet.chainId }) }));
  await demo.goto(url);
  return demoTab(browser, demo, scenarios.length, helper);
}

async function demoTab(browser: ExtensionBrowser, demo: Page, count: number, helper?: Page): Promise<DemoTab> {
  await allAnswered(demo, count);
  const asking = helper ?? (await openExtensionPage(browser));
  const { tabId, state } = await withinTime("The worker's tab state for the demo page", 60_000, tabShowing(asking, demo.url()));
  if (asking !== helper) await asking.close();
  return { demo, tabId, state };
}

/**
 * The popup, opened as a background tab in the window of the demo tab, at
 * the toolbar popup's width. The popup speaks for the active tab of its
 * window, so the demo page stays the tab it speaks for, exactly as when the
 * toolbar popup opens over it.
 */
export async function openPopupBeside(browser: ExtensionBrowser, { demo, tabId }: Pick<DemoTab, 'demo' | 'tabId'>): Promise<Page> {
  await demo.bringToFront();
  const worker = await browser.serviceWorker();
  const opened = browser.context.waitForEvent('page', { predicate: (page) => page.url().includes('/popup.html') });
  // Awaited below; should the step before fail, its own timeout is no unhandled rejection.
  opened.catch(() => undefined);
  await withinTime(
    'Opening the popup beside the demo page from the worker',
    60_000,
    worker.evaluate(
      async ([tabId, url]) => {
        const tab = await chrome.tabs.get(tabId);
        await chrome.tabs.create({ url, windowId: tab.windowId, active: false });
      },
      [tabId, `chrome-extension://${browser.extensionId}/popup.html`] as const,
    ),
  );
  const popup = await opened;
  await popup.setViewportSize({ width: 380, height: 600 });
  return popup;
}
