/**
 * `npm start`: the whole demo from a fresh clone. Ensures Chromium, builds
 * the extension, starts the devnet (chain and demo page), and opens the
 * demo page in Chromium with the extension loaded and trusting the devnet.
 *
 * With a display (DISPLAY or WAYLAND_DISPLAY) the browser stays open for
 * the reader until Ctrl-C or until it is closed. Without one (CI, servers)
 * it waits for every badge's verdict, prints them against the scenarios'
 * expectations, saves screenshots and exits: 0 when every badge shows what
 * its scenario expects, 1 otherwise.
 *
 * Screenshots go to test-results/screenshots/, which git ignores, so a run
 * changes nothing in the checkout; `npm start -- --screenshots docs/screenshots`
 * refreshes the README's own.
 */
import { BaseError } from '../lib/errors';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { browser as browserApi } from 'wxt/browser';
import { buildDirectory } from './compile';
import { startDevnet, type StartDevnetReturnType } from './devnet';
import { builtExtensionPath, launchExtensionBrowser, type ExtensionBrowser } from './extension-browser';
import { openExtensionPage, storeTrustConfig, tabShowing } from './extension-pages';
import type { ArticleSnippet } from './article/article-snippets';
import { articleVerdicts, saveArticleScreenshots } from './start-article';
import { takeStateMatrix } from './state-matrix';
import { printVerdictTable, type VerdictRow } from './verdict-table';
import { badgeStatesIn, badgeStatesPer, waitForAllAnswered, waitForBadgeShowing } from '../test/badge-states';

/** The extension API inside the service worker and extension pages, where the evaluated functions run. */
declare const chrome: typeof browserApi;

/** Builds are serialized between everyone building in this checkout. */
const buildLock = '/tmp/verity-build.lock';
const configPath = join(buildDirectory, 'trust-config.json');
const screenshotDirectory = resolve(screenshotsOption(process.argv.slice(2)) ?? 'test-results/screenshots');
/** How long the extension may take to give every badge a verdict. */
const verdictTimeoutMs = 90_000;

class StartError extends BaseError {
  override name = 'StartError';
}

/** `--screenshots DIR`, the one option; anything else is a mistake worth stopping for. */
function screenshotsOption(args: string[]): string | undefined {
  if (args.length === 0) return undefined;
  if (args[0] === '--screenshots' && args.length === 2 && args[1] !== '') return args[1];
  console.error('Usage: npm start [-- --screenshots DIR]');
  process.exit(2);
}

/** What has been started, or is being started: a signal can arrive at any point. */
/** Set once a signal arrived: what fails after that is the shutdown, not worth reporting. */
let interrupted = false;

type Running = { devnet?: Promise<StartDevnetReturnType>; browser?: Promise<ExtensionBrowser>; extensionCopy?: string };

/** Closes the browser, then stops the page server and anvil, and removes the extension's copy. Safe to call twice. */
function stopper(running: Running): () => Promise<void> {
  let stopped: Promise<void> | undefined;
  // A start that failed has cleaned up after itself.
  const started = <type>(starting: Promise<type> | undefined) => starting?.catch(() => undefined);
  return () =>
    (stopped ??= (async () => {
      await (await started(running.browser))?.close().catch((error: unknown) => console.error('Closing the browser failed:', error));
      await (await started(running.devnet))?.stop().catch((error: unknown) => console.error('Stopping the devnet failed:', error));
      if (running.extensionCopy) await rm(running.extensionCopy, { recursive: true, force: true });
    })());
}

/** Runs a step in the terminal; its own output says what went wrong. */
function run(command: string, args: string[]): void {
  try {
    execFileSync(command, args, { stdio: 'inherit' });
  } catch (error) {
    const status = (error as { status?: number | null }).status;
    throw new StartError(`${[command, ...args].join(' ')} failed${status == null ? '' : ` (exit status ${status})`}.`);
  }
  goOn();
}

/** Stops the start-up after a signal: nothing more is started once the shutdown began. */
function goOn(): void {
  if (interrupted) throw new StartError('interrupted');
}

