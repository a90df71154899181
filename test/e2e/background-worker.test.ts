import type { CDPSession, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type StartDevnetReturnType } from '../../devnet/devnet';
import type { TabState } from '../../messaging/messages';
import type { PageProof } from '../../lib/extract/page-proof';
import { settingsKeys } from '../../storage/settings-keys';
import { stateColors } from '../../entrypoints/background/toolbar/badge';
import { recheckAlarmName } from '../../entrypoints/background/recheck-alarm';
import { createProofLocator, type LocatedProof } from '../../lib/extract/locate-proofs';
import { parseHtml } from '../../lib/extract/parse-html';
import type { Verdict } from '../../lib/verdict/types';
import type { browser as extensionApi } from 'wxt/browser';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../devnet/extension-browser';
import { startRpcCountingProxy, type RpcCountingProxy } from '../rpc-counting-proxy';
import { openExtensionPage, sendFrom, storeTrustConfig } from './demo-session';

/** The extension API inside the page and the worker, where the evaluated functions run. */
declare const chrome: typeof extensionApi;

/**
 * The background worker, built and loaded in Chromium, against the devnet:
 * an extension page sends it the demo page's proofs as a content script
 * would, and real verdicts come back from the real chain. The RPC goes
 * through a counting proxy, to see how the worker reads the chain; the
 * worker is stopped on purpose, as MV3 stops it, and must answer all the
 * same.
 */

let devnet: StartDevnetReturnType;
/** Forwards to anvil (CORS headers and all) and counts HTTP requests and the JSON-RPC calls in them. */
let rpc: RpcCountingProxy;
let browser: ExtensionBrowser;
let page: Page;
let cdp: CDPSession;
let tabId: number;
let proofs: PageProof[];
let stops = 0;
/** What the worker logged, across its restarts: a clean run logs nothing. */
const workerLog: string[] = [];

beforeAll(async () => {
  devnet = await startDevnet({ servePage: true });
  rpc = await startRpcCountingProxy(devnet.rpcUrl);
  browser = await launchExtensionBrowser();
  const listen = (worker: Worker) => worker.on('console', (message) => workerLog.push(`${message.type()}: ${message.text()}`));
  browser.context.on('serviceworker', listen);
  const worker = await browser.serviceWorker();
  listen(worker);
  const chainId = String(devnet.chainId);
  const trust = { ...devnet.trustConfig, chains: { [chainId]: { ...devnet.trustConfig.chains[chainId]!, rpc: [rpc.url] } } };
  // The devnet's configuration as the user's own layer, as the options page would save it.
  await storeTrustConfig(browser, trust);

  // An extension page open in a tab: it may speak for its tab, as a content script does for its own.
  page = await openExtensionPage(browser);
  tabId = await page.evaluate(async () => (await chrome.tabs.getCurrent())!.id!);
  cdp = await browser.context.newCDPSession(page);

  // The demo page's proofs, located as the content script locates them.
  const located = [...createProofLocator().scan(parseHtml(devnet.pageHtml))].filter((item): item is LocatedProof => 'form' in item);
  proofs = located.map(({ index, form, raw, shownText, problem }) => ({
    id: `p${index}`,
    form,
    raw,
    shownText,
    // jsdom renders nothing: take the page as drawn to be the page as written.
    renderedText: shownText,
    ...(problem && { problem }),
  }));
}, 180_000);

afterAll(async () => {
  console.log(`the worker was stopped ${stops} times and logged ${workerLog.length ? workerLog.join('\n') : 'nothing'}`);
  await browser?.close();
  await rpc?.close();
  await devnet?.stop();
});

type WorkerVersion = { scriptURL: string; runningStatus: string };

/**
 * Stops the extension's service worker, as Chromium does when it is idle,
 * and waits until DevTools reports it stopped (Playwright sees no `close`).
 */
