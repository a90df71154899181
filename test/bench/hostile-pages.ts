import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import type { browser as extensionApi } from 'wxt/browser';
import type { StartDevnetReturnType } from '../../devnet/devnet';
import { chromiumPath, launchExtensionBrowser, type ExtensionBrowser } from '../../devnet/extension-browser';
import { storeTrustConfig } from '../../devnet/extension-pages';
import { waitForAllAnswered } from '../badge-states';
import { startRpcCountingProxy } from '../rpc-counting-proxy';
import { formatNumber, formatTable, subheading } from './table';
import { median } from './timing';

/** The extension API in its worker, where the evaluated functions run. */
declare const chrome: typeof extensionApi;

/**
 * Issue 11's attack pages in Chromium with the built extension, each beside
 * the same page in a browser without it: 100,000 fake proofs, one proof
 * rewritten every frame, a 300 kB snippet whose proof comes and goes
 * every frame, and a page of proofs firing a made-up `pageshow` (as if
 * back from the back/forward cache) every frame. For each: the page's frame rate, the RPC calls a second
 * the extension makes for it, the worker's heap and storage.session, and how
 * long an ordinary tab of 20 proofs, reloaded during the attack, takes to
 * its last verdict. Budgets and why: docs/architecture.md, "Hostile pages".
 */

export type HostilePagesParameters = { devnet: StartDevnetReturnType; extensionPath: string; attackSeconds: number };

const ordinaryProofs = 20;
/** The page keeps its own frame rate: at least this share of it without the extension. */
const fpsShareBudget = 0.9;
/** The ordinary tab's last verdict during an attack, in ms: a reader should not wait longer for another tab. */
const ordinaryBudgetMs = 3_000;
/** The worker's heap may grow by this much over an attack, in MB. */
const heapGrowthBudgetMb = 10;
/** RPC calls a second for the attacking tab: its verification rate (tab-budget.ts, 10/s) at a few calls each. */
const rpcCallsBudget = 50;
/** Each attack is run this many times and its figures' medians printed: one run of the same build varies by half. */
const attackRuns = 3;

type Attack = { name: string; path: string; html: (seconds: number) => string };