async function main(): Promise<number> {
  const headless = !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const running: Running = {};
  const stop = stopper(running);
  const onSignal = (signal: string) => {
    interrupted = true;
    console.log(`\n${signal}: closing the browser, stopping the page server and anvil…`);
    void stop().then(() => process.exit(130));
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGHUP', () => onSignal('SIGHUP'));

  try {
    run('bash', ['devnet/ensure-chromium.sh']);
    // Not for the demo: the test suite runs the Firefox build too, and this is the set-up command that installs everything.
    run('bash', ['devnet/ensure-firefox.sh']);
    // Others may build into .output/ while the browser runs: load a copy taken under the build lock.
    console.log('Building the extension (npx wxt build)…');
    running.extensionCopy = await mkdtemp(join(tmpdir(), 'verity-extension-'));
    const extensionPath = join(running.extensionCopy, 'chrome-mv3');
    run('flock', [buildLock, 'sh', '-c', 'npx wxt build && cp -R "$0" "$1"', builtExtensionPath, extensionPath]);

    console.log('Starting anvil, deploying contracts and producing proofs…');
    running.devnet = startDevnet({ servePage: true });
    const devnet = await running.devnet;
    goOn();
    const pageUrl = devnet.pageUrl!;
    await mkdir(dirname(configPath), { recursive: true });
    await writeFile(configPath, `${JSON.stringify(devnet.trustConfig, null, 2)}\n`);

    console.log(`Launching Chromium with the extension (${headless ? 'headless' : 'headed'})…`);
    running.browser = launchExtensionBrowser({ headless, extensionPath, closeOnSignals: false });
    const browser = await running.browser;
    goOn();
    await storeTrustConfig(browser, devnet.trustConfig);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(pageUrl);
    const articleUrl = devnet.articleUrl!;

    const verifyCommand = `npx verity verify ${pageUrl} --config ${relative(process.cwd(), configPath)}`;
    if (!headless) {
      // The article in a second tab, in front: where a reader starts.
      await (await browser.context.newPage()).goto(articleUrl);
      console.log(`
Verity is running in Chromium.
  Article        ${articleUrl} (the front tab: a news story as a reader meets it)
  Demo page      ${pageUrl} (every proof type in every state, with captions)
  Trust list     ${devnet.trustListUrl} (a press council's list: subscribe to it on the options page, under Trust lists)
  RPC            ${devnet.rpcUrl} (chain ${devnet.chainId})
  Trust config   ${configPath}

Verify the page from the command line:
  ${verifyCommand}

Close the browser or press Ctrl-C to stop.`);
      await new Promise<void>((resolve) => browser.context.once('close', () => resolve()));
      if (!interrupted) console.log('The browser was closed: stopping the page server and anvil…');
      return 0;
    }

    const rows = await verdicts(page, devnet.scenarios.length);
    printVerdictTable(`The demo page (${pageUrl})`, rows);
    const article = await browser.context.newPage();
    await article.goto(articleUrl);
    const articleRows = await articleVerdicts({ page: article, snippets: devnet.articleSnippets, timeoutMs: verdictTimeoutMs });
    printVerdictTable(`The article (${articleUrl})`, articleRows);
    console.log(`\nA trust list to subscribe to on the options page: ${devnet.trustListUrl}`);
    await saveScreenshots(browser, page, pageUrl, article, devnet.articleSnippets);
    console.log('\nThe chain and the pages stop now. For the command line, run `npm run devnet` and the `npx verity verify` command it prints.');
    return [...rows, ...articleRows].every((row) => row.state === row.expected) ? 0 : 1;
  } finally {
    await stop();
  }
}

/** Each snippet's badge state once none is still checking, with its scenario's expectation, in page order. */
async function verdicts(page: Page, count: number): Promise<VerdictRow[]> {
  console.log(`Waiting for the extension's verdicts on ${count} snippets…`);
  try {
    await waitForAllAnswered(page, count, verdictTimeoutMs);
  } catch {
    const states = await badgeStatesIn(page);
    const checking = states.filter((state) => !state || state === 'checking').length;
    throw new StartError(
      `After ${verdictTimeoutMs / 1000} s the extension had drawn ${states.length} of ${count} badges, ${checking} of them still checking. ` +
        'Is the extension built (.output/chrome-mv3) and is anvil answering?',
    );
  }
  const states = await badgeStatesPer(page, 'figure.case');
  const figures = await page.evaluate(() =>
    [...document.querySelectorAll('figure.case')].map((figure) => ({
      expected: figure.getAttribute('data-expected-state') ?? '?',
      excerpt: (figure.querySelector<HTMLElement>('.case-body')?.innerText ?? '').replace(/\s+/g, ' ').trim(),
    })),
  );
  return figures.map(({ expected, excerpt }, index) => ({ index: index + 1, state: (states[index] ?? []).map((state) => state ?? '?').join('+') || 'no badge', expected, excerpt }));
}

/** The demo page's top, a badge's card, the popup and the inspector for one proof, the article, and every state's badge and card on it at three zooms, light and dark, as PNG files. */
async function saveScreenshots(browser: ExtensionBrowser, page: Page, pageUrl: string, article: Page, articleSnippets: readonly ArticleSnippet[]): Promise<void> {
  await mkdir(screenshotDirectory, { recursive: true });
  const saved: string[] = [];
  const save = async (name: string, take: (path: string) => Promise<unknown>) => {
    const path = join(screenshotDirectory, name);
    await take(path);
    saved.push(relative(process.cwd(), path));
  };

  await page.bringToFront();
  await page.evaluate(() => window.scrollTo(0, 0));
  await save('demo-page.png', (path) => page.screenshot({ path }));

  // The card of the first verified badge, hovered.
  const badge = await waitForBadgeShowing(page, 'verified');
  const proofId = (await badge.getAttribute('data-verity-proof'))!;
  await badge.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -120));
  await badge.hover();
  const card = page.locator('verity-card').first();
  await card.waitFor({ state: 'visible' });
  await page.waitForTimeout(400); // the card's fade-in
  // The snippet's column, its caption and the card, whichever way the card opened.
  const boxes = await Promise.all([badge.locator('xpath=ancestor::figure[1]').boundingBox(), card.boundingBox()]);
  const margin = 24;
  const viewport = page.viewportSize()!;
  const left = Math.max(0, Math.min(...boxes.map((box) => box!.x)) - margin);
  const top = Math.max(0, Math.min(...boxes.map((box) => box!.y)) - margin);
  const right = Math.min(viewport.width, Math.max(...boxes.map((box) => box!.x + box!.width)) + margin);
  const bottom = Math.min(viewport.height, Math.max(...boxes.map((box) => box!.y + box!.height)) + margin);
  await save('hover-card.png', (path) => page.screenshot({ path, clip: { x: left, y: top, width: right - left, height: bottom - top } }));
  await page.mouse.move(0, 0);

  // The popup asks for the active tab when it opens: open it in a background tab while the demo page is active.
  const popupPromise = browser.context.waitForEvent('page', { predicate: (opened) => opened.url().includes('/popup.html') });
  await (await browser.serviceWorker()).evaluate(
    (url) => chrome.tabs.create({ url, active: false }).then(() => undefined),
    `chrome-extension://${browser.extensionId}/popup.html`,
  );
  const popup = await popupPromise;
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.waitForLoadState();
  await popup.getByText('Looking at this page…').waitFor({ state: 'detached' });
  await popup.bringToFront();
  await popup.waitForTimeout(300);
  // Chromium shows a popup at most 600 pixels high, scrolling the rest.
  await save('popup.png', (path) => popup.screenshot({ path }));
  const { tabId } = await tabShowing(popup, pageUrl).catch(() => {
    throw new StartError(`The extension knows no tab showing ${pageUrl}.`);
  });
  await popup.close();

  const inspector = await openExtensionPage(browser, `inspector.html?tab=${tabId}&proof=${encodeURIComponent(proofId)}`);
  await inspector.getByText('Loading the proof…').waitFor({ state: 'detached' });
  await inspector.waitForTimeout(300);
  await save('inspector.png', (path) => inspector.screenshot({ path, fullPage: true }));
  await inspector.close();

  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 1100, height: 900 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByText('Loading your settings…').waitFor({ state: 'detached' });
  await options.waitForTimeout(300);
  await save('options.png', (path) => options.screenshot({ path }));
  await options.close();

  await saveArticleScreenshots(article, save);
  for (const { name, png } of await takeStateMatrix(article, articleSnippets)) await save(name, (path) => writeFile(path, png));

  console.log(`\nScreenshots:\n${saved.map((path) => `  ${path}`).join('\n')}`);
}

main().then(
  (status) => interrupted || process.exit(status),
  (error: unknown) => {
    if (interrupted) return; // the signal handler exits once everything is stopped
    console.error(error instanceof StartError ? `npm start: ${error.message}` : error);
    process.exit(1);
  },
);
