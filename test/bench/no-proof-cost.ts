import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath, launchExtensionBrowser } from '../../devnet/extension-browser';
import { browserPage } from './browser-pages';
import { formatNumber, formatTable, subheading } from './table';
import { median } from './timing';

/**
 * What the extension costs a page that carries no proof, the page nearly
 * every reader is on nearly all the time: the renderer's main-thread
 * script time (CDP Performance.getMetrics ScriptDuration, which counts the
 * content script's isolated world too) with the extension, minus the same
 * page's without it, both browsers run side by side in this process.
 * Beside them, the floor: a third browser with an extension whose content
 * script only listens for the worker's messages, as ours must to answer
 * "Verify selection" on any page. What it costs is Chromium setting up the
 * extension API in the page's isolated world, which no content script that
 * talks to its worker avoids.
 */

export type NoProofCostParameters = {
  extensionPath: string;
  sizes: number[];
  runs: number;
};

/** Budgets of issue 10: added script time at each size, in ms. */
const loadBudgets = new Map([
  [5_000, 2],
  [80_000, 10],
]);
/** The page that rewrites 1,000 nodes every frame: its script time with the extension over without (docs/architecture.md). */
const stormBudgetRatio = 1.5;
const idleSeconds = 3;
const stormSeconds = 3;

/** A page that, once told to, replaces 1,000 of its nodes at every frame for `seconds`. */
function stormPage(): string {
  const items = Array.from({ length: 1_000 }, (_, index) => `<li>Price ${index}: <b>${index}.00</b></li>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Storm</title></head><body><ul id="list">${items}</ul>
<script>
window.storm = (seconds) => new Promise((resolve) => {
  const list = document.getElementById('list');
  const until = performance.now() + seconds * 1000;
  let tick = 0;
  const frame = () => {
    tick += 1;
    for (const item of list.children) item.lastElementChild.replaceWith(Object.assign(document.createElement('b'), { textContent: String(tick) }));
    if (performance.now() < until) requestAnimationFrame(frame); else resolve(tick);
  };
  requestAnimationFrame(frame);
});
</script></body></html>`;
}

/** An extension of one content script, in every frame, that only listens for messages: the floor of 4.2. */
async function writeFloorExtension(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'verity-bench-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'Message listener only',
    version: '1',
    content_scripts: [{ matches: ['<all_urls>'], js: ['listener.js'], run_at: 'document_idle', all_frames: true }],
  };
  await writeFile(join(directory, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(join(directory, 'listener.js'), 'chrome.runtime.onMessage.addListener(() => undefined);\n');
  return directory;
}

/** A new page whose renderer counts its script time from before it navigates, and a reader of that count in ms. */
async function measuredPage(context: BrowserContext): Promise<{ page: Page; scriptMs: () => Promise<number> }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptMs = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0) * 1000;
  };
  return { page, scriptMs };
}

type Sample = { load: number; idle: number };

/** One load of `url`: script time to quiet (the content script runs at document_idle), then over the idle seconds after. */
async function loadSample(context: BrowserContext, url: string): Promise<Sample> {
  const { page, scriptMs } = await measuredPage(context);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForTimeout(1_500);
  const loaded = await scriptMs();
  await page.waitForTimeout(idleSeconds * 1_000);
  const idle = (await scriptMs()) - loaded;
  await page.close();
  return { load: loaded, idle };
}

async function stormSample(context: BrowserContext, url: string): Promise<{ ms: number; frames: number }> {
  const { page, scriptMs } = await measuredPage(context);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1_500);
  const before = await scriptMs();
  const frames = await page.evaluate((seconds) => (window as unknown as { storm: (seconds: number) => Promise<number> }).storm(seconds), stormSeconds);
  const ms = (await scriptMs()) - before;
  await page.close();
  return { ms, frames };
}


