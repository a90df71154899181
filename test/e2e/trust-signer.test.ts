import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { badgeStatesIn } from '../badge-states';
import { allAnswered, demoSessionForFile, screenshot } from './demo-session';
import { focusedButtonName } from './accessibility-tree';
import { expectNoAxeViolations } from './axe';

/**
 * From an untrusted proof's card to trusting its signer, and back, as a
 * reader would in Chromium: the card offers "Trust this signer…", the
 * options page asks once, the badge turns verified, and Undo turns it back.
 * The signer is an EAS attester, an ERC-7007 contract or a settlement relay.
 */

const session = demoSessionForFile();

const badgeState = async (page: Page, scenarioId: string) => (await badgeStatesIn(page, `figure[data-scenario="${scenarioId}"]`))[0];

async function openDemo(): Promise<Page> {
  const { devnet, browser } = session;
  const page = await browser.context.newPage();
  await page.goto(devnet.pageUrl!);
  await allAnswered(page, devnet.scenarios.length);
  return page;
}

/** Presses the scenario's badge, then the card's "Trust this signer…", and returns the options page it opens. */
async function openTrustPrompt(page: Page, scenarioId: string, hash: RegExp): Promise<Page> {
  expect(await badgeState(page, scenarioId)).toBe('untrusted');
  const badge = page.locator(`figure[data-scenario="${scenarioId}"] verity-badge`);
  await badge.scrollIntoViewIfNeeded();
  // The card is a closed shadow root: reached as a keyboard user does, each step awaited as a screen reader
  // hears it. Pressing the badge puts focus on the card's last control (Details); the one before it is the offer.
  const cdp = await page.context().newCDPSession(page);
  await badge.click();
  await expect.poll(() => focusedButtonName(cdp), { timeout: 10_000 }).toBe('Details');
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focusedButtonName(cdp), { timeout: 10_000 }).toBe('Trust this signer…');
  await cdp.detach();
  const opened = page.context().waitForEvent('page', { predicate: (tab) => hash.test(new URL(tab.url()).hash) });
  await page.keyboard.press('Enter');
  return opened;
}

describe('trusting a signer from its card, in Chromium', () => {
  it('asks once, turns the badge verified, and undoes it', async () => {
    const scenarioId = 'eas-offchain-untrusted-attester';
    const page = await openDemo();
    const options = await openTrustPrompt(page, scenarioId, /^#trust=0x[0-9a-f]{40}$/);
    const prompt = options.getByRole('region', { name: 'Trust this signer?' });
    await prompt.waitFor();
    await options.getByLabel('Who is it, in your words').fill('Stringer desk');
    await screenshot(options, 'trust-signer-prompt', { fullPage: false });
    await expectNoAxeViolations(options, 'the trust-signer prompt');
    await prompt.getByRole('button', { name: 'Trust this signer' }).click();
    await options.getByRole('status').filter({ hasText: 'You trust this signer now' }).waitFor();

    // The trust configuration changed: the worker verifies again, and the page's badge follows.
    await expect.poll(() => badgeState(page, scenarioId), { timeout: 30_000 }).toBe('verified');

    await options.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => badgeState(page, scenarioId), { timeout: 30_000 }).toBe('untrusted');
    await options.close();
    await page.close();
  });

  it('trusts an ERC-7007 contract and a settlement relay on their chain, saying which, and undoes it', async () => {
    const { devnet } = session;
    const page = await openDemo();
    const cases = [
      { scenarioId: 'erc7007-rogue-contract', kind: 'erc7007', noun: 'contract', subject: 'the ERC-7007 contract' },
      { scenarioId: 'og-settlement-rogue-relay', kind: 'relay', noun: 'relay', subject: 'the settlement relay' },
    ] as const;
    for (const { scenarioId, kind, noun, subject } of cases) {
      const options = await openTrustPrompt(page, scenarioId, new RegExp(`^#trust=${kind}:31337:0x[0-9a-f]{40}$`));
      const address = new URL(options.url()).hash.split(':').at(-1)!;
      const prompt = options.getByRole('region', { name: `Trust this ${noun}?` });
      await prompt.waitFor();
      expect(await prompt.textContent()).toContain(`What you would trust: ${subject} ${address} on ${devnet.trustConfig.chains['31337']!.name} (chain 31337).`);
      if (kind === 'erc7007') await screenshot(options, 'trust-contract-prompt', { fullPage: false });
      await prompt.getByRole('button', { name: `Trust this ${noun}` }).click();
      await options.getByRole('status').filter({ hasText: `You trust this ${noun} now` }).waitFor();
      await expect.poll(() => badgeState(page, scenarioId), { timeout: 30_000 }).toBe('verified');
      await options.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => badgeState(page, scenarioId), { timeout: 30_000 }).toBe('untrusted');
      await options.close();
    }
    await page.close();
  });
});
