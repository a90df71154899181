import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as browserApi } from 'wxt/browser';
import { startC2paEngine } from '../../cli/c2pa-engine';
import { imageAnchorsKey } from '../../entrypoints/background/images/image-anchor-keys';
import { serveC2paTestImages } from '../fixtures/c2pa-image-server';
import { c2paTestImages, type C2paTestImages } from '../fixtures/c2pa-images';
import { sendFrom, type FirefoxDemoSession } from './firefox-session';

/** The extension API inside the extension's pages, where the evaluated functions run. */
declare const browser: typeof browserApi;

/**
 * The Firefox build's image engine: the background page starts the engine
 * worker itself (no offscreen document), and each signed test image gets
 * its state, as in Chromium (test/e2e/c2pa-images.test.ts). Run by
 * ./firefox.test.ts in every installed ESR; it trusts the test images' signer from its first test on.
 */
export function describeImageEngine(session: FirefoxDemoSession): void {
  describe('the image engine', () => {
    let images: C2paTestImages;
    let server: Awaited<ReturnType<typeof serveC2paTestImages>>;

    beforeAll(async () => {
      startC2paEngine();
      images = await c2paTestImages();
      server = await serveC2paTestImages(images, { contentType: 'image/jpeg', cors: true });
      await session.helper.evaluate(([key, pem]) => browser.storage.local.set({ [key]: pem }), [imageAnchorsKey, images.trustAnchors] as const);
    });

    afterAll(() => server?.close());

    it('gives each signed test image its state', async () => {
      const expected = { trustedAi: 'verified', unknownSigner: 'untrusted', editedAi: 'verified', bytesChanged: 'altered', manifestCut: 'malformed', badSignature: 'invalid' };
      for (const [name, state] of Object.entries(expected)) {
        const { verdict } = await sendFrom(session.helper, 'check-image', { url: `${server.baseUrl}/${name}` });
        expect({ name, state: verdict?.state }).toEqual({ name, state });
      }
      expect((await sendFrom(session.helper, 'check-image', { url: `${server.baseUrl}/noManifest` })).verdict).toBeNull();
    });
  });
}
