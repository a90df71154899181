import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as browserApi } from 'wxt/browser';
import { startC2paEngine } from '../../cli/c2pa-engine';
import { imageAnchorsKey } from '../../entrypoints/background/images/image-anchors';
import { installedFirefoxes, launchFirefoxWithExtension, type FirefoxWithExtension } from '../../devnet/firefox-browser';
import { c2paTestImages, type C2paTestImages } from '../fixtures/c2pa-images';
import { sendFrom } from './firefox-session';

/** The extension API inside the extension's pages, where the evaluated functions run. */
declare const browser: typeof browserApi;

/**
 * The Firefox build's image engine: the background page starts the engine
 * worker itself (no offscreen document), and each signed test image gets
 * its state, as in Chromium (test/e2e/c2pa-images.test.ts).
 */

type ImageName = Exclude<keyof C2paTestImages, 'trustAnchors' | 'trustedSignerName' | 'unknownSignerName'>;

let images: C2paTestImages;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  startC2paEngine();
  images = await c2paTestImages();
  server = createServer((request, response) => {
    const body = images[request.url?.slice(1) as ImageName] as Uint8Array | undefined;
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'image/jpeg', 'access-control-allow-origin': '*' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => server?.close());

describe.each(installedFirefoxes())('the image engine in $name', ({ executablePath }) => {
  let firefox: FirefoxWithExtension;
  let helper: Page;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension({ executablePath });
    helper = await firefox.openExtensionPage('inspector.html');
    await helper.evaluate(([key, pem]) => browser.storage.local.set({ [key]: pem }), [imageAnchorsKey, images.trustAnchors] as const);
  }, 180_000);

  afterAll(() => firefox?.close());

  it('gives each signed test image its state', async () => {
    const expected = { trustedAi: 'verified', unknownSigner: 'untrusted', editedAi: 'verified', bytesChanged: 'altered', manifestCut: 'malformed', badSignature: 'invalid' };
    for (const [name, state] of Object.entries(expected)) {
      const { verdict } = await sendFrom(helper, 'check-image', { url: `${baseUrl}/${name}` });
      expect({ name, state: verdict?.state }).toEqual({ name, state });
    }
    expect((await sendFrom(helper, 'check-image', { url: `${baseUrl}/noManifest` })).verdict).toBeNull();
  });
});
