import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as extensionApi } from 'wxt/browser';
import type { Page } from 'playwright-core';
import { startC2paEngine } from '../../cli/c2pa-engine';
import { imageAnchorsKey } from '../../entrypoints/background/images/image-anchor-keys';
import { imageAccessKey } from '../../entrypoints/background/images/image-access';
import { verifyImageMenuId } from '../../entrypoints/background/images/verify-image-menu';
import { builtExtensionPath, launchExtensionBrowser, type ExtensionBrowser } from '../../devnet/extension-browser';
import { serveC2paImagePage } from '../fixtures/c2pa-image-page';
import { c2paTestImages, type C2paTestImages } from '../fixtures/c2pa-images';
import { openExtensionPage, openPopupBeside, screenshot } from './demo-session';
import { accessibleWords, badgeStates } from './image-page-reading';

/** The extension API inside the worker, where the evaluated function runs. */
declare const chrome: typeof extensionApi;

/**
 * "Verify image with Verity" without the grant of image access, in
 * Chromium: the built extension as installed, the test page's images
 * same-origin and without CORS, so only the page's own frame can read them.
 * Playwright cannot pick a native context menu item: the test right-clicks
 * the image (a trusted contextmenu event) and then dispatches the menu's
 * click to the worker's own listener, with the info Chromium gives it.
 */

let images: C2paTestImages;
let server: Awaited<ReturnType<typeof serveC2paImagePage>>;
let browser: ExtensionBrowser;
let extensionPage: Page;

beforeAll(async () => {
  startC2paEngine();
  images = await c2paTestImages();
  server = await serveC2paImagePage(images);
  browser = await launchExtensionBrowser();
  const worker = await browser.serviceWorker();
  await worker.evaluate(([key, pem]) => chrome.storage.local.set({ [key]: pem }), [imageAnchorsKey, images.trustAnchors] as const);
  extensionPage = await openExtensionPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Right-clicks the named figure's image and picks "Verify image with Verity" (in `inBrowser`, the suite's by default). */
async function verifyFromMenu(page: Page, name: string, { srcUrl = `${server.baseUrl}/img/${name}`, inBrowser = browser } = {}): Promise<void> {
  const image = page.locator(`figure[data-name="${name}"] img`);
  await image.click({ button: 'right' });
  await page.keyboard.press('Escape');
  const worker = await inBrowser.serviceWorker();
  await worker.evaluate(
    async ([menuItemId, srcUrl, pageUrl]) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      const dispatch = (chrome.contextMenus.onClicked as unknown as { dispatch: (...args: unknown[]) => void }).dispatch;
      dispatch.call(chrome.contextMenus.onClicked, { menuItemId, srcUrl, pageUrl, frameId: 0, mediaType: 'image', editable: false }, tab);
    },
    [verifyImageMenuId, srcUrl, server.baseUrl] as const,
  );
}

