import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as extensionApi } from 'wxt/browser';
import { startC2paEngine } from '../../cli/c2pa-engine';
import { imageAnchorsKey } from '../../entrypoints/background/images/image-anchor-keys';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../devnet/extension-browser';
import { openExtensionPage, sendFrom } from '../../devnet/extension-pages';
import { serveC2paTestImages, type C2paImageName } from '../fixtures/c2pa-image-server';
import { c2paTestImages, type C2paTestImages } from '../fixtures/c2pa-images';

/** The extension API inside the worker, where the evaluated function runs. */
declare const chrome: typeof extensionApi;

/**
 * The built extension's image engine in Chromium: each signed test image,
 * served over HTTP, checked through the worker, the offscreen document and
 * the engine worker, from the extension's own files. The server sends CORS
 * headers, so no host permission is needed here.
 */

let images: C2paTestImages;
let server: Awaited<ReturnType<typeof serveC2paTestImages>>;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  startC2paEngine();
  images = await c2paTestImages();
  server = await serveC2paTestImages(images, { contentType: 'image/jpeg', cors: true });
  browser = await launchExtensionBrowser();
  const worker = await browser.serviceWorker();
  await worker.evaluate(([key, pem]) => chrome.storage.local.set({ [key]: pem }), [imageAnchorsKey, images.trustAnchors] as const);
  page = await openExtensionPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const check = (name: string) => sendFrom(page, 'check-image', { url: `${server.baseUrl}/${name}` });

describe('the extension’s image engine, in Chromium', () => {
  it('gives each signed test image its state, and reads the AI marker through an edit', async () => {
    const expected: Record<Exclude<C2paImageName, 'noManifest'>, [state: string, ai: boolean]> = {
      trustedAi: ['verified', true],
      trustedCapture: ['verified', false],
      unknownSigner: ['untrusted', true],
      editedAi: ['verified', true],
      bytesChanged: ['altered', true],
      manifestCut: ['malformed', false],
      badSignature: ['invalid', true],
      largeAi: ['verified', true],
    };
    const times: number[] = [];
    for (const [name, [state, ai]] of Object.entries(expected)) {
      const { verdict, engineMs } = await check(name);
      expect({ name, state: verdict?.state, ai: verdict?.ai.generated }).toEqual({ name, state, ai });
      if (engineMs !== undefined) times.push(engineMs);
    }
    console.log(`engine ms per image (first includes compiling the WASM): ${times.map((ms) => ms.toFixed(1)).join(', ')}`);
  });

  it('gives no verdict on an image without a manifest, and calls one it cannot fetch unavailable', async () => {
    expect(await check('noManifest')).toMatchObject({ verdict: null });
    expect((await check('missing')).verdict).toMatchObject({ state: 'unavailable', reason: 'The image could not be fetched: HTTP 404' });
  });

  it('reads the anchors at each check: without them a valid signer is untrusted, and one added on the options page counts at once', async () => {
    const worker = await browser.serviceWorker();
    await worker.evaluate((key) => chrome.storage.local.remove(key), imageAnchorsKey);
    expect((await check('trustedAi')).verdict?.state).toBe('untrusted');

    const options = await openExtensionPage(browser, 'options.html');
    await options.getByLabel(/^Certificate \(PEM text/).fill(images.trustAnchors);
    await options.getByRole('button', { name: 'Add signer' }).click();
    await options.getByRole('list', { name: 'Signers you added' }).getByText('Verity Test Studio Root CA').waitFor();
    expect((await check('trustedAi')).verdict).toMatchObject({ state: 'verified', trustedBy: 'reader' });
    await options.close();
  });
});
