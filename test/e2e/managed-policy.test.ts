import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as browserApi } from 'wxt/browser';
import { builtExtensionPath, launchExtensionBrowser, unpackedExtensionId, type ExtensionBrowser } from '../../devnet/extension-browser';
import { startDevnet, type StartDevnetReturnType } from '../../devnet/devnet';
import { settingsKeys } from '../../storage/settings-keys';
import { startC2paEngine } from '../../cli/c2pa-engine';
import { imageAnchorsKey } from '../../entrypoints/background/images/image-anchor-keys';
import { serveC2paTestImages } from '../fixtures/c2pa-image-server';
import { c2paTestImages, type C2paTestImages } from '../fixtures/c2pa-images';
import { badgeStatesIn } from '../badge-states';
import { allAnswered, figureStates, whyNotAsCaptioned, openExtensionPage, screenshot, sendFrom } from './demo-session';

declare const chrome: typeof browserApi;

/**
 * The organisation's trust configuration (spec §7), pushed by a Chromium
 * policy as an administrator would: with no user layer at all, the demo
 * page verifies, and the options page shows the values as the
 * organisation's, read-only; and after a restart of the browser, a policy
 * withdrawn while it was closed no longer counts. The policy's `c2pa`
 * section names the test images' root as the organisation's signer.
 * Chromium reads policies
 * from a root-owned directory, so this runs only as root; the policy file
 * is always removed.
 */

const policyFile = '/etc/chromium/policies/managed/verity-e2e.json';
const isRoot = process.getuid?.() === 0;
if (!isRoot) console.warn(`Skipping the managed-policy test: writing ${policyFile} needs root.`);

let devnet: StartDevnetReturnType;
let images: C2paTestImages;
/** The test images, with CORS: the extension reads them without a host permission. */
let imageServer: Awaited<ReturnType<typeof serveC2paTestImages>>;
let browser: ExtensionBrowser;
/** Kept across the restart. */
let profile: string;

beforeAll(async () => {
  if (!isRoot) return;
  devnet = await startDevnet({ servePage: true });
  startC2paEngine();
  images = await c2paTestImages();
  imageServer = await serveC2paTestImages(images, { contentType: 'image/jpeg', cors: true });
  const trustConfig = { ...devnet.trustConfig, c2pa: { anchors: images.trustAnchors } };
  const policy = {
    '3rdparty': { extensions: { [unpackedExtensionId(builtExtensionPath)]: { trustConfig: JSON.stringify(trustConfig) } } },
  };
  await mkdir(dirname(policyFile), { recursive: true });
  await writeFile(policyFile, JSON.stringify(policy, null, 2));
  profile = await mkdtemp(join(tmpdir(), 'verity-e2e-managed-'));
  browser = await launchExtensionBrowser({ userDataDir: profile });
}, 180_000);

afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    // Every Chromium on this machine reads the directory: never leave the policy behind.
    await rm(policyFile, { force: true });
    await devnet?.stop();
    await imageServer?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  }
});

