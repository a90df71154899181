import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import type { browser as extensionApi } from 'wxt/browser';
import type { StartDevnetReturnType } from '../../devnet/devnet';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../devnet/extension-browser';
import { storeTrustConfig } from '../../devnet/extension-pages';
import { browserPage, installBadgeWatch, proofSnippets, watchFinalStates, type BadgeWatch } from './browser-pages';
import { contentScriptTime, startTrace, type ContentScriptTime } from './browser-trace';
import { buildExtension } from './extension-build';
import { printBundles } from './bundle-sizes';
import type { ProofSet } from './proof-set';
import { runImageCostSection } from './image-cost';
import { runNoProofCostSection } from './no-proof-cost';
import { measurePageBaselines, printPageBudgets } from './page-budgets';
import { formatNumber, formatTable, heading, subheading, tally } from './table';

/** The extension API in its worker, where the evaluated functions run. */
declare const chrome: typeof extensionApi;

export type BrowserSectionParameters = {
  devnet: StartDevnetReturnType;
  /** Valid proofs on the devnet: 200 + mountProofs distinct ones are used. */
  sets: readonly ProofSet[];
  /** Page sizes, in elements, for the first-scan trace; each page holds 100 proofs. */
  scanSizes: readonly number[];
  /** Traced loads per scan page (the median is shown). */
  scanRuns: number;
  /** Proofs on the badge-mount page. */
  mountProofs: number;
  /** Loads of the badge-mount page. */
  mountRuns: number;
  /** Only the pages with proofs (4.3 to 4.5): no bundle sizes, no pages without proofs, no images. */
  onlyProofPages?: boolean;
};

const explanation = `Chromium (/usr/bin/chromium, headless) with the extension built now (wxt build under
/tmp/verity-build.lock, .output/chrome-mv3 copied to a temp dir and loaded
from there), the devnet's trust configuration in its storage, pages served
from 127.0.0.1. Each load is a new tab.`;

const scanExplanation = `Main-thread time of the content script, from a Chromium trace of the load
(CDP Tracing: toplevel, devtools.timeline, v8.execute, blink.user_timing,
V8's sampling profiler). "scripting" sums the outermost script entries into
the content script on the page's main thread (FunctionCall and
EvaluateScript events whose url is the extension's: content.js and the
verity-session.js it imports on a page with a proof; idle callbacks,
timers, frames, observers, message callbacks), which includes the style and
layout it forces ("forced layout": UpdateLayoutTree and Layout inside them);
"longest entry" is the longest single one. Promise continuations run as
microtasks without such an event, so "sampled" is the CPU profiler's view:
the time of every sample (about 0.2 ms apart) with the content script
anywhere on the stack. "tasks" are the main-thread tasks (RunTask) holding
either; "rendering ms" is the style, layout, pre-paint and paint in those
tasks outside the script (the frames its badge insertions and updates
cost); "task ms" sums those tasks whole; "longest task" is the longest of
them, the long-task figure a user feels; "most script in a task" is the
most of the content script's own time in any one of them (its entries, or
its samples where they come to more), the rest of that task being the
page's own style, layout and paint after the badges went in. "first scan" is navigation start
→ the 100th badge host in the page (a performance mark from a
MutationObserver in the page's world); "to quiet" runs on to 1 s after it
(verdict messages for the proofs near the viewport, badge updates).
Median of the loads by scripting time; the "longest" columns are the worst
of all loads. The scan pages carry the proofs of 4.4's second page, loaded
before them, so their verdicts come from the worker's cache.`;

type ScanRun = { elements: number; firstBadgeMs: number; allBadgesMs: number; firstScan: ContentScriptTime; toQuiet: ContentScriptTime };

const readWatch = (page: Page) => page.evaluate(() => (window as unknown as { verityBench: BadgeWatch }).verityBench);

async function waitForWatch(page: Page, done: 'allBadgesAt', timeout = 60_000): Promise<BadgeWatch> {
  await page.waitForFunction((done) => (window as unknown as { verityBench?: Record<string, unknown> }).verityBench?.[done] !== undefined, done, { timeout, polling: 50 });
  return readWatch(page);
}

