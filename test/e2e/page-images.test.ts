import { createServer } from 'node:http';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as extensionApi } from 'wxt/browser';
import { startC2paEngine } from '../../cli/c2pa-engine';
import { imageAnchorsKey } from '../../entrypoints/background/images/image-anchors';
import { builtExtensionPath, launchExtensionBrowser, type ExtensionBrowser } from '../../devnet/extension-browser';
import type { C2paImageName } from '../fixtures/c2pa-image-server';
import { c2paTestImages, type C2paTestImages } from '../fixtures/c2pa-images';
import { screenshot } from './demo-session';

/** The extension API inside the worker, where the evaluated function runs. */
declare const chrome: typeof extensionApi;

/**
 * Badges on a page's images with Content Credentials (issue 15), in
 * Chromium: each signed test image on one page, served without CORS, so
 * only the reader's grant of image access lets the extension read them.
 * Playwright cannot answer the browser's permission prompt, so the grant is
 * made as an install-time one: a copy of the built extension whose manifest
 * lists `<all_urls>` under host_permissions (the extension asks
 * `permissions.contains`, which a required grant answers the same way).
 */

const expected: Record<Exclude<C2paImageName, 'noManifest'>, [state: string, badgeName: string]> = {
  trustedAi: ['verified', 'Verity: image made with AI, verified Content Credentials'],
  trustedCapture: ['verified', 'Verity: image with Content Credentials, verified'],
  unknownSigner: ['untrusted', 'Verity: image made with AI, untrusted Content Credentials'],
  editedAi: ['verified', 'Verity: image made with AI, verified Content Credentials'],
  bytesChanged: ['altered', 'Verity: image with Content Credentials, altered'],
  manifestCut: ['malformed', 'Verity: image with Content Credentials, unreadable'],
  badSignature: ['invalid', 'Verity: image with Content Credentials, invalid'],
};

let images: C2paTestImages;
let server: { baseUrl: string; close: () => Promise<void> };
let extensionCopy: string;
let browser: ExtensionBrowser;

/** The page: the image without a manifest first, each signed one, and a signed one shown too small to check. */
function pageHtml(): string {
  const figures = ['noManifest', ...Object.keys(expected)]
    .map((name) => `<figure data-name="${name}"><img src="/img/${name}" alt="${name}" width="240" height="160"><figcaption>${name}</figcaption></figure>`)
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><title>Images</title>
<style>body{font:14px system-ui;margin:16px;display:flex;flex-wrap:wrap;gap:12px} figure{margin:0} figcaption{color:#475569}</style>
${figures}
<figure data-name="small"><img src="/img/trustedAi?small" alt="small" width="40" height="27"><figcaption>small</figcaption></figure>`;
}

async function serveImagePage(): Promise<typeof server> {
  const http = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/') return void response.writeHead(200, { 'content-type': 'text/html' }).end(pageHtml());
    const body = images[path.replace('/img/', '') as C2paImageName] as Uint8Array | undefined;
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'image/jpeg' }).end(body);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

/** The built extension with image access granted at install. */
async function extensionWithImageAccess(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'verity-images-'));
  await cp(builtExtensionPath, directory, { recursive: true });
  const manifestPath = join(directory, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  await writeFile(manifestPath, JSON.stringify({ ...manifest, host_permissions: ['<all_urls>'] }));
  return directory;
}

type AxNode = { nodeId: string; role?: { value: string }; name?: { value: string }; childIds?: string[] };

/** The names of the buttons and the words of the dialog named "Verity: …", as assistive technology reads them (the badges are in closed shadow roots). */
async function accessibleWords(cdp: CDPSession): Promise<{ buttons: string[]; dialog: string | undefined }> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AxNode[] };
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const buttons = nodes.filter((node) => node.role?.value === 'button').map((node) => node.name?.value ?? '');
  const dialogNode = nodes.find((node) => node.role?.value === 'dialog' && node.name?.value.startsWith('Verity: '));
  if (dialogNode === undefined) return { buttons, dialog: undefined };
  const words: string[] = [];
  const walk = (node: AxNode): void => {
    if (node.role?.value === 'StaticText' && node.name?.value) words.push(node.name.value);
    for (const child of node.childIds ?? []) walk(byId.get(child)!);
  };
  walk(dialogNode);
  return { buttons, dialog: words.join(' ') };
}

/** The state of the image badge beside each figure's image; absent where there is none. */
const badgeStates = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('figure')].map((figure) => {
        const next = figure.querySelector('img')?.nextElementSibling;
        return [figure.dataset.name, next?.localName === 'verity-badge' ? next.getAttribute('data-state') : undefined];
      }),
    ),
  );

beforeAll(async () => {
  startC2paEngine();
  images = await c2paTestImages();
  server = await serveImagePage();
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
    await screenshot(section, 'page-images-options');
    await options.close();
  });

  it('badges each image with Content Credentials on its corner with its state, and none without', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(server.baseUrl);
    const layoutBefore = await page.evaluate(() => [...document.querySelectorAll('img')].map((image) => [image.offsetLeft, image.offsetTop]));

    const want = Object.fromEntries(Object.entries(expected).map(([name, [state]]) => [name, state]));
    await expect.poll(() => badgeStates(page), { timeout: 60_000 }).toMatchObject(want);
    // The image without a manifest was asked about first; by now its answer has come, and drew nothing.
    const states = await badgeStates(page);
    expect(states.noManifest).toBeUndefined();
    expect(states.small).toBeUndefined();

    // On the image's top-left corner, moving nothing.
    const placement = await page.evaluate(() => {
      const image = document.querySelector<HTMLImageElement>('figure[data-name="trustedAi"] img')!;
      const badge = image.nextElementSibling!.getBoundingClientRect();
      const box = image.getBoundingClientRect();
      return { dx: badge.left - box.left, dy: badge.top - box.top };
    });
    expect(placement).toEqual({ dx: 6, dy: 6 });
    expect(await page.evaluate(() => [...document.querySelectorAll('img')].map((image) => [image.offsetLeft, image.offsetTop]))).toEqual(layoutBefore);

    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Accessibility.enable');
    const { buttons } = await accessibleWords(cdp);
    for (const [, name] of Object.values(expected)) expect(buttons).toContain(name);
    await screenshot(page, 'page-images-badges');

    // The card: in a reader's words, about origin, the claims labelled as the manifest's.
    await page.locator('figure[data-name="trustedAi"] verity-badge').click();
    await expect.poll(async () => (await accessibleWords(cdp)).dialog, { timeout: 5_000 }).toBeDefined();
    const card = (await accessibleWords(cdp)).dialog!;
    expect(card).toMatch(new RegExp(`Made with AI — signed by ${images.trustedSignerName} using Test Image Model 2\\.1`));
    expect(card).toContain('not whether what it shows is true');
    expect(card).toContain('What the Content Credentials claim (their own words, not Verity’s findings)');
    await screenshot(page, 'page-images-card', { fullPage: false });

    await page.keyboard.press('Escape');
    await page.locator('figure[data-name="bytesChanged"] verity-badge').click();
    await expect.poll(async () => (await accessibleWords(cdp)).dialog, { timeout: 5_000 }).toMatch(/The image changed after it was signed/);
    expect((await accessibleWords(cdp)).dialog).not.toContain('Made with AI');
    await page.close();
  });
});
