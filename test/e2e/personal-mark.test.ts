import jpeg from 'jpeg-js';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { browser as browserApi } from 'wxt/browser';
import { markColours, personalMarkFrom, personalMarkKey, personalMarkName, type MarkColour, type PersonalMark } from '../../storage/personal-mark';
import { badgeShowing } from '../badge-states';
import { allAnswered, demoSessionForFile, openDemoPage, openExtensionPage, openPopupBeside, screenshot } from './demo-session';

/** The extension API inside extension pages, where the evaluated functions run. */
declare const chrome: typeof browserApi;

/**
 * The reader's personal mark (issue 11 item 3): chosen at install, drawn in
 * every genuine badge and card, out of the page's reach, taught in the
 * popup and changed in the options.
 */

const session = demoSessionForFile();

/** How many of an element's pixels are near `colour`, in a screenshot of it. */
async function pixelsOf(target: Locator, colour: MarkColour): Promise<number> {
  const { data } = jpeg.decode(await target.screenshot({ type: 'jpeg', quality: 100 }), { useTArray: true });
  const hex = markColours[colour].value;
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
  let count = 0;
  for (let at = 0; at < data.length; at += 4) {
    if (Math.abs(data[at]! - r!) + Math.abs(data[at + 1]! - g!) + Math.abs(data[at + 2]! - b!) < 60) count += 1;
  }
  return count;
}

async function storedMark(page: Page): Promise<PersonalMark | undefined> {
  return personalMarkFrom(await page.evaluate(async (key) => (await chrome.storage.local.get(key))[key], personalMarkKey));
}

describe("the reader's personal mark, in Chromium", () => {
  it('is chosen at install, drawn in every badge where the page cannot read it, and follows a change at once', async () => {
    const { browser } = session;
    const extension = await openExtensionPage(browser);
    await expect.poll(() => storedMark(extension)).toBeDefined();

    await extension.evaluate((key) => chrome.storage.local.set({ [key]: { colour: 'violet', symbol: 'square' } }), personalMarkKey);
    const { demo, tabId } = await openDemoPage(session);
    const badge = (await badgeShowing(demo, 'verified'))!;
    await badge.scrollIntoViewIfNeeded();
    await expect.poll(() => pixelsOf(badge, 'violet')).toBeGreaterThan(10);
    // The page sees a host with a closed root: nothing of the mark.
    expect(await badge.evaluate((host) => host.shadowRoot === null && !host.outerHTML.includes('mark'))).toBe(true);

    await extension.evaluate((key) => chrome.storage.local.set({ [key]: { colour: 'green', symbol: 'square' } }), personalMarkKey);
    await expect.poll(() => pixelsOf(badge, 'violet')).toBeLessThan(3);
    expect(await pixelsOf(badge, 'green')).toBeGreaterThan(10);

    await badge.hover();
    const card = demo.locator('verity-card');
    await expect.poll(() => card.evaluate((host) => host.hasAttribute('data-open'))).toBe(true);
    expect(await pixelsOf(card, 'green')).toBeGreaterThan(10);
    await screenshot(demo, 'personal-mark-card', { fullPage: false });

    const popup = await openPopupBeside(browser, { demo, tabId });
    // The frame is drawn again once the page's proofs are in: wait for them.
    await expect.poll(() => popup.getByText(/\d+ of \d+ verified/).count()).toBeGreaterThan(0);
    await expect.poll(() => popup.getByText('No mark, not Verity').count()).toBe(1);
    await screenshot(popup.locator('header'), 'personal-mark-popup');
    await popup.close();
    await demo.close();
    await extension.close();
  });

  it('is drawn, with every badge and card, under a page’s strict Content-Security-Policy: Verity loads nothing the page may refuse', async () => {
    const { browser, devnet } = session;
    const extension = await openExtensionPage(browser);
    await extension.evaluate((key) => chrome.storage.local.set({ [key]: { colour: 'violet', symbol: 'square' } }), personalMarkKey);
    const page = await browser.context.newPage();
    // Images, fonts and media refused: a badge drawing its icon or mark as a data: image would come out blank.
    await page.route(devnet.pageUrl!, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "img-src 'none'; font-src 'none'; media-src 'none'" } });
    });
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(devnet.pageUrl!);
    await allAnswered(page, devnet.scenarios.length);
    const badge = (await badgeShowing(page, 'verified'))!;
    await badge.scrollIntoViewIfNeeded();
    await expect.poll(() => pixelsOf(badge, 'violet')).toBeGreaterThan(10);
    await badge.hover();
    const card = page.locator('verity-card');
    await expect.poll(() => card.evaluate((host) => host.hasAttribute('data-open'))).toBe(true);
    await expect.poll(() => pixelsOf(card, 'violet')).toBeGreaterThan(10);
    expect(refused).toEqual([]);
    await page.close();
    await extension.close();
  });

  it('is taught on the welcome page, where the reader may choose another', async () => {
    const { browser } = session;
    const welcome = await openExtensionPage(browser, 'welcome.html');
    await expect.poll(() => welcome.getByRole('heading', { name: 'No mark, not Verity' }).count()).toBe(1);
    const mark = (await storedMark(welcome))!;
    // The sample badge carries the reader's own mark, by name in the field below it.
    await expect.poll(() => welcome.getByText(personalMarkName(mark), { exact: true }).count()).toBe(1);
    await welcome.getByLabel('Symbol').selectOption(mark.symbol === 'star' ? 'circle' : 'star');
    await expect.poll(async () => (await storedMark(welcome))?.symbol).toBe(mark.symbol === 'star' ? 'circle' : 'star');
    await screenshot(welcome, 'welcome');
    // At 400 % zoom (320 CSS pixels) nothing needs scrolling sideways.
    await welcome.setViewportSize({ width: 320, height: 900 });
    expect(await welcome.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshot(welcome, 'welcome-320');
    await welcome.close();
  });

  it('is changed on the options page, and saved at once', async () => {
    const { browser } = session;
    const options = await openExtensionPage(browser, 'options.html');
    await options.getByLabel('Colour').selectOption('teal');
    await options.getByLabel('Symbol').selectOption('star');
    await expect.poll(() => storedMark(options)).toEqual({ colour: 'teal', symbol: 'star' });
    await expect.poll(() => options.getByText('Teal star').count()).toBe(1);
    await screenshot(options.getByText('Your mark').locator('..'), 'personal-mark-options');
    await options.close();
  });
});
