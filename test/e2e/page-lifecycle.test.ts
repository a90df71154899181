import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as browserApi } from 'wxt/browser';
import type { Scenario } from '../../devnet/scenarios';
import type { ExtensionBrowser } from '../../devnet/extension-browser';
import type { StartDevnetReturnType } from '../../devnet/devnet';
import type { TabState } from '../../messaging/messages';
import { badgeStatesIn, badgeStatesPer } from '../badge-states';
import { allAnswered, openExtensionPage, sendFrom, startDemoSession, stopDemoSession, tabShowing } from './demo-session';

/** The extension API inside extension pages, where the evaluated functions run. */
declare const chrome: typeof browserApi;

/**
 * The content script and the worker, built and loaded in Chromium, as a page
 * lives on: a single-page app reusing a snippet's element for another
 * answer, taking a proof away, giving one to an element that had none; and
 * the page leaving for another and coming back from the back/forward cache.
 */

let devnet: StartDevnetReturnType;
let browser: ExtensionBrowser;
let extensionPage: Page;
let server: Server;
let pageUrl: string;
let verified: Scenario;
let invalid: Scenario;

/**
 * Two snippets of the demo set and a copy of the first one's element
 * without its proof. Served without `no-store`, which keeps a page out of
 * Chromium's back/forward cache, unlike the demo page's server.
 */
