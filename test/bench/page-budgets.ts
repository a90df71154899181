import { chromium } from 'playwright-core';
import { chromiumPath } from '../../devnet/extension-browser';
import { longestMainThreadTask, startTrace } from './browser-trace';
import { formatNumber, formatTable, subheading } from './table';

/**
 * Issue 10's budgets for pages with proofs, each figure beside the same
 * page's in Chromium without the extension, loaded in this process just
 * before: on a shared or slow machine the ratio says what the milliseconds
 * cannot.
 */

export type PageBaseline = {
  /** Navigation start → the load event's end, ms. */
  loadMs: number;
  /** The page's longest main-thread task from navigation to 1 s after load, ms. */
  longestTaskMs: number;
};

/** Loads each page `runs` times in a Chromium without the extension; the medians of each figure. */
export async function measurePageBaselines(urls: readonly string[], runs: number): Promise<Map<string, PageBaseline>> {
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  const baselines = new Map<string, PageBaseline>();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    for (const url of urls) {
      const samples: PageBaseline[] = [];
      for (let run = 0; run < runs; run++) {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        // No content script here: the trace is read for the page's own tasks only.
        const stopTrace = await startTrace(cdp, 'none:');
        await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
        await page.waitForTimeout(1_000);
        const trace = await stopTrace();
        const loadMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
        samples.push({ loadMs, longestTaskMs: longestMainThreadTask(trace) });
        await cdp.detach();
        await page.close();
      }
      const median = (pick: (sample: PageBaseline) => number) => samples.map(pick).sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
      baselines.set(url, { loadMs: median((sample) => sample.loadMs), longestTaskMs: median((sample) => sample.longestTaskMs) });
    }
  } finally {
    await browser.close();
  }
  return baselines;
}

export type PageBudgetRow = {
  figure: string;
  ms: number;
  /** ms; undefined where the issue sets none. */
  budgetMs: number | undefined;
  /** The same page without the extension: which of its figures, and its ms. */
  baseline: { label: string; ms: number };
};

export function printPageBudgets(rows: readonly PageBudgetRow[]): void {
  console.log(`${subheading('4.6 Pages with proofs against their budgets (issue 10, item 4)')}`);
  console.log(`Each figure beside its budget and beside the same page's figure in
Chromium without the extension, loaded in this process (median of 3):
"ratio" is the figure over that baseline, which moves less than either with
the machine's load. The first scan's from more loads of 4.3's largest page,
traced without V8's sampling profiler (which slows script several times
over, and which 4.3's table needs); the rest from the tables above.`);
  console.log();
  console.log(
    formatTable(
      [
        { header: 'figure' },
        { header: 'ms', align: 'right' },
        { header: 'budget ms', align: 'right' },
        { header: 'without the extension', align: 'right' },
        { header: 'ratio', align: 'right' },
      ],
      rows.map(({ figure, ms, budgetMs, baseline }) => [
        figure,
        formatNumber(ms, 1),
        budgetMs === undefined ? '–' : `${formatNumber(budgetMs)}: ${ms <= budgetMs ? 'met' : 'NOT met'}`,
        `${baseline.label} ${formatNumber(baseline.ms, 1)}`,
        `×${formatNumber(ms / baseline.ms, 2)}`,
      ]),
    ),
  );
}
