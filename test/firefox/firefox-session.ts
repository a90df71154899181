import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import type { browser as browserApi } from 'wxt/browser';
import { startDevnet, type StartDevnetReturnType } from '../../devnet/devnet';
import { launchFirefoxWithExtension, until, type FirefoxWithExtension } from '../../devnet/firefox-browser';
import type { TabState, WorkerMessages, WorkerMessageType } from '../../messaging/messages';
import { settingsKeys } from '../../storage/settings-keys';
import { explainFigures, figuresNotAsCaptioned, type FigureStates } from '../demo-figures';
import { badgeStatesIn } from './badge-states';

/** The extension API inside the extension's pages, where the evaluated functions run. */
declare const browser: typeof browserApi;

export type FirefoxDemoSession = { devnet: StartDevnetReturnType; firefox: FirefoxWithExtension; helper: Page };

/**
 * The devnet with its demo page, and Firefox with the extension and the devnet's trust configuration saved as the
 * user's, started side by side.
 */
export async function startFirefoxDemoSession(executablePath: string): Promise<FirefoxDemoSession> {
  const [devnet, firefox] = await Promise.allSettled([startDevnet({ servePage: true }), launchFirefoxWithExtension({ executablePath })]);
  try {
    if (devnet.status === 'rejected') throw devnet.reason;
    if (firefox.status === 'rejected') throw firefox.reason;
    const helper = await firefox.value.openExtensionPage('inspector.html');
    await helper.evaluate(([key, value]) => browser.storage.local.set({ [key]: value }), [settingsKeys.userTrustConfig, devnet.value.trustConfig] as const);
    return { devnet: devnet.value, firefox: firefox.value, helper };
  } catch (error) {
    await stopFirefoxDemoSession({ devnet: devnet.status === 'fulfilled' ? devnet.value : undefined, firefox: firefox.status === 'fulfilled' ? firefox.value : undefined });
    throw error;
  }
}

/**
 * The demo session of a describe block: started before its tests, stopped
 * after them. Its fields are there from the first test on.
 */
export function firefoxDemoSessionFor(executablePath: string): FirefoxDemoSession {
  const session = {} as FirefoxDemoSession;
  beforeAll(async () => void Object.assign(session, await startFirefoxDemoSession(executablePath)), 180_000);
  afterAll(() => stopFirefoxDemoSession(session));
  return session;
}

export async function stopFirefoxDemoSession({ devnet, firefox }: Partial<FirefoxDemoSession>): Promise<void> {
  await firefox?.close();
  await devnet?.stop();
}

/**
 * Asks the worker from an extension page, as the popup and the inspector
 * do. The answer crosses as JSON: WebDriver BiDi sends an object met twice
 * in one result (one verdict shared by two proofs) as a reference that
 * puppeteer reads back as nothing.
 */
export async function sendFrom<type extends WorkerMessageType>(
  page: Page,
  type: type,
  request: WorkerMessages[type]['request'],
): Promise<WorkerMessages[type]['response']> {
  const answer = await page.evaluate(async (message) => JSON.stringify(await browser.runtime.sendMessage(message)) ?? 'null', { type, ...request });
  return JSON.parse(answer) as WorkerMessages[type]['response'];
}

/** The id of the tab showing `url`, and the worker's record of it (see devnet/extension-pages.ts). */
export async function tabShowing(helper: Page, url: string): Promise<{ tabId: number; state: TabState }> {
  const tabIds = await helper.evaluate(async () => (await browser.tabs.query({})).map((tab) => tab.id!));
  for (const tabId of tabIds) {
    const state = await sendFrom(helper, 'tab-state', { tabId }).catch(() => undefined);
    if (state?.url === url) return { tabId, state };
  }
  throw new Error(`No tab state for ${url}`);
}

/** The demo page's badge states, figure by figure, beside the state each figure's caption expects. */
export async function figureStates(page: Page): Promise<FigureStates[]> {
  const figures = await page.evaluate(() =>
    [...document.querySelectorAll('figure.case')].map((figure) => ({
      scenario: figure.getAttribute('data-scenario')!,
      expected: figure.getAttribute('data-expected-state'),
      ids: [...figure.querySelectorAll('verity-badge')].map((badge) => badge.getAttribute('data-verity-proof')),
    })),
  );
  // One read of every figure's badges, in the figures' order, cut back into figures.
  const states = await badgeStatesIn(page, 'figure.case');
  let at = 0;
  return figures.map((figure) => ({ ...figure, badges: states.slice(at, (at += figure.ids.length)) }));
}

/**
 * For the figures whose badge is not the state their caption expects, the
 * worker's reasons: its summary and each check that did not pass. Empty when
 * every figure is as expected; a failure message, so that a verdict that
 * changes only under load says why.
 */
export async function whyNotAsCaptioned(helper: Page, pageUrl: string, figures: FigureStates[]): Promise<string> {
  const wrong = figuresNotAsCaptioned(figures);
  if (wrong.length === 0) return '';
  const { state } = await tabShowing(helper, pageUrl);
  return explainFigures(wrong, state.proofs);
}

/** The demo page in a new tab, once every proof on it has a verdict. */
export async function openDemoPage({ devnet, firefox }: FirefoxDemoSession): Promise<Page> {
  const demo = await firefox.browser.newPage();
  await demo.goto(devnet.pageUrl!);
  await until(
    () =>
      badgeStatesIn(demo).then((states) => states.length >= devnet.scenarios.length && states.every((state) => state !== null && state !== 'checking')),
    { timeout: 90_000 },
  );
  return demo;
}

/** The text of the first element matching `selector` in an extension page, once it has some. */
export async function textOf(page: Page, selector: string): Promise<string> {
  let text = '';
  await until(async () => {
    text = await page.evaluate((selector) => document.querySelector(selector)?.textContent ?? '', selector);
    return text !== '';
  });
  return text;
}