describe('“Verify image with Verity” without image access, in Chromium', () => {
  it('leaves the page’s images alone without the grant', async () => {
    // What Verity's session in a page reads; no page's content script is given the image-access script.
    expect(await extensionPage.evaluate((key) => chrome.storage.local.get(key), imageAccessKey)).toEqual({ [imageAccessKey]: false });
    // Without the grant Verity holds no `scripting` either, so nothing can register it.
    expect(await extensionPage.evaluate(() => chrome.scripting === undefined)).toBe(true);
  });

  it('offers image checks in the popup on a page with images, and not on one without', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.baseUrl);
    await page.bringToFront();
    const worker = await browser.serviceWorker();
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
    const offerIn = (popup: Page) => popup.getByRole('button', { name: 'Allow image checks…' });
    const withImages = await openPopupBeside(browser, { demo: page, tabId });
    await offerIn(withImages).waitFor({ timeout: 10_000 });
    await screenshot(withImages, 'popup-image-offer', { fullPage: false });
    await withImages.close();
    await page.evaluate(() => document.querySelectorAll('img').forEach((image) => image.remove()));
    const withoutImages = await openPopupBeside(browser, { demo: page, tabId });
    // Asked again every 1.5 s: two rounds of asking, and still no offer.
    await withoutImages.getByText('Verity', { exact: false }).first().waitFor();
    await withoutImages.waitForTimeout(3_200);
    expect(await offerIn(withoutImages).count()).toBe(0);
    await withoutImages.close();
    await page.close();
  });

  it('reads the image in its own frame, badges it and opens its card; says so when an image has no Content Credentials', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(server.baseUrl);
    await page.bringToFront();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Accessibility.enable');

    await verifyFromMenu(page, 'trustedAi');
    await expect.poll(async () => (await accessibleWords(cdp)).dialog, { timeout: 30_000 }).toMatch(`Made with AI — signed by ${images.trustedSignerName} (a signer you added) using Test Image Model 2.1, ${images.trustedAiSignedAt.toISOString().slice(0, 10)}`);
    expect(await badgeStates(page)).toEqual({ noManifest: undefined, trustedAi: 'verified', trustedCapture: undefined, unknownSigner: undefined, editedAi: undefined, bytesChanged: undefined, manifestCut: undefined, badSignature: undefined, largeAi: undefined, small: undefined, picture: undefined, srcset: undefined, needsCookie: undefined });
    await screenshot(page, 'image-menu-card', { fullPage: false });

    await page.keyboard.press('Escape');
    await verifyFromMenu(page, 'noManifest');
    await expect.poll(async () => (await accessibleWords(cdp)).dialog, { timeout: 30_000 }).toMatch('This image carries no Content Credentials');
    expect((await badgeStates(page)).noManifest).toBeUndefined();
    await page.close();
  });

  describe('an image from another site (its server shares nothing)', () => {
    let imageSite: Awaited<ReturnType<typeof serveC2paImagePage>>;
    beforeAll(async () => void (imageSite = await serveC2paImagePage(images)));
    afterAll(() => imageSite?.close());

    /** The test page with one more figure, whose image comes from the other site (another port: another origin). */
    const openWithOtherSiteImage = async (inBrowser: ExtensionBrowser) => {
      const page = await inBrowser.context.newPage();
      await page.goto(server.baseUrl);
      await page.bringToFront();
      await page.evaluate((src) => {
        document.body.insertAdjacentHTML('afterbegin', `<figure data-name="otherSite"><img src="${src}" alt="otherSite" width="240" height="160"><figcaption>otherSite</figcaption></figure>`);
        return document.querySelector<HTMLImageElement>('figure[data-name="otherSite"] img')!.decode();
      }, `${imageSite.baseUrl}/img/trustedAi`);
      return page;
    };

    it('says it could not be read when the reader did not let Verity read that site', async () => {
      // The menu's click is dispatched here without a gesture, so the browser asks nobody and refuses, as a reader may.
      const page = await openWithOtherSiteImage(browser);
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Accessibility.enable');
      await verifyFromMenu(page, 'otherSite', { srcUrl: `${imageSite.baseUrl}/img/trustedAi` });
      await expect.poll(async () => (await accessibleWords(cdp)).dialog, { timeout: 30_000 }).toMatch('The image could not be read from this page');
      expect((await badgeStates(page)).otherSite).toBeUndefined();
      await page.close();
    });

    it('has the worker fetch it when the reader let Verity read that one site', async () => {
      // That site's access, as a reader's "Allow" leaves it: granted at install here, since no test can answer the prompt.
      const copy = await mkdtemp(join(tmpdir(), 'verity-site-access-'));
      let siteBrowser: ExtensionBrowser | undefined;
      try {
        await cp(builtExtensionPath, copy, { recursive: true });
        const manifest = JSON.parse(await readFile(join(copy, 'manifest.json'), 'utf8')) as Record<string, unknown>;
        await writeFile(join(copy, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }));
        siteBrowser = await launchExtensionBrowser({ extensionPath: copy });
        const worker = await siteBrowser.serviceWorker();
        await worker.evaluate(([key, pem]) => chrome.storage.local.set({ [key]: pem }), [imageAnchorsKey, images.trustAnchors] as const);
        // One site is not the grant of image access: the page's images are still left alone.
        expect(await worker.evaluate(() => chrome.permissions.contains({ origins: ['<all_urls>'] }))).toBe(false);
        const page = await openWithOtherSiteImage(siteBrowser);
        const cdp = await siteBrowser.context.newCDPSession(page);
        await cdp.send('Accessibility.enable');
        await verifyFromMenu(page, 'otherSite', { srcUrl: `${imageSite.baseUrl}/img/trustedAi`, inBrowser: siteBrowser });
        await expect.poll(async () => (await accessibleWords(cdp)).dialog, { timeout: 30_000 }).toMatch(`Made with AI — signed by ${images.trustedSignerName}`);
        expect((await badgeStates(page)).otherSite).toBe('verified');
        await page.close();
      } finally {
        await siteBrowser?.close();
        await rm(copy, { recursive: true, force: true });
      }
    });
  });
});