function lifecyclePage(): string {
  const withoutProof = verified.html.replace(/\sdata-ai-proof=(?:"[^"]*"|'[^']*')/, ' id="bare"');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Lifecycle</title></head><body><main>
<section id="one">${verified.html}</section>
<section id="two">${invalid.html}</section>
<section id="three">${withoutProof}</section>
<a id="away" href="/elsewhere">Elsewhere</a>
</main></body></html>`;
}

beforeAll(async () => {
  // Playwright turns the back/forward cache off unless asked; the restore below needs it.
  ({ devnet, browser } = await startDemoSession({ backForwardCache: true }));
  const attributeScenario = (state: string) => devnet.scenarios.find((scenario) => scenario.form.startsWith('attribute') && scenario.expectedState === state)!;
  verified = attributeScenario('verified');
  invalid = attributeScenario('invalid');
  server = createServer((request, response) => {
    const html = request.url === '/elsewhere' ? '<!doctype html><title>Elsewhere</title><p>No proofs here.</p>' : lifecyclePage();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  extensionPage = await openExtensionPage(browser);
}, 180_000);

afterAll(async () => {
  // The browser first: a page kept in its back/forward cache holds its connection to the server open.
  await stopDemoSession({ devnet, browser });
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** Each section's badge states, by section id. */
async function sectionStates(page: Page): Promise<Record<string, (string | null)[]>> {
  const ids = await page.evaluate(() => [...document.querySelectorAll('section')].map((section) => section.id));
  const states = await badgeStatesPer(page, 'section');
  return Object.fromEntries(ids.map((id, index) => [id, states[index]!]));
}

/** The proof ids of each section's badges. */
const sectionProofIds = (page: Page) =>
  page.evaluate(() => Object.fromEntries([...document.querySelectorAll('section')].map((section) => [section.id, section.querySelector('verity-badge')?.getAttribute('data-verity-proof') ?? null])));

/** The worker's list for the tab, as the popup shows it: each proof's id and state. */
async function listed(tabId: number): Promise<{ url: string; proofs: Record<string, string | undefined> }> {
  const state: TabState = await sendFrom(extensionPage, 'tab-state', { tabId });
  return { url: state.url, proofs: Object.fromEntries(state.proofs.map((proof) => [proof.id, proof.verdict?.state])) };
}

const toolbarBadge = (tabId: number) => extensionPage.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tabId);

/** The value of a scenario's proof attribute, read as the browser parses its markup. */
const proofValueOf = (page: Page, html: string) =>
  page.evaluate((html) => {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content.querySelector('[data-ai-proof]')!.getAttribute('data-ai-proof')!;
  }, html);

describe('a page as it lives, in Chromium', () => {
  it('reads a rewritten, removed or added proof attribute again, and lists the page again once it is back from the back/forward cache', async () => {
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    await allAnswered(page, 2);
    expect(await sectionStates(page)).toEqual({ one: ['verified'], two: ['invalid'], three: [] });
    const { tabId } = await tabShowing(extensionPage, pageUrl);
    const first = await sectionProofIds(page);
    expect((await listed(tabId)).proofs).toEqual({ [first.one!]: 'verified', [first.two!]: 'invalid' });

    // A single-page app reuses the first snippet's element for another answer: its words and its proof.
    const invalidProof = await proofValueOf(page, invalid.html);
    await page.evaluate(
      ([html, proof]) => {
        const template = document.createElement('template');
        template.innerHTML = html;
        const element = document.querySelector('#one [data-ai-proof]')!;
        element.innerHTML = template.content.querySelector('[data-ai-proof]')!.innerHTML;
        element.setAttribute('data-ai-proof', proof);
      },
      [invalid.html, invalidProof] as const,
    );
    await expect.poll(async () => (await badgeStatesIn(page, '#one'))[0], { timeout: 60_000 }).toBe('invalid');
    const rewritten = await sectionProofIds(page);
    expect(rewritten.one).not.toBe(first.one);
    await expect.poll(async () => (await listed(tabId)).proofs, { timeout: 10_000 }).toEqual({ [rewritten.one!]: 'invalid', [first.two!]: 'invalid' });

    // The second snippet loses its proof: no badge, and the popup no longer lists it.
    await page.evaluate(() => document.querySelector('#two [data-ai-proof]')!.removeAttribute('data-ai-proof'));
    await page.waitForFunction(() => document.querySelector('#two verity-badge') === null, undefined, { timeout: 10_000 });
    await expect.poll(async () => Object.keys((await listed(tabId)).proofs), { timeout: 10_000 }).toEqual([rewritten.one]);

    // An element that had no proof gains one.
    const verifiedProof = await proofValueOf(page, verified.html);
    await page.evaluate((proof) => document.getElementById('bare')!.setAttribute('data-ai-proof', proof), verifiedProof);
    await expect.poll(async () => (await badgeStatesIn(page, '#three'))[0], { timeout: 60_000 }).toBe('verified');
    const gained = await sectionProofIds(page);
    await expect.poll(async () => (await listed(tabId)).proofs, { timeout: 10_000 }).toEqual({ [rewritten.one!]: 'invalid', [gained.three!]: 'verified' });
    await expect.poll(() => toolbarBadge(tabId), { timeout: 10_000 }).toBe('2');

    // Away and back: the worker forgets the page when the tab moves on, and learns it again when it returns.
    await page.evaluate(() => window.addEventListener('pageshow', (event) => ((window as { restoredFromCache?: boolean }).restoredFromCache = event.persisted)));
    await page.click('#away');
    await page.waitForURL(`${pageUrl}elsewhere`);
    await expect.poll(async () => (await listed(tabId)).url, { timeout: 10_000 }).toBe(`${pageUrl}elsewhere`);
    expect((await listed(tabId)).proofs).toEqual({});
    // A page restored from the cache fires no load event: wait for the navigation only.
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForURL(pageUrl, { waitUntil: 'commit' });
    const restoredFromCache = await page.evaluate(() => (window as { restoredFromCache?: boolean }).restoredFromCache === true);
    // Were the page loaded anew, the test would prove nothing of the cache.
    expect(restoredFromCache).toBe(true);
    // The page as it was left: the same badges, the same ids, listed again, and the toolbar badge counting them.
    expect(await sectionProofIds(page)).toEqual(gained);
    await expect.poll(async () => listed(tabId), { timeout: 10_000 }).toEqual({ url: pageUrl, proofs: { [rewritten.one!]: 'invalid', [gained.three!]: 'verified' } });
    await expect.poll(() => toolbarBadge(tabId), { timeout: 10_000 }).toBe('2');
    await page.close();
  });
});
