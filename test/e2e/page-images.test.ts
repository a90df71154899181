import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as extensionApi } from 'wxt/browser';
import { startC2paEngine } from '../../cli/c2pa-engine';
import { probeBytes } from '../../entrypoints/background/images/fetch-image';
import { imageAccessKey } from '../../entrypoints/background/images/image-access';
import { imageAnchorsKey } from '../../entrypoints/background/images/image-anchor-keys';
import { builtExtensionPath, launchExtensionBrowser, type ExtensionBrowser } from '../../devnet/extension-browser';
import { chosenSourceBadges, expectedImageBadges, serveC2paImagePage } from '../fixtures/c2pa-image-page';
import { c2paTestImages, type C2paTestImages } from '../fixtures/c2pa-images';
import { openPopupBeside, screenshot } from './demo-session';
import { accessibleWords, badgeStates, shadowImageBadgeState } from './image-page-reading';
import { expectNoAxeViolations } from './axe';
import { exportReportFrom } from './report-download';
import { reportSchema } from '../../lib/report/schema';
import { shareLink } from '../../lib/share/share-link';
import { publishedReportValidator } from '../report-json-schema';

/** The extension API inside the worker, where the evaluated function runs. */
declare const chrome: typeof extensionApi;

/**
 * Badges on a page's images with Content Credentials (issue 15), in
 * Chromium: each signed test image on one page, served without CORS, so
 * only the reader's grant of image access lets the extension read them.
 * Playwright cannot answer the browser's permission prompt, so the grant is
 * made as an install-time one: a copy of the built extension whose manifest
 * lists `<all_urls>` under host_permissions and `scripting` under
 * permissions (the extension asks `permissions.contains`, which a required
 * grant answers the same way).
 */

const expected = expectedImageBadges;

let images: C2paTestImages;
let server: Awaited<ReturnType<typeof serveC2paImagePage>>;
let extensionCopy: string;
let browser: ExtensionBrowser;

/** The built extension with image access granted at install. */
async function extensionWithImageAccess(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'verity-images-'));
  await cp(builtExtensionPath, directory, { recursive: true });
  const manifestPath = join(directory, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  await writeFile(manifestPath, JSON.stringify({ ...manifest, host_permissions: ['<all_urls>'], permissions: [...(manifest.permissions as string[]), 'scripting'] }));
  return directory;
}

beforeAll(async () => {
  startC2paEngine();
  images = await c2paTestImages();
  server = await serveC2paImagePage(images);
  extensionCopy = await extensionWithImageAccess();
  browser = await launchExtensionBrowser({ extensionPath: extensionCopy });
  const worker = await browser.serviceWorker();
  await worker.evaluate(([key, pem]) => chrome.storage.local.set({ [key]: pem }), [imageAnchorsKey, images.trustAnchors] as const);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (extensionCopy !== undefined) await rm(extensionCopy, { recursive: true, force: true });
});

