import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type StartDevnetReturnType } from '../../devnet/devnet';
import { chromiumPath } from '../../devnet/extension-browser';
import { createProofLocator, type LocatedProof } from '../../lib/extract/locate-proofs';
import { parseHtml } from '../../lib/extract/parse-html';
import type { SharedProof } from '../../lib/share/types';
import { shareFragment } from '../../lib/share/share-link';
import { screenshot } from './demo-session';
import { expectNoAxeViolations } from './axe';

/**
 * The static verifier page share links open at (`npm run build:web`), as
 * hosted anywhere: served from a loopback origin, opened in a Chromium
 * with no extension at all. It verifies a devnet proof from the link's
 * fragment in the page, with JSON-RPC from the page to anvil. Under
 * `/hosted/` the host put the devnet's trust-config.json beside the page;
 * under `/plain/` there is none, so the page uses Verity's defaults, which
 * know no devnet chain.
 */

const outputDirectory = resolve('.output/web');
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

let devnet: StartDevnetReturnType;
let server: Server;
let origin: string;
let browser: Browser;

/** The devnet scenario's proof, located as the content script locates it, as a share link carries it. */
function sharedProofOf(scenarioId: string): SharedProof {
  const scenario = devnet.scenarios.find(({ id }) => id === scenarioId)!;
  const [located] = [...createProofLocator().scan(parseHtml(scenario.html))].filter((item): item is LocatedProof => 'form' in item);
  const { form, raw, shownText } = located!;
  // jsdom renders nothing: take the page as drawn to be the page as written.
  return { proof: { form, raw, shownText, renderedText: shownText }, pageUrl: 'https://news.example.com/story' };
}

beforeAll(async () => {
  execFileSync('flock', ['/tmp/verity-build.lock', 'npm', 'run', 'build:web'], { stdio: 'ignore' });
  devnet = await startDevnet();
  const trustConfig = JSON.stringify(devnet.trustConfig);
  server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const [, site, ...rest] = pathname.split('/');
    const file = rest.join('/') || 'index.html';
    if (file === 'trust-config.json') {
      if (site === 'hosted') response.writeHead(200, { 'content-type': 'application/json' }).end(trustConfig);
      else response.writeHead(404).end();
      return;
    }
    readFile(join(outputDirectory, file.replace(/\.\.+/g, ''))).then(
      (body) => response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await devnet?.stop();
});

/** Console errors of the pages opened, a Content Security Policy violation among them. */
const consoleErrors: string[] = [];

async function open(site: 'hosted' | 'plain', shared: SharedProof): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (message) => void (message.type() === 'error' && consoleErrors.push(message.text())));
  await page.goto(`${origin}/${site}/${shareFragment(shared)}`);
  return page;
}

describe('the static verifier page', () => {
  it('verifies a devnet proof from a share link in a browser without Verity, and says who checked it with what', async () => {
    const page = await open('hosted', sharedProofOf('og-tee-attribute-json'));
    await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('Verified · Shared proof · Verity');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('The proof checks out');
    // The shared views' styles are in the page's own sheet: the heading is laid out on one line, not a word a line.
    expect((await page.getByRole('heading', { level: 1 }).boundingBox())!.height).toBeLessThan(40);
    const banner = page.getByRole('region', { name: 'Shared with you' });
    const bannerText = (await banner.textContent()) ?? '';
    expect(bannerText).toContain('Checked just now by this page, in your browser, against the chain');
    expect(bannerText).toContain('the trust settings of whoever hosts this page');
    expect(bannerText).toContain('The link says it comes from https://news.example.com');
    expect(await banner.getByRole('link').count()).toBe(0);
    const facts = page.getByRole('region', { name: 'Chain facts' });
    expect((await facts.textContent()) ?? '').toContain(`id ${devnet.chainId}`);
    // Its own share link points at itself, and the citation carries it.
    expect(await page.getByRole('button', { name: 'Copy share link' }).isEnabled()).toBe(true);
    await screenshot(page, 'web-verifier-verified', { fullPage: false });
    await expectNoAxeViolations(page, 'the web verifier page');
    // Its Content Security Policy (web/index.html) lets the page do all it needs, and nothing was blocked.
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('says altered for a link whose text was changed, never verified', async () => {
    const shared = sharedProofOf('og-tee-attribute-json');
    const changed = shared.proof.shownText.replace(/\w+/, 'Nothing');
    const page = await open('hosted', { ...shared, proof: { ...shared.proof, shownText: changed, renderedText: changed } });
    await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('Altered · Shared proof · Verity');
    await page.close();
  });

  it("with Verity's defaults, which name no devnet chain, says it could not check: never invalid, never verified", async () => {
    const page = await open('plain', sharedProofOf('og-tee-attribute-json'));
    await expect.poll(() => page.title(), { timeout: 30_000 }).toBe("Couldn't check · Shared proof · Verity");
    expect((await page.getByRole('region', { name: 'Shared with you' }).textContent()) ?? '').toContain('Verity’s default trust settings');
    await page.close();
  });

  it('says why a damaged link cannot be opened, and what the page is for without one', async () => {
    const damaged = await browser.newPage();
    await damaged.goto(`${origin}/hosted/#share=v1.not-base64!`);
    await damaged.getByRole('heading', { name: "This share link can't be opened" }).waitFor({ timeout: 10_000 });
    await damaged.close();
    const bare = await browser.newPage();
    await bare.goto(`${origin}/hosted/`);
    await bare.getByRole('heading', { name: 'Open a Verity share link here' }).waitFor({ timeout: 10_000 });
    await bare.close();
  });
});
