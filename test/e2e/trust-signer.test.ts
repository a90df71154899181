import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { badgeStatesIn } from '../badge-states';
import { allAnswered, demoSessionForFile, screenshot } from './demo-session';
import { expectNoAxeViolations } from './axe';

/**
 * From an untrusted proof's card to trusting its signer, and back, as a
 * reader would in Chromium: the card offers "Trust this signer…", the
 * options page asks once, the badge turns verified, and Undo turns it back.
 */

const session = demoSessionForFile();

const scenarioId = 'eas-offchain-untrusted-attester';

const badgeState = async (page: Page) => (await badgeStatesIn(page, `figure[data-scenario="${scenarioId}"]`))[0];

describe('trusting a signer from its card, in Chromium', () => {
  it('asks once, turns the badge verified, and undoes it', async () => {
    const { devnet, browser } = session;
    const page = await browser.context.newPage();
    await page.goto(devnet.pageUrl!);
    await allAnswered(page, devnet.scenarios.length);
    expect(await badgeState(page)).toBe('untrusted');

    const badge = page.locator(`figure[data-scenario="${scenarioId}"] verity-badge`);
    await badge.scrollIntoViewIfNeeded();
    // The card is a closed shadow root: reached as a keyboard user does. Pressing the badge puts focus on
    // the card's last control (Details); the one before it is the offer.
    await badge.click();
    await page.keyboard.press('Shift+Tab');
    const opened = browser.context.waitForEvent('page', { predicate: (tab) => tab.url().includes('/options.html#trust=0x') });
    await page.keyboard.press('Enter');
    const options = await opened;
    const prompt = options.getByRole('region', { name: 'Trust this signer?' });
    await prompt.waitFor();
    await options.getByLabel('Who is it, in your words').fill('Stringer desk');
    await screenshot(options, 'trust-signer-prompt', { fullPage: false });
    await expectNoAxeViolations(options, 'the trust-signer prompt');
    await prompt.getByRole('button', { name: 'Trust this signer' }).click();
    await options.getByRole('status').filter({ hasText: 'You trust this signer now' }).waitFor();

    // The trust configuration changed: the worker verifies again, and the page's badge follows.
    await expect.poll(() => badgeState(page), { timeout: 30_000 }).toBe('verified');

    await options.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => badgeState(page), { timeout: 30_000 }).toBe('untrusted');
    await options.close();
    await page.close();
  });
});