function attackPages(devnet: StartDevnetReturnType): Attack[] {
  // base64url attributes: no quotes or entities to undo.
  const attributed = devnet.scenarios.filter((scenario) => scenario.expectedState === 'verified' && scenario.form === 'attribute-base64url');
  const [first, second] = attributed;
  if (first === undefined || second === undefined) throw new Error('The devnet has no two verified base64url attribute snippets');
  const proofOf = (html: string) => html.match(/data-ai-proof=(["'])([^"']*)\1/)![2]!;
  // The page's own loop: one frame counter, and the attack's step in the same frame.
  const loop = (step: string) => (seconds: number) => `<script>
window.attackFrames = 0;
const end = performance.now() + ${seconds * 1000};
const tick = (now) => { window.attackFrames++; ${step} if (now < end) requestAnimationFrame(tick); else window.attackDone = true; };
requestAnimationFrame(tick);
</script>`;
  const fake = Array.from({ length: 100_000 }, (_, index) => `<p data-ai-proof="fake-${index}">A claim ${index}.</p>`).join('');
  const big = `${'The harbour barrier held through the night. '.repeat(7_000)}`;
  return [
    { name: '100,000 fake proofs', path: '/fake', html: (seconds) => `<!doctype html><title>fake</title>${fake}${loop('')(seconds)}` },
    {
      name: 'one proof rewritten every frame',
      path: '/storm',
      html: (seconds) =>
        `<!doctype html><title>storm</title>${first.html}${loop(`const carrier = document.querySelector('[data-ai-proof]'); carrier.setAttribute('data-ai-proof', window.attackFrames % 2 ? ${JSON.stringify(proofOf(second.html))} : ${JSON.stringify(proofOf(first.html))});`)(seconds)}`,
    },
    {
      name: 'a 300 kB snippet flickering',
      path: '/quota',
      html: (seconds) =>
        `<!doctype html><title>quota</title><div id="slot"></div>${loop(`const slot = document.getElementById('slot'); if (window.attackFrames % 2) { const p = document.createElement('p'); p.textContent = ${JSON.stringify(big)}; p.setAttribute('data-ai-proof', ${JSON.stringify(proofOf(first.html))}); slot.replaceChildren(p); } else slot.replaceChildren();`)(seconds)}`,
    },
    {
      // A page back from the back/forward cache sends its proofs again; a made-up one must not.
      name: 'a made-up pageshow every frame',
      path: '/pageshow',
      html: (seconds) =>
        `<!doctype html><title>pageshow</title>${attributed.map((scenario) => scenario.html).join('')}${loop(`window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));`)(seconds)}`,
    },
  ];
}

export async function runHostilePagesSection({ devnet, extensionPath, attackSeconds }: HostilePagesParameters): Promise<void> {
  console.log(`${subheading('Hostile pages: the attack pages of issue 11, in Chromium')}`);
  const attacks = attackPages(devnet);
  const ordinary = `<!doctype html><title>ordinary</title>${devnet.scenarios
    .filter((scenario) => scenario.expectedState === 'verified')
    .slice(0, ordinaryProofs)
    .map((scenario) => scenario.html)
    .join('\n')}`;
  const server = createServer((request, response) => {
    const { pathname, searchParams } = new URL(request.url ?? '/', 'http://x');
    const attack = attacks.find(({ path }) => path === pathname);
    const html = pathname === '/ordinary' ? ordinary : attack?.html(Number(searchParams.get('seconds') ?? 10));
    response.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rpc = await startRpcCountingProxy(devnet.rpcUrl);
  const withExtension = await launchExtensionBrowser({ extensionPath });
  const without = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const chainId = String(devnet.chainId);
    await storeTrustConfig(withExtension, { ...devnet.trustConfig, chains: { [chainId]: { ...devnet.trustConfig.chains[chainId]!, rpc: [rpc.url] } } });
    const ordinaryPage = await withExtension.context.newPage();
    await ordinaryPage.goto(`${base}/ordinary`);
    await waitForAllAnswered(ordinaryPage, ordinaryProofs);
    const plainContext = await without.newContext({ viewport: { width: 1280, height: 900 } });
    // The same ordinary tab in the browser without the extension, reloaded as the other is: both frame rates share its load.
    const plainOrdinaryPage = await plainContext.newPage();
    await plainOrdinaryPage.goto(`${base}/ordinary`);
    const heap = await workerHeap(withExtension, ordinaryPage);
    const rows: string[][] = [];
    for (const attack of attacks) {
      const url = `${base}${attack.path}?seconds=${attackSeconds}`;
      const runs: AttackRun[] = [];
      for (let run = 0; run < attackRuns; run++) runs.push(await runAttack({ url, plainContext, plainOrdinaryPage, withExtension, ordinaryPage, heap, rpc, attackSeconds }));
      // The same attack with nothing else going on: what the page's own frames cost, apart from the worker's work for
      // the other tab (and anvil's), which on two cores takes the page's CPU too.
      const alone: { fps: number; plainFps: number }[] = [];
      for (let run = 0; run < attackRuns; run++) {
        const plainFps = (await attacked(plainContext, url)).fps;
        alone.push({ plainFps, fps: (await attacked(withExtension.context, url)).fps });
      }
      const fps = median(runs.map((run) => run.fps));
      const plainFps = median(runs.map((run) => run.plainFps));
      const aloneFps = median(alone.map((run) => run.fps));
      const alonePlainFps = median(alone.map((run) => run.plainFps));
      const callsPerSecond = median(runs.map((run) => run.callsPerSecond));
      const growths = runs.map((run) => run.heapPeakMb - run.heapBeforeMb);
      const growth = median(growths);
      const ordinaryMs = median(runs.map((run) => run.ordinaryMs));
      rows.push([
        attack.name,
        fpsCell(fps, plainFps),
        fpsCell(aloneFps, alonePlainFps),
        `${formatNumber(callsPerSecond, 1)} (${callsPerSecond <= rpcCallsBudget ? 'met' : 'NOT met'})`,
        `+${formatNumber(growth, 1)} (${formatNumber(Math.min(...growths), 1)}–${formatNumber(Math.max(...growths), 1)}; ${growth <= heapGrowthBudgetMb ? 'met' : 'NOT met'})`,
        formatNumber(median(runs.map((run) => run.storedKib))),
        `${formatNumber(ordinaryMs)} (${ordinaryMs <= ordinaryBudgetMs ? 'met' : 'NOT met'})`,
      ]);
    }
    console.log(
      `\nEach page runs its attack for ${attackSeconds} s, ${attackRuns} times (medians; the same build's runs on this machine differ by half); ` +
        `an ordinary tab of ${ordinaryProofs} proofs is reloaded halfway, in the browser without the extension too. Frame rate: frames a second ` +
        `with the extension / without (budget ${fpsShareBudget * 100} % of it), while the ordinary tab reloads and the worker's heap is sampled, ` +
        `and again ${attackRuns} times with nothing else going on ("alone"); RPC calls a second through a counting proxy (budget ${rpcCallsBudget}); ` +
        `the worker's JS heap growth from before to its peak, MB, with its range (budget +${heapGrowthBudgetMb}); storage.session in use after, KiB; ` +
        `the ordinary tab's last verdict, ms (budget ${formatNumber(ordinaryBudgetMs)}).`,
    );
    console.log(
      formatTable(
        [
          { header: 'attack' },
          { header: 'fps with / without', align: 'right' },
          { header: 'fps alone', align: 'right' },
          { header: 'RPC calls/s', align: 'right' },
          { header: 'worker heap growth MB', align: 'right' },
          { header: 'session KiB', align: 'right' },
          { header: 'ordinary tab ms', align: 'right' },
        ],
        rows,
      ),
    );
  } finally {
    await withExtension.close();
    await without.close();
    await rpc.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Frames a second with the extension / without, and whether the first keeps the budget's share of the second. */
const fpsCell = (fps: number, plainFps: number): string => `${formatNumber(fps)} / ${formatNumber(plainFps)} (${fps / plainFps >= fpsShareBudget ? 'met' : 'NOT met'})`;

type AttackRun = { fps: number; plainFps: number; callsPerSecond: number; heapBeforeMb: number; heapPeakMb: number; storedKib: number; ordinaryMs: number };

type RunAttackParameters = {
  url: string;
  plainContext: BrowserContext;
  plainOrdinaryPage: Page;
  withExtension: ExtensionBrowser;
  ordinaryPage: Page;
  heap: () => Promise<number>;
  rpc: { calls: number };
  attackSeconds: number;
};

/**
 * One run of an attack: the page without the extension, then with it while the worker's heap is sampled; halfway
 * through each, the reader reloads the ordinary tab of that browser.
 */
async function runAttack({ url, plainContext, plainOrdinaryPage, withExtension, ordinaryPage, heap, rpc, attackSeconds }: RunAttackParameters): Promise<AttackRun> {
  const plainAttack = attacked(plainContext, url);
  await new Promise((resolve) => setTimeout(resolve, (attackSeconds * 1000) / 2));
  await plainOrdinaryPage.reload();
  const plainFps = (await plainAttack).fps;
  const heapBefore = await heap();
  const callsBefore = rpc.calls;
  let heapPeak = heapBefore;
  const sampling = setInterval(() => void heap().then((used) => (heapPeak = Math.max(heapPeak, used))), 1_000);
  const attackPage = attacked(withExtension.context, url);
  // Halfway through, the reader reloads the ordinary tab.
  await new Promise((resolve) => setTimeout(resolve, (attackSeconds * 1000) / 2));
  const reloaded = performance.now();
  await ordinaryPage.reload();
  await waitForAllAnswered(ordinaryPage, ordinaryProofs, 30_000);
  const ordinaryMs = performance.now() - reloaded;
  const { fps, seconds } = await attackPage;
  clearInterval(sampling);
  const stored = await withExtension.serviceWorker().then((worker) => worker.evaluate(() => chrome.storage.session.getBytesInUse(null)));
  return {
    fps,
    plainFps,
    callsPerSecond: (rpc.calls - callsBefore) / seconds,
    heapBeforeMb: heapBefore / 1024 / 1024,
    heapPeakMb: heapPeak / 1024 / 1024,
    storedKib: stored / 1024,
    ordinaryMs,
  };
}


/** Loads an attack page and waits for its loop to end: its frames a second over the attack. */
async function attacked(context: BrowserContext, url: string): Promise<{ fps: number; seconds: number }> {
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { attackDone?: boolean }).attackDone === true, null, { timeout: 120_000, polling: 500 });
  const seconds = (performance.now() - started) / 1000;
  const frames = await page.evaluate(() => (window as unknown as { attackFrames: number }).attackFrames);
  await page.close();
  return { fps: frames / seconds, seconds };
}

/** Reads the service worker's used JS heap over the DevTools protocol (a worker has no `performance.memory`). */
async function workerHeap(browser: ExtensionBrowser, page: Page): Promise<() => Promise<number>> {
  const cdp: CDPSession = await browser.context.newCDPSession(page);
  let next = 0;
  return async () => {
    await browser.serviceWorker();
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${browser.extensionId}/`));
    if (worker === undefined) return 0;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    const id = (next += 1);
    const answer = new Promise<number>((resolve) => {
      const listen = ({ message }: { message: string }) => {
        const parsed = JSON.parse(message) as { id?: number; result?: { usedSize: number } };
        if (parsed.id !== id) return;
        cdp.off('Target.receivedMessageFromTarget', listen);
        resolve(parsed.result?.usedSize ?? 0);
      };
      cdp.on('Target.receivedMessageFromTarget', listen);
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
    const used = await answer;
    await cdp.send('Target.detachFromTarget', { sessionId });
    return used;
  };
}
