import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as browserApi } from 'wxt/browser';
import { stateStyles } from '../../components/state-style';
import { startDevnet, type StartDevnetReturnType } from '../../devnet/devnet';
import { settingsKeys } from '../../lib/extension/settings-keys';
import { verdictStates } from '../../lib/verdict/states';
import { allAnswered, figureStates, openExtensionPage, screenshot, tabShowing } from './demo-session';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../devnet/extension-browser';

declare const chrome: typeof browserApi;

/**
 * The popup, built and loaded in Chromium, over the devnet's demo page. The
 * popup speaks for the active tab of its window, so it is opened as a
 * background tab beside the demo page: the demo page stays the active tab,
 * exactly as when the toolbar popup opens over it.
 */

let devnet: StartDevnetReturnType;
let browser: ExtensionBrowser;
let demo: Page;
let popup: Page;

beforeAll(async () => {
  devnet = await startDevnet({ servePage: true });
  browser = await launchExtensionBrowser();
  const worker = await browser.serviceWorker();
  await worker.evaluate(([key, value]) => chrome.storage.local.set({ [key]: value }), [settingsKeys.userTrustConfig, devnet.trustConfig] as const);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await devnet?.stop();
});

describe('the popup in Chromium', () => {
  it("counts the demo page's proofs by state, lists each one, and shows a proof on the page", async () => {
    demo = await browser.context.newPage();
    await demo.goto(devnet.pageUrl!);
    await allAnswered(demo, devnet.scenarios.length);
    const helper = await openExtensionPage(browser);
    const { tabId } = await tabShowing(helper, devnet.pageUrl!);
    await helper.close();
    await demo.bringToFront();

    // Opened in the background, in the demo tab's window: the demo tab stays active.
    const worker = await browser.serviceWorker();
    const opened = browser.context.waitForEvent('page', { predicate: (page) => page.url().includes('/popup.html') });
    await worker.evaluate(
      async ([tabId, url]) => {
        const tab = await chrome.tabs.get(tabId);
        await chrome.tabs.create({ url, windowId: tab.windowId, active: false });
      },
      [tabId, `chrome-extension://${browser.extensionId}/popup.html`] as const,
    );
    popup = await opened;
    await popup.setViewportSize({ width: 380, height: 600 });

    const proofsHeading = popup.getByRole('heading', { name: /On this page/ });
    await expect.poll(() => proofsHeading.textContent(), { timeout: 20_000 }).toMatch(`(${devnet.scenarios.length})`);
    await expect.poll(() => popup.getByRole('banner').textContent()).toContain(new URL(devnet.pageUrl!).host);

    // One chip per state present, with its count, worst first.
    const expected = verdictStates
      .map((state) => [state, devnet.scenarios.filter((scenario) => scenario.expectedState === state).length] as const)
      .filter(([, count]) => count > 0);
    const chips = popup.getByRole('list', { name: 'Proofs by state' }).getByRole('listitem');
    expect(await chips.allTextContents()).toEqual(expected.map(([state, count]) => `${count}${stateStyles[state].word}`));

    // One row per proof, each named by its state.
    const rows = popup.getByRole('region', { name: /On this page/ }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(devnet.scenarios.length);
    const rowWords = await rows.evaluateAll((items) => items.map((item) => item.textContent ?? ''));
    devnet.scenarios.forEach((scenario, index) => expect(rowWords[index]).toContain(stateStyles[scenario.expectedState].word));
    // As the toolbar shows it: Chromium caps a popup at 600 pixels and scrolls the rest.
    await screenshot(popup, 'popup', { fullPage: false });

    // Show the last proof on the page: the demo page scrolls it into view and rings it.
    await demo.evaluate(() => window.scrollTo(0, 0));
    // The last proof carried in an attribute: its element is the snippet itself.
    const last = devnet.scenarios.findLastIndex((scenario) => scenario.form === 'attribute-json');
    const snippetInView = () =>
      demo.evaluate((scenario) => {
        const body = document.querySelector(`figure[data-scenario="${scenario}"] .case-body`)!;
        const { top, bottom } = body.getBoundingClientRect();
        return top >= 0 && bottom <= window.innerHeight;
      }, devnet.scenarios[last]!.id);
    expect(await snippetInView()).toBe(false);
    await rows.nth(last).getByRole('button', { name: /Show on the page/ }).click();
    await expect.poll(snippetInView, { timeout: 10_000 }).toBe(true);
    // The ring is a Web Animation on the snippet (or its element), for a couple of seconds.
    expect(
      await demo.evaluate(
        (scenario) => document.querySelector(`figure[data-scenario="${scenario}"]`)!.getAnimations({ subtree: true }).length,
        devnet.scenarios[last]!.id,
      ),
    ).toBeGreaterThan(0);
    await expect(popup.getByRole('status').filter({ hasText: "isn't on the page" }).count()).resolves.toBe(0);

    // The badges the popup counted are those of the page.
    const figures = await figureStates(demo);
    expect(figures.map(({ badges }) => badges)).toEqual(figures.map(({ expected }) => [expected]));
    await popup.close();
    await demo.close();
  });
});