describe.skipIf(!isRoot)('a trust configuration set by policy, in Chromium', () => {
  it('verifies the demo page with no user layer, and the options page shows the values as the organisation set them', async () => {
    const worker = await browser.serviceWorker();
    const stored = await worker.evaluate((key) => chrome.storage.local.get(key), settingsKeys.userTrustConfig);
    expect(stored).toEqual({});

    const demo = await browser.context.newPage();
    await demo.goto(devnet.pageUrl!);
    await allAnswered(demo, devnet.scenarios.length);
    const figures = await figureStates(demo);
    expect(figures.map(({ badges }) => badges), await whyNotAsCaptioned(browser, demo, figures)).toEqual(figures.map(({ expected }) => [expected]));
    expect(figures.filter(({ expected }) => expected === 'verified').length).toBeGreaterThan(0);
    await demo.close();

    const options = await openExtensionPage(browser, 'options.html');
    await options.getByRole('heading', { name: 'Trust configuration' }).waitFor({ timeout: 20_000 });
    const chain = String(devnet.chainId);
    const { managedError, provenance, user } = await sendFrom(options, 'trust-config', {});
    expect(managedError).toBeUndefined();
    expect(user).toBeUndefined();
    expect(provenance?.[`chains.${chain}.rpc`]).toBe('managed');

    await options.getByText("Some settings come from your organisation. They are marked, and can't be changed here.").waitFor({ timeout: 10_000 });
    expect(await options.getByText('Set by your organisation').count()).toBeGreaterThan(1);
    // The organisation's values are in the form, and none of them can be edited.
    await options.getByText(devnet.trustConfig.chains[chain]!.name, { exact: true }).click();
    const readOnly = await options
      .getByRole('textbox')
      .evaluateAll((boxes) => boxes.filter((box) => (box as HTMLInputElement).readOnly).map((box) => (box as HTMLInputElement).value.toLowerCase()));
    const config = devnet.trustConfig;
    expect(readOnly).toEqual(
      expect.arrayContaining(
        [
          config.chains[chain]!.name,
          config.chains[chain]!.rpc[0]!,
          String(config.chains[chain]!.confirmations),
          config.opengradient[chain]!.teeRegistry,
          config.eas[chain]!.eas,
          config.trustedAttesters[0]!.address,
        ].map((value) => value.toLowerCase()),
      ),
    );
    await screenshot(options, 'options-managed');
    await screenshot(options.locator('details[open]'), 'options-managed-chain');
    await options.close();
  });

  it('verifies an image signed by the organisation’s image signer, and says the organisation trusts it', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    const { verdict } = await sendFrom(options, 'check-image', { url: `${imageServer.baseUrl}/trustedAi` });
    expect(verdict).toMatchObject({ state: 'verified', trustedBy: 'organisation' });
    // No other set trusts this signer: the reader added none.
    expect(await options.evaluate((key) => chrome.storage.local.get(key), imageAnchorsKey)).toEqual({});
    const organisationSigners = options.getByRole('list', { name: /Your organisation’s signers/ });
    await organisationSigners.getByText('Verity Test Studio Root CA').waitFor({ timeout: 10_000 });
    expect(await organisationSigners.getByRole('button').count()).toBe(0);
    await organisationSigners.scrollIntoViewIfNeeded();
    await screenshot(options, 'options-managed-image-signers', { fullPage: false });

    const inspector = await browser.context.newPage();
    await inspector.goto(`chrome-extension://${browser.extensionId}/inspector.html?image=${encodeURIComponent(`${imageServer.baseUrl}/trustedAi`)}`);
    await expect
      .poll(() => inspector.locator('h1').textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`^Made with AI — signed by ${images.trustedSignerName} \\(your organisation’s signer\\) using Test Image Model 2\\.1`));
    await screenshot(inspector, 'image-inspector-organisation');
    await inspector.close();
    await options.close();
  });

  it('verifies nothing by a policy withdrawn while the browser was closed', async () => {
    await browser.close();
    await rm(policyFile, { force: true });
    browser = await launchExtensionBrowser({ userDataDir: profile });
    const demo = await browser.context.newPage();
    await demo.goto(devnet.pageUrl!);
    await allAnswered(demo, devnet.scenarios.length);
    // The worker waits for storage.managed at the start: without the policy the devnet chain is not configured.
    await expect
      .poll(async () => (await badgeStatesIn(demo)).every((state) => state !== 'verified' && state !== 'checking'), { timeout: 30_000 })
      .toBe(true);
    expect((await figureStates(demo)).flatMap(({ badges }) => badges)).toContain('unavailable');

    const options = await openExtensionPage(browser, 'options.html');
    const { managed, provenance } = await sendFrom(options, 'trust-config', {});
    expect(managed).toBeUndefined();
    expect(Object.values(provenance ?? {})).not.toContain('managed');
    // Nor does its image signer.
    expect((await sendFrom(options, 'check-image', { url: `${imageServer.baseUrl}/trustedAi` })).verdict?.state).toBe('untrusted');
  });
});
