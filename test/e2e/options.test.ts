import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as browserApi } from 'wxt/browser';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../devnet/extension-browser';
import { articleSnippetAttribute } from '../../devnet/article/article-element';
import { startDevnet, type StartDevnetReturnType } from '../../devnet/devnet';
import { settingsKeys } from '../../storage/settings-keys';
import { badgeStatesIn } from '../badge-states';
import { allAnswered, openExtensionPage, screenshot, sendFrom, tabShowing } from './demo-session';
import { expectNoAxeViolations } from './axe';

declare const chrome: typeof browserApi;

/**
 * The options page, built and loaded in Chromium: the devnet's trust
 * configuration imported through the form as a user would paste it, saved,
 * shown again as JSON, and a broken one refused with the field it breaks;
 * then the devnet's trust list subscribed to, which makes an untrusted signer verified.
 */

let devnet: StartDevnetReturnType;
let browser: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  devnet = await startDevnet({ servePage: true });
  browser = await launchExtensionBrowser();
  await browser.serviceWorker();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await devnet?.stop();
});

/** A value with its addresses as the configuration stores them: lower-case. */
const normalized = <value>(value: value): value =>
  JSON.parse(JSON.stringify(value).replace(/0x[0-9a-fA-F]{40}/g, (address) => address.toLowerCase())) as value;

async function openOptions(): Promise<Page> {
  const page = await openExtensionPage(browser, 'options.html');
  await page.getByRole('heading', { name: 'Trust configuration' }).waitFor({ timeout: 20_000 });
  return page;
}

const configBox = (page: Page) => page.getByRole('textbox', { name: 'Configuration JSON' });

async function importJson(page: Page, json: string): Promise<void> {
  await configBox(page).fill(json);
  await page.getByRole('button', { name: 'Import this JSON' }).click();
}