async function stopWorker(): Promise<void> {
  const ours = (version: WorkerVersion) => version.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`);
  let onUpdate!: (event: { versions: WorkerVersion[] }) => void;
  const stopped = new Promise<void>((resolve) => {
    onUpdate = ({ versions }) => {
      if (versions.some((version) => ours(version) && version.runningStatus === 'stopped')) resolve();
    };
  });
  cdp.on('ServiceWorker.workerVersionUpdated', onUpdate);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
  } finally {
    cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
    await cdp.send('ServiceWorker.disable');
  }
  stops += 1;
}

const verifyAll = () => sendFrom(page, 'verify-proofs', { pageUrl: devnet.pageUrl!, proofs, notChecked: 0 });
const statesOf = (verdicts: { verdict: Verdict }[]) => verdicts.map(({ verdict }) => verdict.state);
const expectedStates = () => devnet.scenarios.map((scenario) => scenario.expectedState);

describe('the background worker in Chromium', () => {
  it('answers the options page: trust configuration, RPC test, and a clear error for a bad request', async () => {
    const trust = await sendFrom(page, 'trust-config', {});
    expect(trust.effective.chains[String(devnet.chainId)]?.rpc).toEqual([rpc.url]);
    expect(trust.provenance?.[`chains.${devnet.chainId}.rpc`]).toBe('user');
    expect(trust.managedError).toBeUndefined();

    const probe = await sendFrom(page, 'test-rpc', { url: devnet.rpcUrl, chainId: devnet.chainId });
    expect(probe).toMatchObject({ ok: true, blockNumber: expect.stringMatching(/^\d+$/) });
    expect(await sendFrom(page, 'test-rpc', { url: devnet.rpcUrl, chainId: 1 })).toMatchObject({ ok: false });

    await expect(sendFrom(page, 'tab-state', { tabId: 'seven' as unknown as number })).rejects.toThrow('Malformed "tab-state" request');
  });

  it("verifies every demo proof in one pass against the real chain, and badges the tab", async () => {
    expect(proofs).toHaveLength(devnet.scenarios.length);
    const before = { requests: rpc.requests, calls: rpc.calls };
    const started = performance.now();
    const { verdicts } = await verifyAll();
    const elapsed = performance.now() - started;
    expect(statesOf(verdicts)).toEqual(expectedStates());
    const requests = rpc.requests - before.requests;
    console.log(
      `${proofs.length} proofs verified in ${elapsed.toFixed(0)} ms with ${requests} HTTP requests carrying ${rpc.calls - before.calls} JSON-RPC calls`,
    );
    // Batched and shared across snippets: far fewer requests than proofs.
    expect(requests).toBeLessThan(proofs.length / 2);

    const tab: TabState = await sendFrom(page, 'tab-state', { tabId });
    expect(tab.url).toBe(devnet.pageUrl);
    expect(tab.proofs.map((proof) => proof.verdict?.state)).toEqual(expectedStates());
    const details = await sendFrom(page, 'proof-details', { tabId, id: 'p0' });
    expect(details).toMatchObject({ pageUrl: devnet.pageUrl, proof: { raw: proofs[0]!.raw }, verdict: { state: expectedStates()[0] } });

    const worker = await browser.serviceWorker();
    const badge = await worker.evaluate(async (id) => ({
      text: await chrome.action.getBadgeText({ tabId: id }),
      color: await chrome.action.getBadgeBackgroundColor({ tabId: id }),
    }), tabId);
    expect(badge.text).toBe(String(proofs.length));
    const malformed = stateColors('malformed').color;
    expect(badge.color.slice(0, 3)).toEqual([1, 3, 5].map((at) => parseInt(malformed.slice(at, at + 2), 16)));
  });

  it('answers from what it stored after being stopped, without reading the chain again', async () => {
    await stopWorker();
    const requests = rpc.requests;
    const started = performance.now();
    const tab = await sendFrom(page, 'tab-state', { tabId });
    expect(tab.proofs.map((proof) => proof.verdict?.state)).toEqual(expectedStates());
    // The content script's retry after a restart: the same request, answered from the cache.
    const { verdicts } = await verifyAll();
    console.log(`after a stop: tab state and ${verdicts.length} verdicts in ${(performance.now() - started).toFixed(0)} ms`);
    expect(statesOf(verdicts)).toEqual(expectedStates());
    expect(rpc.requests).toBe(requests);
  });

  it('answers a request repeated after the worker was stopped in the middle of it', async () => {
    // Fresh keys: the same proofs under a different rendered text are proofs the worker has not seen.
    const fresh = proofs.map((proof) => ({ ...proof, renderedText: `${proof.renderedText} ` }));
    const request = { pageUrl: devnet.pageUrl!, proofs: fresh, notChecked: 0 };
    const interrupted = sendFrom(page, 'verify-proofs', request).then(
      () => 'answered',
      (error: Error) => error.message,
    );
    await page.waitForTimeout(20);
    await stopWorker();
    console.log(`the interrupted request: ${await interrupted}`);
    const { verdicts } = await sendFrom(page, 'verify-proofs', request);
    expect(verdicts).toHaveLength(fresh.length);
    expect(statesOf(verdicts).filter((state) => state === 'verified').length).toBeGreaterThan(0);
  });

  it('turns pending verdicts final with the alarm, after the chain moves on, across a stop', async () => {
    const pending = expectedStates().flatMap((state, index) => (state === 'pending' ? [`p${index}`] : []));
    expect(pending.length).toBeGreaterThan(0);
    // The page stands in for the tab's content script: it hears verdict-updated.
    await page.evaluate(() => {
      const updates: unknown[] = [];
      Object.assign(window, { updates });
      chrome.runtime.onMessage.addListener((message: { type?: string }) => {
        if (message.type === 'verdict-updated') updates.push(message);
      });
    });
    await devnet.mine(1);
    // The worker keeps the recheck alarm while verdicts are pending, every 30 s (Chrome's shortest period). Its next
    // run is brought forward, so the test does not wait out the period; the alarm still wakes a stopped worker.
    const worker = await browser.serviceWorker();
    const alarm = await worker.evaluate((name) => chrome.alarms.get(name), recheckAlarmName);
    expect(alarm).toMatchObject({ name: recheckAlarmName, periodInMinutes: 0.5 });
    await worker.evaluate((name) => chrome.alarms.create(name, { when: Date.now() + 1_000, periodInMinutes: 0.5 }), recheckAlarmName);
    await stopWorker();
    const started = performance.now();
    let tab: TabState;
    do {
      await page.waitForTimeout(500);
      tab = await sendFrom(page, 'tab-state', { tabId });
    } while (tab.proofs.some((proof) => pending.includes(proof.id) && proof.verdict?.state === 'pending') && performance.now() - started < 80_000);
    console.log(`pending → verified ${((performance.now() - started) / 1000).toFixed(1)} s after the block was mined`);
    expect(tab.proofs.filter((proof) => pending.includes(proof.id)).map((proof) => proof.verdict?.state)).toEqual(pending.map(() => 'verified'));
    const updates = (await page.evaluate(() => (window as unknown as { updates: { id: string; verdict: Verdict }[] }).updates)).map(
      ({ id, verdict }) => [id, verdict.state],
    );
    expect(updates).toEqual(pending.map((id) => [id, 'verified']));
  }, 120_000);

  it('verifies again when the trust configuration changes', async () => {
    const worker = await browser.serviceWorker();
    // Without the user's layer only the defaults remain: the devnet chain is not configured.
    await worker.evaluate((key) => chrome.storage.local.remove(key), settingsKeys.userTrustConfig);
    let tab: TabState;
    const started = performance.now();
    do {
      await page.waitForTimeout(500);
      tab = await sendFrom(page, 'tab-state', { tabId });
    } while (tab.proofs.some((proof) => proof.verdict?.state === 'verified') && performance.now() - started < 20_000);
    expect(tab.proofs.some((proof) => proof.verdict?.state === 'verified')).toBe(false);
    expect(tab.proofs.map((proof) => proof.verdict?.state)).toContain('unavailable');
  });
});