describe('badges on a page’s images, in Chromium', () => {
  it('shows the options page’s image access as on once granted', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const section = options.locator('section[aria-labelledby="images-heading"]');
    await expect.poll(() => section.getByRole('status').textContent(), { timeout: 10_000 }).toContain('On.');
    expect(await section.getByRole('button', { name: 'Turn off' }).count()).toBe(1);
    expect(await options.evaluate((key) => chrome.storage.local.get(key), imageAccessKey)).toEqual({ [imageAccessKey]: true });
    // Pages learn of the grant from this script alone (entrypoints/image-access.ts).
    expect(await options.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toMatchObject([{ id: 'verity-image-access', js: ['image-access.js'], allFrames: true }]);
    await screenshot(section, 'page-images-options');
    await options.close();
  });

  it('badges each image with Content Credentials on its corner with its state, and none without', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(server.baseUrl);
    const layoutBefore = await page.evaluate(() => [...document.querySelectorAll('img')].map((image) => [image.offsetLeft, image.offsetTop]));

    const want = Object.fromEntries(Object.entries(expected).map(([name, [state]]) => [name, state]));
    await expect.poll(() => badgeStates(page), { timeout: 60_000 }).toMatchObject({ ...want, picture: chosenSourceBadges.picture });
    // The image without a manifest was asked about first; by now its answer has come, and drew nothing.
    const states = await badgeStates(page);
    expect(states.noManifest).toBeUndefined();
    expect(states.small).toBeUndefined();
    // Shown by the page, which has the cookie its server wants, but not readable by Verity, which sends none: nothing says it has Content Credentials.
    expect(states.needsCookie).toBeUndefined();
    // The source the browser chose (`currentSrc`) is the one checked, not the <img>'s own `src`.
    expect(await page.evaluate(() => document.querySelector<HTMLImageElement>('figure[data-name="picture"] img')!.currentSrc)).toMatch(/\/img\/trustedAi\?picture$/);
    expect(await page.evaluate(() => document.querySelector<HTMLImageElement>('figure[data-name="srcset"] img')!.currentSrc)).toMatch(/\/img\/noManifest\?srcset$/);
    expect(states.srcset).toBe(chosenSourceBadges.srcset);
    // The image larger than the first ranged request was read in two parts, each byte once (Chrome's cache, holding the
    // first part, names the rest's end). The page's own load of it (one whole request) served neither: Chrome's HTTP cache
    // is keyed by top-level site, and the offscreen document's is the extension.
    const largeRequests = server.requests.filter(({ path }) => path === '/img/largeAi').map(({ range }) => range ?? 'whole');
    expect(largeRequests).toEqual(['whole', `bytes=0-${probeBytes - 1}`, expect.stringMatching(new RegExp(`^bytes=${probeBytes}-(${images.largeAi.length - 1})?$`))]);
    const inShadowRoot = () => shadowImageBadgeState(page, '#shadow-host');
    await expect.poll(inShadowRoot, { timeout: 30_000 }).toBe('untrusted');
    await expect.poll(() => shadowImageBadgeState(page, '#declared-host'), { timeout: 30_000 }).toBe('malformed');
    // The page's own scripts learn no image's verdict from its badge.
    expect(await page.evaluate(() => document.querySelectorAll('verity-badge[data-state]').length)).toBe(0);

    // On the image's top-left corner, moving nothing.
    const placement = await page.evaluate(() => {
      const image = document.querySelector<HTMLImageElement>('figure[data-name="trustedAi"] img')!;
      const badge = image.nextElementSibling!.getBoundingClientRect();
      const box = image.getBoundingClientRect();
      return { dx: badge.left - box.left, dy: badge.top - box.top };
    });
    expect(placement).toEqual({ dx: 6, dy: 6 });
    expect(await page.evaluate(() => [...document.querySelectorAll('img')].map((image) => [image.offsetLeft, image.offsetTop]))).toEqual(layoutBefore);
    // Content the page adds above an image later (a late advertisement) moves it: its badge follows.
    const badgeOffset = () =>
      page.evaluate(() => {
        const image = document.querySelector<HTMLImageElement>('figure[data-name="trustedAi"] img')!;
        return image.nextElementSibling!.getBoundingClientRect().top - image.getBoundingClientRect().top;
      });
    await page.evaluate(() => document.querySelector('figure[data-name="trustedAi"]')!.prepend(Object.assign(document.createElement('div'), { style: 'height: 40px' })));
    await expect.poll(badgeOffset, { timeout: 5_000 }).toBe(6);

    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Accessibility.enable');
    const { buttons } = await accessibleWords(cdp);
    for (const [, name] of Object.values(expected)) expect(buttons).toContain(name);
    await screenshot(page, 'page-images-badges');

    // The card: in a reader's words, about origin, the claims labelled as the manifest's.
    await page.locator('figure[data-name="trustedAi"] verity-badge').click();
    await expect.poll(async () => (await accessibleWords(cdp)).dialog, { timeout: 5_000 }).toBeDefined();
    const card = (await accessibleWords(cdp)).dialog!;
    expect(card).toMatch(new RegExp(`Made with AI — signed by ${images.trustedSignerName} \\(a signer you added\\) using Test Image Model 2\\.1`));
    expect(card).toContain('not whether what it shows is true');
    expect(card).toContain('What the Content Credentials claim (their own words, not Verity’s findings)');
    await screenshot(page, 'page-images-card', { fullPage: false });
    // One size whatever it says: whether the reader's trust lists hold the signer is not the page's to measure.
    const imageCardSize = () =>
      page.evaluate(() => {
        const { width, height } = document.querySelector('verity-card[data-verity-image]')!.getBoundingClientRect();
        return `${width}x${height}`;
      });
    expect(await imageCardSize()).toBe('304x464');

    // Details (after the card, in its closed shadow root, by keyboard): the inspector checks the image again and shows its manifest store.
    const opening = browser.context.waitForEvent('page');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const inspector = await opening;
    await expect.poll(() => inspector.locator('h1').textContent(), { timeout: 30_000 }).toContain(`Made with AI — signed by ${images.trustedSignerName}`);
    expect(new URL(inspector.url()).searchParams.get('page')).toBe(`${server.baseUrl}/`);
    expect(await inspector.locator('section[aria-labelledby="actions-heading"]').textContent()).toContain('Source: Made by a generative AI model');
    expect(await inspector.getByRole('region', { name: 'Passed validation codes' }).textContent()).toContain('signingCredential.trusted');
    await screenshot(inspector, 'image-inspector-ai');
    await expectNoAxeViolations(inspector, "the inspector's image view");
    await inspector.goto(`chrome-extension://${browser.extensionId}/inspector.html?image=${encodeURIComponent(`${server.baseUrl}/img/badSignature`)}`);
    await expect.poll(() => inspector.getByRole('region', { name: 'Failed validation codes' }).textContent(), { timeout: 30_000 }).toContain('claimSignature.mismatch');
    await screenshot(inspector, 'image-inspector-invalid');
    await inspector.close();
    await page.bringToFront();

    await page.keyboard.press('Escape');
    await page.locator('figure[data-name="bytesChanged"] verity-badge').click();
    await expect.poll(async () => (await accessibleWords(cdp)).dialog, { timeout: 5_000 }).toMatch(/The image changed after it was signed/);
    expect((await accessibleWords(cdp)).dialog).not.toContain('Made with AI');
    expect(await imageCardSize()).toBe('304x464');
    // Focus is in the card; Escape takes it back to the badge, and Enter opens the card again.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await accessibleWords(cdp)).dialog).toBeUndefined();
    expect(await page.evaluate(() => document.activeElement?.closest('figure')?.dataset.name)).toBe('bytesChanged');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await accessibleWords(cdp)).dialog, { timeout: 5_000 }).toMatch(/The image changed after it was signed/);
    await page.keyboard.press('Escape');

    // The popup lists them, with the same words.
    await page.bringToFront();
    const worker = await browser.serviceWorker();
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
    const popup = await openPopupBeside(browser, { demo: page, tabId });
    const list = popup.getByRole('region', { name: /Images with Content Credentials/ });
    // Each figure's, the <picture>'s and the ones in the two shadow roots.
    const listed = Object.keys(expected).length + 3;
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 10_000 }).toBe(listed);
    expect(await list.getByRole('heading').textContent()).toBe(`Images with Content Credentials (${listed})`);
    expect(await list.textContent()).toContain(`AI · Verified127.0.0.1 · trustedAiMade with AI — signed by ${images.trustedSignerName} (a signer you added) using Test Image Model 2.1, ${images.trustedAiSignedAt.toISOString().slice(0, 10)}`);
    // Two images of one file name (the <picture>'s source and the figure's) are told apart by their queries.
    const names = await list.getByRole('link').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['127.0.0.1 · trustedAi', '127.0.0.1 · trustedAi?picture']));
    expect(new Set(names).size).toBe(names.length);
    // The image Verity could not read is counted, not listed.
    await expect.poll(() => list.textContent(), { timeout: 10_000 }).toContain('1 image on this page could not be read, so Verity cannot say whether it has Content Credentials.');
    expect((await badgeStates(page)).needsCookie).toBeUndefined();
    await screenshot(list, 'page-images-popup-list');
    await screenshot(popup, 'page-images-popup', { fullPage: false });
    await expectNoAxeViolations(popup, "the popup with the page's images");

    // The page's report, though the page has no text proofs: the images with Content Credentials, each with its state and
    // headline; neither the image Verity could not read nor those without a manifest.
    const exported: unknown = JSON.parse((await exportReportFrom(popup, 'JSON')).text);
    expect(publishedReportValidator()(exported)).toEqual([]);
    const report = reportSchema.parse(exported);
    expect(report.snippets).toEqual([]);
    const reported = Object.fromEntries(report.images!.map((image) => [image.url.replace(`${server.baseUrl}/img/`, ''), image.state]));
    expect(reported).toEqual({ ...want, 'trustedAi?picture': chosenSourceBadges.picture, 'unknownSigner?shadow': 'untrusted', 'manifestCut?declared': 'malformed' });
    expect(report.images!.find((image) => image.url.endsWith('/img/trustedAi'))).toMatchObject({
      headline: expect.stringMatching(new RegExp(`^Made with AI — signed by ${images.trustedSignerName} \\(a signer you added\\) using Test Image Model 2\\.1`)),
      aiClaimed: true,
      failures: [],
    });
    expect(report.images!.find((image) => image.url.endsWith('/img/bytesChanged'))!.headline).toMatch(/The image changed after it was signed/);
    await popup.getByRole('group', { name: 'Export report' }).scrollIntoViewIfNeeded();
    await screenshot(popup, 'page-images-popup-report', { fullPage: false });
    await popup.close();

    // The inspector's page view lists them too, each leading to its own manifest store.
    const tabInspector = await browser.context.newPage();
    await tabInspector.goto(`chrome-extension://${browser.extensionId}/inspector.html?tab=${tabId}`);
    const inspected = tabInspector.getByRole('region', { name: /Images with Content Credentials/ });
    await expect.poll(() => inspected.getByRole('listitem').count(), { timeout: 10_000 }).toBe(listed);
    expect(await tabInspector.getByText('The page has no text with an AI proof.').count()).toBe(1);
    expect(await inspected.textContent()).toContain('1 image on this page could not be read');
    await screenshot(tabInspector, 'inspector-page-images');
    await expectNoAxeViolations(tabInspector, "the inspector's page view with images");
    await inspected.getByRole('link', { name: /127\.0\.0\.1 · bytesChanged/ }).click();
    await expect.poll(() => tabInspector.locator('h1').textContent(), { timeout: 30_000 }).toMatch(/The image changed after it was signed/);
    expect(new URL(tabInspector.url()).searchParams.get('page')).toBe(`${server.baseUrl}/`);
    await tabInspector.close();

    // The history has the page's images as it has text proofs: by address, with the page.
    const historyImages = () =>
      worker.evaluate(async () => {
        const { 'verity.history': entries = [] } = (await chrome.storage.local.get('verity.history')) as { 'verity.history'?: { image?: { url: string }; state?: string; pageUrl: string }[] };
        return entries.filter((entry) => entry.image !== undefined).map((entry) => [entry.image!.url.replace(/^.*\/img\//, ''), entry.state, entry.pageUrl]);
      });
    await expect.poll(historyImages, { timeout: 10_000 }).toContainEqual(['bytesChanged', 'altered', `${server.baseUrl}/`]);
    expect((await historyImages()).filter(([name]) => name!.includes('/private/'))).toEqual([]);

    // A badge goes with its image, and when the image element is given another picture (a carousel).
    await page.evaluate(() => {
      document.querySelector('figure[data-name="badSignature"] img')!.remove();
      document.querySelector<HTMLImageElement>('figure[data-name="unknownSigner"] img')!.src = '/img/noManifest';
      document.querySelector<HTMLImageElement>('figure[data-name="trustedCapture"] img')!.src = '/img/unknownSigner';
    });
    await expect
      .poll(() => page.evaluate(() => [...document.querySelectorAll('verity-badge')].map((badge) => badge.closest('figure')?.dataset.name)), { timeout: 30_000 })
      .toEqual(['trustedAi', 'trustedCapture', 'editedAi', 'bytesChanged', 'manifestCut', 'largeAi', 'picture']);
    expect((await badgeStates(page)).trustedCapture).toBe('untrusted');

    // A page that closes the image card as it opens is flagged, as for the text's card.
    expect(await worker.evaluate((tabId) => chrome.action.getTitle({ tabId }), tabId)).not.toMatch(/hides Verity’s badges/);
    await page.evaluate(() =>
      document.querySelector('verity-card[data-verity-image]')!.addEventListener('toggle', (event) => {
        if ((event as Event & { newState: string }).newState === 'open') setTimeout(() => (event.target as HTMLElement).hidePopover(), 300);
      }),
    );
    await page.locator('figure[data-name="trustedAi"] verity-badge').click();
    await expect.poll(() => worker.evaluate((tabId) => chrome.action.getTitle({ tabId }), tabId), { timeout: 10_000 }).toMatch(/this page hides Verity’s badges/);
    await page.close();
  });

  it('opens a share link to an image in the inspector: checks the image here, says the page is only the link’s word, and records it as shared', async () => {
    const imageUrl = `${server.baseUrl}/img/trustedAi`;
    const linkPage = 'https://news.example/story';
    const inspector = await browser.context.newPage();
    await inspector.goto(shareLink(`chrome-extension://${browser.extensionId}/inspector.html`, { image: { url: imageUrl }, pageUrl: linkPage }));
    // Checked by this reader's Verity, with the signer this reader added: the link carries no verdict.
    await expect.poll(() => inspector.locator('h1').textContent(), { timeout: 30_000 }).toMatch(new RegExp(`^Made with AI — signed by ${images.trustedSignerName} \\(a signer you added\\) using Test Image Model 2\\.1`));
    expect(await inspector.title()).toBe('Verified · Verity image inspector');
    const banner = await inspector.locator('main').textContent();
    expect(banner).toContain('Your own Verity fetched this image and checked its Content Credentials just now');
    expect(banner).toContain('The link says it comes from https://news.example. That page was not opened or checked.');
    expect(await inspector.locator('a[href^="https://news.example"]').count()).toBe(0);
    expect(await inspector.getByRole('region', { name: 'Passed validation codes' }).textContent()).toContain('signingCredential.trusted');
    await screenshot(inspector, 'image-inspector-shared');

    const worker = await browser.serviceWorker();
    const sharedEntries = () =>
      worker.evaluate(async () => {
        const { 'verity.history': entries = [] } = (await chrome.storage.local.get('verity.history')) as { 'verity.history'?: { image?: { url: string }; source: string; state: string; pageUrl: string; summary: string }[] };
        return entries.filter((entry) => entry.source === 'shared').map(({ image, state, pageUrl, summary }) => ({ url: image?.url, state, pageUrl, summary }));
      });
    await expect.poll(sharedEntries, { timeout: 10_000 }).toEqual([{ url: imageUrl, state: 'verified', pageUrl: linkPage, summary: await inspector.locator('h1').textContent() }]);
    await inspector.close();
  });
});