describe('the options page in Chromium', () => {
  it('imports the devnet trust configuration, saves it, and exports the same configuration', async () => {
    options = await openOptions();
    await importJson(options, JSON.stringify(devnet.trustConfig, null, 2));
    // What the import would change comes first; nothing is replaced until the reader says so.
    const changes = options.getByRole('region', { name: 'Importing this would change your settings:' });
    await changes.waitFor({ timeout: 10_000 });
    expect(await changes.textContent()).toContain(`Adds Chain ${devnet.chainId}`);
    await screenshot(options.locator('section[aria-labelledby="import-heading"]'), 'options-import-changes');
    await expectNoAxeViolations(options, "the options page's import preview");
    await options.getByRole('button', { name: 'Replace my settings with this' }).click();
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Imported into the form' }).count()).toBe(1);
    await options.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => options.getByText('Saved. Open pages use it from now on.').count()).toBe(1);

    // What the worker now verifies with: the devnet's sections, from the user's layer.
    const chain = String(devnet.chainId);
    const { effective, provenance } = await sendFrom(options, 'trust-config', {});
    const devnetConfig = normalized(devnet.trustConfig);
    expect(effective.chains[chain]).toEqual(devnetConfig.chains[chain]);
    expect(effective.opengradient[chain]).toEqual(devnetConfig.opengradient[chain]);
    expect(effective.eas[chain]).toEqual(devnetConfig.eas[chain]);
    expect(effective.erc7007[chain]).toEqual(devnetConfig.erc7007[chain]);
    expect(normalized(effective.trustedAttesters)).toEqual(expect.arrayContaining(devnetConfig.trustedAttesters));
    expect(provenance?.[`chains.${chain}.rpc`]).toBe('user');

    // A fresh options page shows it back: the export is the effective configuration.
    await options.close();
    options = await openOptions();
    await options.getByRole('button', { name: 'Show as JSON' }).click();
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Your configuration is in the box above.' }).count()).toBe(1);
    const exported: unknown = JSON.parse(await configBox(options).inputValue());
    // Every value, the built-in defaults' `note`s (remarks for readers) included.
    expect(exported).toEqual(effective);
    expect(JSON.stringify(exported)).toContain('"note"');
    await screenshot(options, 'options-imported');

    // Importing the export changes nothing: nothing to save.
    await importJson(options, JSON.stringify(exported));
    await options.getByRole('button', { name: 'Replace my settings with this' }).click();
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Imported into the form' }).count()).toBe(1);
    expect(await options.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    const worker = await browser.serviceWorker();
    const stored = await worker.evaluate((key) => chrome.storage.local.get(key), settingsKeys.userTrustConfig);
    expect(stored[settingsKeys.userTrustConfig]).toBeDefined();
  });

  it('refuses a configuration with a bad field or a setting it does not know, and names each at once', async () => {
    const chain = String(devnet.chainId);
    const misspelt = { rpcs: ['https://backup.example'] };
    const broken = { ...devnet.trustConfig, chains: { [chain]: { ...devnet.trustConfig.chains[chain]!, confirmations: -1, ...misspelt } } };
    await importJson(options, JSON.stringify(broken));
    const alert = options.getByRole('alert').filter({ hasText: "This configuration can't be imported" });
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain(`Chain ${chain}, confirmations: must be at least 1`);
    expect(await alert.textContent()).toContain(`Chain ${chain}: has a setting Verity does not know: “rpcs”`);
    expect(await configBox(options).getAttribute('aria-invalid')).toBe('true');
    await screenshot(options, 'options-invalid');
    await expectNoAxeViolations(options, 'the options page with its errors');

    // Nothing changed: the saved configuration still holds.
    expect(await options.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    const { effective } = await sendFrom(options, 'trust-config', {});
    expect(effective.chains[chain]?.confirmations).toBe(devnet.trustConfig.chains[chain]!.confirmations);
    await options.close();
  });

  it("subscribes to the devnet's trust list after a preview, and the article's untrusted partner content is verified, naming the list", async () => {
    // The list `npm start` serves, subscribed to as the README's power user does.
    const list = devnet.trustList;
    const listUrl = devnet.trustListUrl!;
    const [signer] = list.attesters;
    const partner = `[${articleSnippetAttribute}="partner"]`;
    const page = await browser.context.newPage();
    try {
      await page.goto(devnet.articleUrl!);
      await allAnswered(page, devnet.articleSnippets.length);
      const badge = page.locator(`${partner} verity-badge`);
      const badgeState = async () => (await badgeStatesIn(page, partner))[0];
      expect(await badgeState()).toBe('untrusted');

      options = await openOptions();
      const section = options.locator('section[aria-labelledby="trust-lists-heading"]');
      await options.getByLabel('Add a list by its address').fill(listUrl);
      await options.getByRole('button', { name: 'Preview' }).click();
      const preview = options.getByRole('group', { name: 'List preview' });
      await preview.waitFor({ timeout: 10_000 });
      expect(await preview.textContent()).toContain(`${list.name}Adds 1 signer.`);
      // Whom it vouches for, with the page the list gives about them: its origin as the link's text.
      const about = preview.getByRole('link', { name: new URL(signer!.url!).origin });
      expect(await about.getAttribute('href')).toBe(signer!.url);
      await options.getByLabel('Verdicts will call it').fill('Press Council');
      await screenshot(section, 'options-trust-list-preview');
      await preview.getByRole('button', { name: 'Subscribe' }).click();
      const subscribed = options.getByRole('list', { name: 'Subscribed trust lists' });
      await subscribed.getByText('Up to date: fetched').waitFor({ timeout: 10_000 });
      await screenshot(section, 'options-trust-lists');

      // The worker verifies again with the list: the badge turns verified, and the verdict names the list.
      await expect.poll(badgeState, { timeout: 30_000 }).toBe('verified');
      const { state } = await tabShowing(options, page.url());
      const { verdict } = state.proofs.find((proof) => proof.verdict?.facts.attester?.toLowerCase() === devnet.accounts.untrustedAttester.toLowerCase())!;
      expect(verdict?.summary).toContain(`Attested by ${signer!.label} (from the list “Press Council”)`);
      expect(verdict?.facts.trustLists).toEqual(['Press Council']);
      expect(verdict?.facts.signerPage).toBe(signer!.url);
      // Only the copy the preview fetched: subscribing stores it, and the worker does not fetch it again.
      expect(devnet.pageRequests.filter((path) => path === new URL(listUrl).pathname)).toHaveLength(1);
      await badge.scrollIntoViewIfNeeded();
      await badge.click();
      await screenshot(page, 'trust-list-card', { fullPage: false });

      // Removing it takes the signer's trust away again.
      await subscribed.getByRole('button', { name: 'Remove the list Press Council' }).click();
      await expect.poll(badgeState, { timeout: 30_000 }).toBe('untrusted');
    } finally {
      await page.close();
      await options.close();
    }
  });
});
