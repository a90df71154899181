import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as browserApi } from 'wxt/browser';
import { startC2paEngine } from '../../cli/c2pa-engine';
import { imageAnchorsKey } from '../../entrypoints/background/images/image-anchor-keys';
import { builtFirefoxExtensionPath, installedFirefoxes, launchFirefoxWithExtension, until, type FirefoxWithExtension } from '../../devnet/firefox-browser';
import { chosenSourceBadges, expectedImageBadges, serveC2paImagePage } from '../fixtures/c2pa-image-page';
import { statesOfBadges } from './badge-states';
import { c2paTestImages, type C2paTestImages } from '../fixtures/c2pa-images';

/** The extension API inside the extension's pages, where the evaluated functions run. */
declare const browser: typeof browserApi;

/**
 * Badges on a page's images in Firefox, as in Chromium
 * (test/e2e/page-images.test.ts): the Firefox build with image access
 * granted at install (`<all_urls>` among its permissions: no test can
 * answer the browser's prompt), the page's images served without CORS.
 */

let images: C2paTestImages;
let server: Awaited<ReturnType<typeof serveC2paImagePage>>;
let extensionCopy: string;

beforeAll(async () => {
  startC2paEngine();
  images = await c2paTestImages();
  server = await serveC2paImagePage(images);
  extensionCopy = await mkdtemp(join(tmpdir(), 'verity-firefox-images-'));
  await cp(builtFirefoxExtensionPath, extensionCopy, { recursive: true });
  const manifestPath = join(extensionCopy, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { permissions: string[] };
  await writeFile(manifestPath, JSON.stringify({ ...manifest, permissions: [...manifest.permissions, '<all_urls>'] }));
});

afterAll(async () => {
  await server?.close();
  if (extensionCopy !== undefined) await rm(extensionCopy, { recursive: true, force: true });
});

describe.each(installedFirefoxes())('badges on a page’s images in $name', ({ name, executablePath }) => {
  let firefox: FirefoxWithExtension;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension({ executablePath, extensionPath: extensionCopy });
    const helper = await firefox.openExtensionPage('inspector.html');
    await helper.evaluate(([key, pem]) => browser.storage.local.set({ [key]: pem }), [imageAnchorsKey, images.trustAnchors] as const);
  }, 180_000);

  afterAll(() => firefox?.close());

  it('badges each image with Content Credentials with its state, in an open shadow root too, and none without', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(server.baseUrl);
    const names = await page.evaluate(() => [...document.querySelectorAll('figure')].map((figure) => figure.dataset.name ?? ''));
    // Each figure's image badge, read inside its closed shadow root; a figure without one stands in, and reads null.
    const states = async () => {
      const read = await statesOfBadges(page, () =>
        [...document.querySelectorAll('figure')].map((figure) => {
          // A badge follows its image, or the image's <picture>.
          const image = figure.querySelector('img')!;
          const next = (image.parentElement?.localName === 'picture' ? image.parentElement : image).nextElementSibling;
          return next?.localName === 'verity-badge' ? next : figure;
        }),
      );
      return Object.fromEntries(names.map((name, index) => [name, read[index] ?? null]));
    };
    // And the source the browser chose (`currentSrc`) decides, not the <img>'s own `src`.
    const want = { ...Object.fromEntries(Object.entries(expectedImageBadges).map(([name, [state]]) => [name, state])), picture: chosenSourceBadges.picture };
    const matches = async () => {
      const now = await states();
      return Object.entries(want).every(([name, state]) => now[name] === state);
    };
    // On timeout, the comparison below says which image is off.
    await until(matches, { timeout: 60_000 }).catch(() => undefined);
    const found = await states();
    expect(found).toMatchObject(want);
    expect(found.noManifest).toBeNull();
    expect(found.small).toBeNull();
    expect(found.srcset).toBeNull();
    // The page has the cookie its server wants for this one; Verity sends none and cannot read it: no badge.
    expect(found.needsCookie).toBeNull();
    const inShadowRoot = async () =>
      (await statesOfBadges(page, () => [document.getElementById('shadow-host')!.shadowRoot!.querySelector('img')!.nextElementSibling ?? document.body]))[0] ?? null;
    await until(async () => (await inShadowRoot()) === 'untrusted', { timeout: 30_000 }).catch(() => undefined);
    expect(await inShadowRoot()).toBe('untrusted');
    await mkdir(resolve('test-results/firefox'), { recursive: true });
    await page.screenshot({ path: resolve(`test-results/firefox/page-images-${name.replaceAll(' ', '-')}.png`) });
    await page.close();
  }, 120_000);
});
