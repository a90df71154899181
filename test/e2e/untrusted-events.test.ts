import { describe, expect, it } from 'vitest';
import type { browser as browserApi } from 'wxt/browser';
import { allAnswered, demoSessionForFile, screenshot } from './demo-session';

/**
 * The badge's card in Chromium answers the reader's pointer and keys, not
 * events the page makes up: a page cannot open a card over its text, nor
 * close one the reader opened.
 */

const session = demoSessionForFile();

/** The extension API inside the worker, where the evaluated functions run. */
declare const chrome: typeof browserApi;

describe("the badge's card and the page's made-up events, in Chromium", () => {
  it('opens for the reader\'s pointer only, and stays open through a made-up press', async () => {
    const { devnet, browser } = session;
    const page = await browser.context.newPage();
    await page.goto(devnet.pageUrl!);
    await allAnswered(page, devnet.scenarios.length);
    const cardOpen = () => page.evaluate(() => document.querySelector('verity-card')?.hasAttribute('data-open') ?? false);
    const badge = page.locator('verity-badge').first();
    await badge.scrollIntoViewIfNeeded();

    // The page's own script fakes the pointer coming onto the badge, and focus.
    await page.evaluate(() => {
      const host = document.querySelector('verity-badge')!;
      host.dispatchEvent(new PointerEvent('pointerenter', { bubbles: false }));
      host.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    });
    await page.waitForTimeout(500);
    expect(await cardOpen()).toBe(false);

    await badge.hover();
    await expect.poll(cardOpen, { timeout: 5_000 }).toBe(true);
    // Past its opening fade.
    await page.waitForTimeout(400);
    await screenshot(page, 'badge-card', { fullPage: false });
    await badge.click();

    // A made-up press elsewhere and a made-up Escape: the card the reader opened stays.
    await page.evaluate(() => {
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await page.waitForTimeout(300);
    expect(await cardOpen()).toBe(true);

    // The reader's own Escape closes it.
    await page.keyboard.press('Escape');
    await expect.poll(cardOpen, { timeout: 5_000 }).toBe(false);
    await page.close();
  });

  it('keeps the card inside a 320 by 225 window (400 % zoom)', async () => {
    const { devnet, browser } = session;
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 225 });
    await page.goto(devnet.pageUrl!);
    await allAnswered(page, devnet.scenarios.length);
    const badge = page.locator('verity-badge').first();
    await badge.scrollIntoViewIfNeeded();
    // A press where the badge is: at this size the opening card moves under the pointer, which playwright's click waits out.
    const { x, y, width, height } = (await badge.boundingBox())!;
    await page.mouse.click(x + width / 2, y + height / 2);
    await expect.poll(() => page.evaluate(() => document.querySelector('verity-card')?.hasAttribute('data-open') ?? false), { timeout: 5_000 }).toBe(true);
    await page.waitForTimeout(400);
    const box = await page.evaluate(() => {
      const { left, top, right, bottom } = document.querySelector('verity-card')!.getBoundingClientRect();
      return { left, top, right, bottom, width: innerWidth, height: innerHeight };
    });
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(box.width);
    expect(box.bottom).toBeLessThanOrEqual(box.height);
    await screenshot(page, 'badge-card-400-percent', { fullPage: false });
    await page.close();
  });

  it('sends no proof again for a made-up pageshow, however many', async () => {
    const { devnet, browser } = session;
    const page = await browser.context.newPage();
    await page.goto(devnet.pageUrl!);
    await allAnswered(page, devnet.scenarios.length);
    const worker = await browser.serviceWorker();
    // Counts the proofs content scripts send from here on (a listener beside the worker's own, which answers).
    await worker.evaluate(() => {
      const counted = globalThis as { sentProofs?: string[] };
      counted.sentProofs = [];
      chrome.runtime.onMessage.addListener((message: { type?: string; proofs?: { shownText: string }[] }) => {
        if (message.type === 'verify-proofs') counted.sentProofs!.push(...(message.proofs ?? []).map((proof) => proof.shownText));
      });
    });
    const sent = () => worker.evaluate(() => (globalThis as { sentProofs?: string[] }).sentProofs!);

    await page.evaluate(() => {
      for (let index = 0; index < 50; index += 1) window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    });
    // Then a change the content script does send, through the same queue: once it arrives, anything the made-up events had sent would have.
    await page.locator('.snippet').first().evaluate((element) => element.append(' A sentence the page added.'));
    await expect.poll(async () => (await sent()).some((text) => text.endsWith('A sentence the page added.')), { timeout: 15_000 }).toBe(true);
    expect(await sent()).toHaveLength(1);
    await page.close();
  });
});
