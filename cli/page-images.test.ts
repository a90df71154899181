import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHtml } from '../lib/extract/parse-html';
import { expectedImageBadges, serveC2paImagePage } from '../test/fixtures/c2pa-image-page';
import { c2paTestImages, type C2paTestImages } from '../test/fixtures/c2pa-images';
import { runVerity } from '../test/run-verity';
import { startC2paEngine } from './c2pa-engine';
import { checkPageImages, maxPageImages, pageImageElements } from './page-images';

let images: C2paTestImages;
let dir: string;
let server: Awaited<ReturnType<typeof serveC2paImagePage>>;

beforeAll(async () => {
  startC2paEngine();
  images = await c2paTestImages();
  dir = mkdtempSync(join(tmpdir(), 'verity-cli-page-images-'));
  mkdirSync(join(dir, 'img'));
  for (const name of ['trustedAi', 'bytesChanged', 'noManifest'] as const) writeFileSync(join(dir, 'img', `${name}.jpg`), images[name]);
  writeFileSync(join(dir, 'anchors.pem'), images.trustAnchors);
  writeFileSync(
    join(dir, 'page.html'),
    `<!doctype html><title>Images</title>
<p data-ai-proof="not a proof">A snippet first.</p>
<img src="img/trustedAi.jpg"><img src="./img/bytesChanged.jpg"><img src="img/noManifest.jpg"><img src="img/missing.jpg"><img src="img/trustedAi.jpg">`,
  );
  server = await serveC2paImagePage(images);
});

afterAll(() => server?.close());

const checkHtml = (html: string, pageUrl: string | undefined) => {
  const document = parseHtml(html, pageUrl?.startsWith('http') ? pageUrl : undefined);
  return checkPageImages({ document, images: pageImageElements(document), pageUrl, trustAnchors: [{ source: 'reader', pem: images.trustAnchors }] });
};

describe('checkPageImages', () => {
  it('checks a web page’s images by their addresses relative to the page, each once, and gives no verdict to one without a manifest', async () => {
    const page = await fetch(server.baseUrl).then((response) => response.text());
    const { images: checked, notChecked } = await checkHtml(page, `${server.baseUrl}/`);
    expect(notChecked).toBe(0);
    const states = Object.fromEntries(checked.map(({ src, image }) => [src.replace('/img/', ''), image === null ? null : image.state]));
    expect(states).toMatchObject({ noManifest: null, ...Object.fromEntries(Object.entries(expectedImageBadges).map(([name, [state]]) => [name, state])) });
    expect(checked.find(({ src }) => src === '/img/trustedAi')?.url).toBe(`${server.baseUrl}/img/trustedAi`);
  });

  it('checks the address each img shows: its <picture> source or its srcset’s largest, not its src', async () => {
    const html = `<img src="/img/noManifest" srcset="/img/noManifest 1x, /img/trustedAi 2x">
<picture><source type="image/webp" srcset="/img/bytesChanged"><img src="/img/noManifest"></picture>`;
    const { images: checked } = await checkHtml(html, `${server.baseUrl}/`);
    expect(checked.map(({ index, src, image }) => [index, src, image?.state])).toEqual([
      [0, '/img/trustedAi', 'verified'],
      [1, '/img/bytesChanged', 'altered'],
    ]);
  });

  it('checks the images in the open shadow roots a page declares, after the document’s', async () => {
    const html = `<photo-card><template shadowrootmode="open"><img src="/img/bytesChanged"></template></photo-card><img src="/img/trustedAi">`;
    const { images: checked } = await checkHtml(html, `${server.baseUrl}/`);
    expect(checked.map(({ index, src, image }) => [index, src, image?.state])).toEqual([
      [0, '/img/trustedAi', 'verified'],
      [1, '/img/bytesChanged', 'altered'],
    ]);
  });

  it('never reads the reader’s files for a web page, and cannot resolve a relative address without a page address', async () => {
    const { images: fromWeb } = await checkHtml(`<img src="${pathToFileURL(join(dir, 'img', 'trustedAi.jpg')).href}">`, `${server.baseUrl}/`);
    expect(fromWeb).toEqual([{ index: 0, src: expect.stringMatching(/^file:/), url: null, image: expect.objectContaining({ state: 'unavailable', reason: 'An image at a file: address is not read from a web page' }) }]);
    const { images: fromStdin } = await checkHtml('<img src="img/trustedAi.jpg">', undefined);
    expect(fromStdin[0]?.image).toMatchObject({ state: 'unavailable', reason: 'A relative address, and the page has no address to resolve it against' });
  });

  it('follows <base href>, and counts the images over the per-page cap as not checked', async () => {
    const tags = Array.from({ length: maxPageImages + 2 }, (_, index) => `<img src="missing-${index}">`).join('');
    const { images: checked, notChecked } = await checkHtml(`<base href="/img/">${tags}`, `${server.baseUrl}/a/page`);
    expect(checked).toHaveLength(maxPageImages);
    expect(notChecked).toBe(2);
    expect(checked[0]).toMatchObject({ url: `${server.baseUrl}/img/missing-0`, image: { state: 'unavailable', reason: 'The image could not be read: HTTP 404' } });
  });
});