export async function runBrowserSection({ devnet, sets, scanSizes, scanRuns, mountProofs, mountRuns, onlyProofPages = false }: BrowserSectionParameters): Promise<void> {
  console.log(heading('4. In the browser'));
  console.log(explanation);
  const snippets = proofSnippets(sets, 200 + mountProofs);
  const pages = new Map<string, string>([
    ['/verdicts', browserPage({ snippets: snippets.slice(0, 100) })],
    ['/verdicts-new', browserPage({ snippets: snippets.slice(100, 200) })],
    ['/mount', browserPage({ snippets: snippets.slice(200) })],
    ...scanSizes.map((size) => [`/scan-${size}`, browserPage({ snippets: snippets.slice(100, 200), elements: size })] as [string, string]),
  ]);
  const server = createServer((request, response) => {
    const html = pages.get(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (html === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  let browser: ExtensionBrowser | undefined;
  const built = await buildExtension();
  try {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    console.log(`\nBuilt in ${formatNumber(built.buildMs / 1000, 1)} s.`);
    if (!onlyProofPages) {
      await printBundles(built.path);
      await runNoProofCostSection({ extensionPath: built.path, sizes: [5_000, 80_000], runs: 3 });
    }

    browser = await launchExtensionBrowser({ extensionPath: built.path });
    await storeTrustConfig(browser, devnet.trustConfig);
    await browser.context.addInitScript(installBadgeWatch);
    // content.js and verity-session.js, which it imports: all the extension's scripts in a page are the content script.
    const scriptOrigin = `chrome-extension://${browser.extensionId}/`;
    const context = browser.context;
    const openPage = async (height = 900) => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height });
      return page;
    };

    // The verdict pages first, while the worker has seen none of their proofs (the scan pages reuse the second's).
    const verdictRuns: { label: string; watch: BadgeWatch; height: number; policyMs: number }[] = [];
    // Tall enough that all 100 proofs are near the viewport (the content script checks only those).
    const verdictHeight = 6_000;
    const visits = [
      { label: 'first page since the browser started', path: '/verdicts' },
      { label: 'another 100 new proofs', path: '/verdicts-new' },
      { label: 'the first page again', path: '/verdicts' },
    ];
    for (const { label, path } of visits) {
      const page = await openPage(verdictHeight);
      // The worker's own read of the policy answers when this one does: no verdict comes before it.
      const worker = await browser.serviceWorker();
      const policyAnswered = worker.evaluate(() => chrome.storage.managed.get(null).then(() => Date.now(), () => Date.now()));
      await page.goto(`${base}${path}?proofs=100`);
      const watch = await watchFinalStates(page, { after: policyAnswered });
      const policyMs = (await policyAnswered) - (await page.evaluate(() => performance.timeOrigin));
      const height = await page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().bottom));
      verdictRuns.push({ label, watch, height, policyMs });
      await page.close();
    }

    console.log(`${subheading('4.3 Content script main thread, first scan')}`);
    console.log(scanExplanation);
    const scanRows: string[][] = [];
    /** The worst first-scan task holding the content script, at the largest size, traced without the profiler. */
    const longestScanTask = new Map<number, number>();
    /** The most of the content script's own time in one of those tasks, by page size. */
    const longestScanScript = new Map<number, number>();
    /** The same as the thread ran. */
    const longestScanScriptThread = new Map<number, number>();
    const scanLoad = async (size: number, sampled: boolean): Promise<ScanRun> => {
      const page = await openPage();
      const cdp = await context.newCDPSession(page);
      const stopTrace = await startTrace(cdp, scriptOrigin, { sampled });
      await page.goto(`${base}/scan-${size}?proofs=100`, { timeout: 60_000 });
      const watch = await waitForWatch(page, 'allBadgesAt');
      await page.waitForTimeout(1_000);
      const trace = await stopTrace();
      const elements = await page.evaluate(() => document.querySelectorAll('*').length - document.querySelectorAll('verity-badge').length);
      await cdp.detach();
      await page.close();
      const allBadgesTs = trace.marks.get('verity-bench:all-badges') ?? Infinity;
      return {
        elements,
        firstBadgeMs: watch.firstBadgeAt!,
        allBadgesMs: watch.allBadgesAt!,
        firstScan: contentScriptTime(trace, scriptOrigin, -Infinity, allBadgesTs),
        toQuiet: contentScriptTime(trace, scriptOrigin),
      };
    };
    for (const size of scanSizes) {
      const runs: ScanRun[] = [];
      for (let run = 0; run < scanRuns; run++) runs.push(await scanLoad(size, true));
      const sorted = [...runs].sort((a, b) => a.firstScan.scriptingMs - b.firstScan.scriptingMs);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      const worst = (pick: (run: ScanRun) => number) => Math.max(...runs.map(pick));
      if (size === Math.max(...scanSizes)) {
        // The budgets' figures from loads traced without the profiler, which slows script several times over.
        const unsampled: ScanRun[] = [];
        for (let run = 0; run < scanRuns; run++) unsampled.push(await scanLoad(size, false));
        const worstUnsampled = (pick: (run: ScanRun) => number) => Math.max(...unsampled.map(pick));
        longestScanTask.set(size, worstUnsampled((run) => run.firstScan.longestTaskMs));
        longestScanScript.set(size, worstUnsampled((run) => run.firstScan.longestScriptInTaskMs));
        longestScanScriptThread.set(size, worstUnsampled((run) => run.firstScan.longestScriptInTaskThreadMs));
      }
      scanRows.push([
        formatNumber(median.elements),
        '100',
        String(runs.length),
        formatNumber(median.allBadgesMs),
        formatNumber(median.firstScan.scriptingMs, 1),
        formatNumber(worst((run) => run.firstScan.longestEntryMs), 1),
        formatNumber(median.firstScan.forcedLayoutMs, 1),
        formatNumber(median.firstScan.sampledMs, 1),
        String(median.firstScan.tasks),
        formatNumber(median.firstScan.renderingMs, 1),
        formatNumber(median.firstScan.taskMs, 1),
        formatNumber(worst((run) => run.firstScan.longestTaskMs), 1),
        formatNumber(worst((run) => run.firstScan.longestScriptInTaskMs), 1),
        formatNumber(median.toQuiet.scriptingMs, 1),
        formatNumber(median.toQuiet.sampledMs, 1),
        formatNumber(worst((run) => run.toQuiet.longestTaskMs), 1),
      ]);
    }
    console.log();
    console.log(
      formatTable(
        [
          { header: 'elements', align: 'right' },
          { header: 'proofs', align: 'right' },
          { header: 'loads', align: 'right' },
          { header: '100th badge at ms', align: 'right' },
          { header: 'scan: scripting ms', align: 'right' },
          { header: 'longest entry', align: 'right' },
          { header: 'forced layout', align: 'right' },
          { header: 'sampled ms', align: 'right' },
          { header: 'tasks', align: 'right' },
          { header: 'rendering ms', align: 'right' },
          { header: 'task ms', align: 'right' },
          { header: 'longest task', align: 'right' },
          { header: 'most script in a task', align: 'right' },
          { header: 'to quiet: scripting ms', align: 'right' },
          { header: 'sampled ms', align: 'right' },
          { header: 'longest task', align: 'right' },
        ],
        scanRows,
      ),
    );

    console.log(`${subheading(`4.4 Mounting ${mountProofs} badges`)}`);
    console.log(`A page of ${mountProofs} valid proofs (no filler). From the first badge host
(verity-badge) added to the page to the ${mountProofs}th, as a MutationObserver
in the page's world sees them; times in ms since navigation start.`);
    const mountRows: string[][] = [];
    const mountMs: number[] = [];
    for (let run = 0; run < mountRuns; run++) {
      const page = await openPage();
      await page.goto(`${base}/mount?proofs=${mountProofs}`);
      const watch = await waitForWatch(page, 'allBadgesAt');
      await page.close();
      mountMs.push(watch.allBadgesAt! - watch.firstBadgeAt!);
      mountRows.push([
        String(run + 1),
        formatNumber(watch.firstBadgeAt!),
        formatNumber(watch.allBadgesAt!),
        formatNumber(watch.allBadgesAt! - watch.firstBadgeAt!),
      ]);
    }
    console.log();
    console.log(
      formatTable(
        [
          { header: 'load', align: 'right' },
          { header: 'first badge at ms', align: 'right' },
          { header: `${mountProofs}th badge at ms`, align: 'right' },
          { header: `first → ${mountProofs}th ms`, align: 'right' },
        ],
        mountRows,
      ),
    );

    console.log(`${subheading('4.5 Page load to the last verdict, 100 proofs on the devnet')}`);
    console.log(`Pages of 100 distinct valid proofs made on the devnet (every kind, every
form), loaded before any other page: the first right after the browser
started, then a page of 100 other proofs the worker has not seen, then the
first page again (its verdicts now cached in the worker). From navigation
start to the moment every badge has a final state (not "checking"), read
from outside the page every 50 ms (the states are in closed shadow roots)
once storage.managed has answered the worker ("policy ms"; reading the
page every 50 ms before then made that answer a second late in 12 of 13
starts, docs/protocol.md §13). The viewport is 1280 × ${formatNumber(verdictHeight)}, so
every proof is near it (the content script sends only proofs within
1000 px of the viewport).
"25/50/75%": when that share of the badges first had a final state.`);
    console.log();
    console.log(
      formatTable(
        [
          { header: 'load' },
          { header: 'content height px', align: 'right' },
          { header: 'first badge ms', align: 'right' },
          { header: '100th badge ms', align: 'right' },
          { header: 'policy ms', align: 'right' },
          { header: '25/50/75% verdicts ms', align: 'right' },
          { header: 'last verdict ms', align: 'right' },
          { header: 'verdicts' },
        ],
        verdictRuns.map(({ label, watch, height, policyMs }) => [
          label,
          formatNumber(height),
          formatNumber(watch.firstBadgeAt!),
          formatNumber(watch.allBadgesAt!),
          formatNumber(policyMs),
          [0.25, 0.5, 0.75].map((share) => formatNumber(watch.finalSteps.find(([, final]) => final >= share * watch.expected)?.[0] ?? NaN)).join(' / '),
          formatNumber(watch.allFinalAt!),
          tally(Object.entries(watch.states).flatMap(([state, count]) => Array<string>(count).fill(state))),
        ]),
      ),
    );
    const largest = Math.max(...scanSizes);
    const baselines = await measurePageBaselines([`${base}/scan-${largest}?proofs=100`, `${base}/mount?proofs=${mountProofs}`, `${base}/verdicts?proofs=100`], 3);
    const baseline = (path: string) => baselines.get(`${base}${path}`)!;
    const verdictsLoad = { label: 'load event', ms: baseline('/verdicts?proofs=100').loadMs };
    printPageBudgets([
      {
        figure: `first scan at ${formatNumber(largest)} elements: longest task holding the content script (worst of ${scanRuns} loads traced without the profiler)`,
        ms: longestScanTask.get(largest)!,
        budgetMs: 16,
        baseline: { label: "the page's longest task", ms: baseline(`/scan-${largest}?proofs=100`).longestTaskMs },
      },
      {
        figure: `  of which the content script's own work, most in one task (worst of ${scanRuns})`,
        ms: longestScanScript.get(largest)!,
        budgetMs: 16,
        baseline: { label: "the page's longest task", ms: baseline(`/scan-${largest}?proofs=100`).longestTaskMs },
      },
      {
        figure: `  the same as the thread ran (the time the system gave other threads left out; its entries alone)`,
        ms: longestScanScriptThread.get(largest)!,
        budgetMs: 16,
        baseline: { label: "the page's longest task", ms: baseline(`/scan-${largest}?proofs=100`).longestTaskMs },
      },
      {
        figure: `${mountProofs} badges: first → last in the page (median of ${mountRuns})`,
        ms: [...mountMs].sort((a, b) => a - b)[Math.floor(mountMs.length / 2)]!,
        budgetMs: 50,
        baseline: { label: 'load event', ms: baseline(`/mount?proofs=${mountProofs}`).loadMs },
      },
      { figure: 'first page since the browser started: last verdict', ms: verdictRuns[0]!.watch.allFinalAt!, budgetMs: 1_000, baseline: verdictsLoad },
      { figure: "  of which waiting for the organisation's policy (storage.managed's answer, §13)", ms: verdictRuns[0]!.policyMs, budgetMs: undefined, baseline: verdictsLoad },
      { figure: 'the first page again (warm): last verdict', ms: verdictRuns[2]!.watch.allFinalAt!, budgetMs: undefined, baseline: verdictsLoad },
    ]);
    if (!onlyProofPages) await runImageCostSection({ extensionPath: built.path, runs: 3 });
  } finally {
    await browser?.close();
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    await built.remove();
  }
}
