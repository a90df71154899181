import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../devnet/extension-browser';
import type { StartDevnetReturnType } from '../../devnet/devnet';
import { openDemoPage, openExtensionPage, screenshot, sendFrom, type DemoSession } from './demo-session';

/**
 * The proof inspector, built and loaded in Chromium, on proofs of the
 * devnet's demo page: a settled enclave proof that holds and one whose text
 * was edited after signing.
 */

export function describeInspector(session: DemoSession): void {
  let devnet: StartDevnetReturnType;
  let browser: ExtensionBrowser;
  let helper: Page;
  let tabId: number;

  beforeAll(async () => {
    ({ devnet, browser } = session);
    ({ tabId } = await openDemoPage({ devnet, browser }));
    helper = await openExtensionPage(browser);
  }, 180_000);


  /** The proof id the content script gave a scenario's snippet: ids follow document order, one proof per scenario. */
  async function proofIdOf(scenarioId: string): Promise<string> {
    const index = devnet.scenarios.findIndex((scenario) => scenario.id === scenarioId);
    expect(index).toBeGreaterThanOrEqual(0);
    const id = `p${index}`;
    const details = await sendFrom(helper, 'proof-details', { tabId, id });
    expect(details?.verdict?.state).toBe(devnet.scenarios[index]!.expectedState);
    return id;
  }

  async function openInspector(scenarioId: string): Promise<Page> {
    const page = await openExtensionPage(browser, `inspector.html?tab=${tabId}&proof=${await proofIdOf(scenarioId)}`);
    await page.getByRole('heading', { name: 'Checks', exact: true }).waitFor({ timeout: 20_000 });
    return page;
  }

  const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

  /** Clicks "Verify again" and waits for the worker's answer: the button back, and no error. */
  async function verifyAgain(page: Page): Promise<void> {
    const answered = page.waitForFunction(() => !document.querySelector('button[disabled]'), undefined, { timeout: 20_000 });
    await page.getByRole('button', { name: 'Verify again' }).click();
    await answered;
    await page.getByRole('button', { name: 'Verify again' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
  }

  describe('the inspector in Chromium', () => {
    it('shows every check passed, the chain facts and the envelope of a settled enclave proof, and verifies it again', async () => {
      const page = await openInspector('og-tee-individual-settlement');
      await expect.poll(() => page.title()).toBe('Verified · Verity proof inspector');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('The proof checks out');

      const checks = section(page, 'Checks').getByRole('listitem');
      expect(await checks.count()).toBeGreaterThan(2);
      const outcomes = await checks.evaluateAll((items) => items.map((item) => item.getAttribute('data-outcome')));
      expect(outcomes.filter((outcome) => outcome === 'failed')).toEqual([]);
      expect(await section(page, 'Checks').getByText('Passed', { exact: true }).count()).toBe(outcomes.filter((outcome) => outcome === 'passed').length);
      expect(await section(page, 'Checks').textContent()).toMatch(/\d+ passed/);

      const facts = section(page, 'Chain facts');
      expect(await facts.getByRole('term').allTextContents()).toEqual(expect.arrayContaining(['Chain', 'Anchored in block', 'Transaction']));
      const factText = (await facts.textContent()) ?? '';
      expect(factText).toContain(`id ${devnet.chainId}`);
      expect(factText).toMatch(/0x[0-9a-f]{64}/);
      const anchored = await facts.getByRole('definition').nth((await facts.getByRole('term').allTextContents()).indexOf('Anchored in block')).textContent();
      expect(anchored).toMatch(/^\d+$/);

      const envelope = (await section(page, 'Proof envelope').textContent()) ?? '';
      expect(envelope).toContain('og-tee');
      expect(envelope).toMatch(/"[a-zA-Z]+":/);
      await screenshot(page, 'inspector-verified');

      await verifyAgain(page);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('The proof checks out');
      await page.close();
    });

    it('names the failed text check of an altered proof, and says so again after verifying again', async () => {
      const page = await openInspector('og-tee-altered');
      await expect.poll(() => page.title()).toBe('Altered · Verity proof inspector');

      const checks = section(page, 'Checks').getByRole('listitem');
      const failed = checks.filter({ has: page.getByText('Failed', { exact: false }) });
      expect(await failed.count()).toBeGreaterThan(0);
      // What failed comes first, and says what it does to the verdict.
      expect(await checks.first().getAttribute('data-outcome')).toBe('failed');
      expect(await checks.first().textContent()).toContain('makes the proof altered');
      expect(await section(page, 'Checks').textContent()).toMatch(/1 failed/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('The text was changed after it was signed');
      expect(await section(page, 'Proof envelope').textContent()).toContain('og-tee');
      await screenshot(page, 'inspector-altered');

      await verifyAgain(page);
      await expect.poll(() => page.title()).toBe('Altered · Verity proof inspector');
      expect(await checks.first().getAttribute('data-outcome')).toBe('failed');
      await page.close();
    });
  });
}