describe('verity verify page.html with images', () => {
  it('lists the images after the snippets in the table, and in --json as an images array', { timeout: 60_000 }, async () => {
    const page = join(dir, 'page.html');
    const anchors = ['--c2pa-anchors', join(dir, 'anchors.pem')];
    const [table, json, report] = await Promise.all([
      runVerity(['verify', page, ...anchors]),
      runVerity(['verify', page, '--json', ...anchors]),
      runVerity(['verify', page, '--report', 'json', ...anchors]),
    ]);
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    const imagesAt = lines.findIndex((line) => line === 'Images · 4 checked');
    expect(imagesAt).toBeGreaterThan(lines.findIndex((line) => line.includes('malformed')));
    expect(lines[imagesAt + 1]).toBe(` img0  ✔ verified     Made with AI — signed by ${images.trustedSignerName} (a signer you added) using Test Image Model 2.1, ${images.trustedAiSignedAt.toISOString().slice(0, 10)}`);
    expect(lines[imagesAt + 2]).toBe(`       ${pathToFileURL(join(dir, 'img', 'trustedAi.jpg')).href}`);
    expect(table.stdout).toContain('img1  ✘ altered      The image changed after it was signed (assertion.dataHash.mismatch)');
    expect(table.stdout).toContain('img3  ? unavailable  The image could not be read: ENOENT');
    expect(table.stdout).toContain('1 image has no Content Credentials.');

    const parsed = JSON.parse(json.stdout) as { snippets: { state: string }[]; images: { index: number; src: string; url: string; image: { state: string } | null }[]; imagesNotChecked: number };
    expect(parsed.snippets).toEqual([expect.objectContaining({ state: 'malformed' })]);
    expect(parsed.images.map(({ index, src, image }) => [index, src, image?.state ?? null])).toEqual([
      [0, 'img/trustedAi.jpg', 'verified'],
      [1, './img/bytesChanged.jpg', 'altered'],
      [2, 'img/noManifest.jpg', null],
      [3, 'img/missing.jpg', 'unavailable'],
    ]);
    expect(parsed.imagesNotChecked).toBe(0);
    expect(parsed.images[3]?.image).toMatchObject({ imageUnread: true });

    // The report lists images with Content Credentials: not the one it could not read, of which nothing is known.
    const reported = JSON.parse(report.stdout) as { images: { url: string; state: string }[] };
    expect(reported.images.map(({ url, state }) => [url.replace(/^.*\/img\//, ''), state])).toEqual([
      ['trustedAi.jpg', 'verified'],
      ['bytesChanged.jpg', 'altered'],
    ]);
  });
});