export async function runNoProofCostSection({ extensionPath, sizes, runs }: NoProofCostParameters): Promise<void> {
  console.log(`${subheading('4.2 A page with no proof: added script time')}`);
  console.log(`Pages of news filler with no proof, loaded ${runs} times each in Chromium with
the extension and in Chromium without it, alternately; medians. "added" is
with minus without; "floor" is the same for an extension whose content script
only listens for messages; "idle" is script time in the ${idleSeconds} s after the page settled.
The storm page replaces 1,000 of its nodes every frame for ${stormSeconds} s.`);
  const pages = new Map<string, string>([...sizes.map((size) => [`/plain-${size}`, browserPage({ snippets: [], elements: size })] as [string, string]), ['/storm', stormPage()]]);
  const server = createServer((request, response) => {
    const html = pages.get(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (html === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const withExtension = await launchExtensionBrowser({ extensionPath });
  const floorPath = await writeFloorExtension();
  const floor = await launchExtensionBrowser({ extensionPath: floorPath });
  const without = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  const plain = await without.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const rows: string[][] = [];
    for (const size of sizes) {
      const samples = { with: [] as Sample[], without: [] as Sample[], floor: [] as Sample[] };
      for (let run = 0; run < runs; run++) {
        samples.with.push(await loadSample(withExtension.context, `${base}/plain-${size}`));
        samples.without.push(await loadSample(plain, `${base}/plain-${size}`));
        samples.floor.push(await loadSample(floor.context, `${base}/plain-${size}`));
      }
      const loadWith = median(samples.with.map((sample) => sample.load));
      const loadWithout = median(samples.without.map((sample) => sample.load));
      const added = loadWith - loadWithout;
      const floorAdded = median(samples.floor.map((sample) => sample.load)) - loadWithout;
      const idleAdded = median(samples.with.map((sample) => sample.idle)) - median(samples.without.map((sample) => sample.idle));
      const budget = loadBudgets.get(size);
      rows.push([
        formatNumber(size),
        formatNumber(loadWithout, 1),
        formatNumber(loadWith, 1),
        // These pages run no script of their own: a ratio to nothing says nothing.
        loadWithout < 0.05 ? formatNumber(added, 1) : `${formatNumber(added, 1)} (×${formatNumber(loadWith / loadWithout, 2)})`,
        budget === undefined ? '–' : `${budget}: ${added <= budget ? 'met' : 'NOT met'}`,
        formatNumber(floorAdded, 1),
        formatNumber(idleAdded, 2),
      ]);
    }
    console.log();
    console.log(
      formatTable(
        [
          { header: 'elements', align: 'right' },
          { header: 'script ms without', align: 'right' },
          { header: 'with', align: 'right' },
          { header: 'added ms (ratio)', align: 'right' },
          { header: 'budget ms', align: 'right' },
          { header: 'floor: listener only', align: 'right' },
          { header: `idle ${idleSeconds} s: added ms`, align: 'right' },
        ],
        rows,
      ),
    );

    const storms = { with: [] as number[], without: [] as number[], frames: [] as number[] };
    for (let run = 0; run < runs; run++) {
      const withRun = await stormSample(withExtension.context, `${base}/storm`);
      const withoutRun = await stormSample(plain, `${base}/storm`);
      storms.with.push(withRun.ms);
      storms.without.push(withoutRun.ms);
      storms.frames.push(withRun.frames);
    }
    const stormWith = median(storms.with);
    const stormWithout = median(storms.without);
    const perSecond = (stormWith - stormWithout) / stormSeconds;
    console.log(
      `\nStorm page: script ${formatNumber(stormWithout, 0)} ms without, ${formatNumber(stormWith, 0)} ms with (×${formatNumber(stormWith / stormWithout, 2)}), ` +
        `${formatNumber(median(storms.frames))} frames in ${stormSeconds} s; added ${formatNumber(perSecond, 1)} ms per second; ` +
        `budget ×${stormBudgetRatio}: ${stormWith / stormWithout <= stormBudgetRatio ? 'met' : 'NOT met'}.`,
    );
  } finally {
    await withExtension.close();
    await floor.close();
    await rm(floorPath, { recursive: true, force: true });
    await without.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
