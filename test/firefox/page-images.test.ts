import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as browserApi } from 'wxt/browser';
import { startC2paEngine } from '../../cli/c2pa-engine';
import { imageAnchorsKey } from '../../entrypoints/background/images/image-anchor-keys';
import { builtFirefoxExtensionPath, installedFirefoxes, launchFirefoxWithExtension, until, type FirefoxWithExtension } from '../../devnet/firefox-browser';
import { chosenSourceBadges, expectedImageBadges, serveC2paImagePage } from '../fixtures/c2pa-image-page';
import { statesOfBadges, wordsOfHosts } from './badge-states';
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
  /** An extension page, for the extension API. */
  let helper: Page;
  /** The image page, kept open from the badges to their card. */
  let page: Page;
  const screenshotPath = (what: string) => resolve(`test-results/firefox/${what}-${name.replaceAll(' ', '-')}.png`);

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension({ executablePath, extensionPath: extensionCopy });
    helper = await firefox.openExtensionPage('inspector.html');
    await helper.evaluate(([key, pem]) => browser.storage.local.set({ [key]: pem }), [imageAnchorsKey, images.trustAnchors] as const);
  }, 180_000);

  afterAll(() => firefox?.close());

  it('badges each image with Content Credentials with its state, in an open shadow root too, and none without', async () => {
    page = await firefox.browser.newPage();
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
    const inShadowRoot = async (hostId: string) =>
      (await statesOfBadges(page, (hostId) => [document.getElementById(hostId)!.shadowRoot!.querySelector('img')!.nextElementSibling ?? document.body], hostId))[0] ?? null;
    for (const [hostId, state] of [['shadow-host', 'untrusted'], ['declared-host', 'malformed']] as const) {
      await until(async () => (await inShadowRoot(hostId)) === state, { timeout: 30_000 }).catch(() => undefined);
      expect(await inShadowRoot(hostId), hostId).toBe(state);
    }
    await mkdir(resolve('test-results/firefox'), { recursive: true });
    await page.screenshot({ path: screenshotPath('page-images') });

    // The inspector's page view lists them too, each a link to its own manifest store. (The tab's address is readable:
    // this copy holds `<all_urls>`.)
    const pageUrl = `${server.baseUrl}/`;
    const tabId = await helper.evaluate(async (url) => (await browser.tabs.query({})).find((tab) => tab.url === url)?.id, pageUrl);
    expect(tabId).toBeTypeOf('number');
    const tabInspector = await firefox.openExtensionPage(`inspector.html?tab=${tabId}`);
    const listedImages = () => tabInspector.$$eval('section[aria-labelledby="tab-images-heading"] li a', (links) => links.map((link) => link.textContent ?? ''));
    // With the two in shadow roots.
    const badged = Object.values(want).filter((state) => state !== null).length + 2;
    await until(async () => (await listedImages()).length === badged, { timeout: 10_000 }).catch(() => undefined);
    const listed = await listedImages();
    expect(listed).toHaveLength(badged);
    // No two rows read alike: images of one file name are told apart by their queries.
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.filter((text) => text.includes('bytesChanged'))).toEqual([expect.stringMatching(/^Altered/)]);
    expect(await tabInspector.$$eval('a[href*="image="]', (links) => links.map((link) => new URL(link.href).searchParams.get('page')))).toContain(pageUrl);
    expect(await tabInspector.evaluate(() => document.body.textContent)).toContain('The page has no text with an AI proof.');
    await tabInspector.screenshot({ path: screenshotPath('inspector-page-images'), fullPage: true });
    await tabInspector.close();
  }, 120_000);

  it('opens a badge’s card with its headline, and the image inspector with the manifest’s claims and validation codes', async () => {
    // The card is in a closed shadow root: its words are read as WebDriver BiDi serializes it.
    const openCard = async () => (await wordsOfHosts(page, () => [...document.querySelectorAll('verity-card[data-verity-image][data-open]')]))[0];
    await page.click('figure[data-name="trustedAi"] verity-badge');
    await until(async () => (await openCard()) !== undefined, { timeout: 5_000 }).catch(() => undefined);
    const card = await openCard();
    expect(card).toMatch(new RegExp(`^Made with AI — signed by ${images.trustedSignerName} \\(a signer you added\\) using Test Image Model 2\\.1`, 'm'));
    expect(card).toContain('What the Content Credentials claim (their own words, not Verity’s findings)');
    // In the card's look (its sheet sets the width), in every Firefox: one that keeps a content script from adopting a
    // constructed sheet styles each closed root with a <style> of its own, which drawing the card must not drop.
    expect(await page.evaluate(() => document.querySelector('verity-card[data-verity-image][data-open]')!.getBoundingClientRect().width)).toBe(304);
    // One size whatever it says (the window's height less 16 px where that is less): its height tells the page nothing.
    const cardHeight = () => page.evaluate(() => [document.querySelector('verity-card[data-verity-image][data-open]')!.getBoundingClientRect().height, Math.min(464, innerHeight - 16)]);
    const [height, oneSize] = await cardHeight();
    expect(height).toBe(oneSize);
    await page.screenshot({ path: screenshotPath('page-images-card') });
    await page.keyboard.press('Escape');
    await page.click('figure[data-name="bytesChanged"] verity-badge');
    await until(async () => /The image changed after it was signed/.test((await openCard()) ?? ''), { timeout: 5_000 }).catch(() => undefined);
    expect(await openCard()).toMatch(/^The image changed after it was signed/m);
    expect(await openCard()).not.toContain('Made with AI');
    expect(await cardHeight()).toEqual([oneSize, oneSize]);
    await page.close();

    const inspectorOf = async (image: string) => {
      const inspector = await firefox.openExtensionPage(`inspector.html?image=${encodeURIComponent(`${server.baseUrl}/img/${image}`)}&page=${encodeURIComponent(`${server.baseUrl}/`)}`);
      await until(async () => (await inspector.evaluate(() => document.querySelector('section[aria-label="Passed validation codes"]') !== null)), { timeout: 30_000 });
      return inspector;
    };
    const textsOf = (inspector: Page, selector: string) => inspector.$$eval(selector, (elements) => elements.map((element) => element.textContent ?? ''));
    const ai = await inspectorOf('trustedAi');
    expect(await textsOf(ai, 'h1')).toEqual([expect.stringMatching(new RegExp(`^Made with AI — signed by ${images.trustedSignerName}`))]);
    const claims = await ai.$$eval('dl[aria-label="The manifest’s claims"] > div', (rows) => rows.map((row) => [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent]));
    expect(claims).toEqual(expect.arrayContaining([['Made with', 'Test Image Model 2.1'], ['Signed by', images.trustedSignerName], ['Signed on', expect.stringContaining(images.trustedAiSignedAt.toISOString().slice(0, 19))]]));
    expect((await textsOf(ai, 'section[aria-label="Passed validation codes"]'))[0]).toContain('signingCredential.trusted');
    expect(await textsOf(ai, 'section[aria-label="Failed validation codes"]')).toEqual(['Failed (0)None']);
    expect((await textsOf(ai, 'section[aria-labelledby="actions-heading"]'))[0]).toContain('Source: Made by a generative AI model');
    await ai.screenshot({ path: screenshotPath('image-inspector'), fullPage: true });
    await ai.close();
    // A failure is listed with the engine's code.
    const changed = await inspectorOf('bytesChanged');
    expect((await textsOf(changed, 'section[aria-label="Failed validation codes"]'))[0]).toContain('assertion.dataHash.mismatch');
    await changed.close();
  }, 120_000);
});
