import { describe, expect, it } from 'vitest';
import { badgeStatesIn } from '../badge-states';
import { allAnswered, demoSessionForFile, screenshot } from './demo-session';

/**
 * The badge's card in Chromium answers the reader's pointer and keys, not
 * events the page makes up: a page cannot open a card over its text, nor
 * close one the reader opened.
 */

const session = demoSessionForFile();

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

  it("tells the page's own script nothing of a badge's verdict", async () => {
    const { devnet, browser } = session;
    const page = await browser.context.newPage();
    await page.goto(devnet.pageUrl!);
    await allAnswered(page, devnet.scenarios.length);
    const states = await badgeStatesIn(page);
    // What a page script can read of each host: its attributes but the proof id, and its computed style but its size (the word's length).
    const seen = await page.evaluate(() =>
      [...document.querySelectorAll('verity-badge')].map((host) => {
        const attributes = host.getAttributeNames().filter((name) => name !== 'data-verity-proof').map((name) => `${name}=${host.getAttribute(name)}`);
        const style = getComputedStyle(host);
        const sizeBound = /^(width|height|inline-size|block-size|perspective-origin|transform-origin)$/;
        const properties = [...style].filter((name) => !sizeBound.test(name)).map((name) => `${name}:${style.getPropertyValue(name)}`);
        return { open: host.shadowRoot !== null, text: host.textContent, attributes: attributes.join(' '), style: properties.join(';') };
      }),
    );
    const verified = seen[states.indexOf('verified')]!;
    const altered = seen[states.indexOf('altered')]!;
    expect(states).toContain('verified');
    expect(states).toContain('altered');
    expect(verified.open).toBe(false);
    expect(verified.text).toBe('');
    expect(altered).toEqual(verified);
    await page.close();
  });
});
