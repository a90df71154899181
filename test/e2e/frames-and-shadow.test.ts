import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartDevnetReturnType } from '../../devnet/devnet';
import type { ExtensionBrowser } from '../../devnet/extension-browser';
import type { Scenario } from '../../devnet/scenarios';
import type { TabState } from '../../messaging/messages';
import { openExtensionPage, openPopupBeside, screenshot, sendFrom, startDemoSession, stopDemoSession, tabShowing } from './demo-session';

/**
 * The built extension in Chromium on proofs outside the page's light DOM:
 * in open shadow roots (attached before the content script starts, by a
 * custom element defined later, and one inside another) and in frames
 * (same-origin, srcdoc, about:blank written by the page, and cross-origin,
 * from a second loopback server). Every one is badged where it is, and the
 * tab's list names the frame each is in.
 */

let devnet: StartDevnetReturnType;
let browser: ExtensionBrowser;
let top: Server;
let other: Server;
let topUrl: string;
let otherOrigin: string;
let verified: Scenario;
let altered: Scenario;

const attributeScenario = (state: string) => devnet.scenarios.find((scenario) => scenario.form.startsWith('attribute') && scenario.expectedState === state)!;

const escapeAttribute = (html: string) => html.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

function topPage(): string {
  return `<!doctype html><html><head><title>Frames and shadow roots</title>
<style>iframe { width: 46%; height: 160px; border: 1px solid #ccc; } section { margin: 12px 0; }</style></head>
<body><h1>Proofs in shadow roots and frames</h1>
<section id="shadow-at-load"><div id="host-load"></div></section>
<section id="shadow-later"><later-card id="host-later"></later-card></section>
<section id="shadow-nested"><div id="host-outer"></div></section>
<iframe id="same" src="/same.html"></iframe>
<iframe id="srcdoc" srcdoc="${escapeAttribute(`<!doctype html><body>${verified.html}</body>`)}"></iframe>
<iframe id="blank"></iframe>
<iframe id="cross" src="${otherOrigin}/cross.html"></iframe>
<script>
  const verifiedHtml = ${JSON.stringify(verified.html)};
  const alteredHtml = ${JSON.stringify(altered.html)};
  document.getElementById('host-load').attachShadow({ mode: 'open' }).innerHTML = verifiedHtml;
  const outer = document.getElementById('host-outer').attachShadow({ mode: 'open' });
  outer.innerHTML = '<div id="host-inner"></div>';
  outer.getElementById('host-inner').attachShadow({ mode: 'open' }).innerHTML = alteredHtml;
  document.getElementById('blank').contentDocument.body.innerHTML = alteredHtml;
  // Defined once the content script is running: the element upgrades in place and attaches its root then.
  setTimeout(() => customElements.define('later-card', class extends HTMLElement {
    connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = verifiedHtml; }
  }), 1500);
</script></body></html>`;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  ({ devnet, browser } = await startDemoSession());
  verified = attributeScenario('verified');
  altered = attributeScenario('altered');
  const framePage = (html: string) => `<!doctype html><html><body>${html}</body></html>`;
  top = createServer((request, response) => {
    const html = request.url === '/same.html' ? framePage(verified.html) : topPage();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  // Another port is another origin.
  other = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(framePage(altered.html)));
  otherOrigin = await listen(other);
  topUrl = `${await listen(top)}/`;
}, 180_000);

afterAll(async () => {
  await stopDemoSession({ devnet, browser });
  for (const server of [top, other]) await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** The badge states inside the open shadow root of the element `path` leads to, host by host. */
const shadowStates = (page: Page, path: string[]) =>
  page.evaluate((path) => {
    let scope: Document | ShadowRoot = document;
    for (const id of path) scope = (scope.getElementById(id) as Element).shadowRoot!;
    return [...scope.querySelectorAll('verity-badge')].map((badge) => badge.getAttribute('data-state'));
  }, path);

const frameStates = (frame: Frame) => frame.evaluate(() => [...document.querySelectorAll('verity-badge')].map((badge) => badge.getAttribute('data-state')));

const frameOf = (page: Page, id: string) => page.locator(`#${id}`).elementHandle().then((handle) => handle!.contentFrame()) as Promise<Frame>;

describe('proofs in shadow roots and frames, in Chromium', () => {
  it('badges each one where it is, and lists each with the frame it is in', async () => {
    const page = await browser.context.newPage();
    await page.goto(topUrl);

    const settled = (states: (string | null)[]) => states.length > 0 && !states.includes('checking');
    await expect.poll(() => shadowStates(page, ['host-load']), { timeout: 30_000 }).toSatisfy(settled);
    await expect.poll(() => shadowStates(page, ['host-outer', 'host-inner']), { timeout: 30_000 }).toSatisfy(settled);
    await expect.poll(() => shadowStates(page, ['host-later']), { timeout: 30_000 }).toSatisfy(settled);
    expect(await shadowStates(page, ['host-load'])).toEqual(['verified']);
    expect(await shadowStates(page, ['host-outer', 'host-inner'])).toEqual(['altered']);
    expect(await shadowStates(page, ['host-later'])).toEqual(['verified']);
    // The badge sits in the shadow tree beside its snippet, not in the light DOM.
    expect(await page.locator('body > verity-badge, section > verity-badge').count()).toBe(0);

    const expectedFrames = { same: 'verified', srcdoc: 'verified', blank: 'altered', cross: 'altered' };
    for (const [id, state] of Object.entries(expectedFrames)) {
      const frame = await frameOf(page, id);
      await expect.poll(() => frameStates(frame), { timeout: 30_000 }).toEqual([state]);
    }
    await screenshot(page, 'frames-and-shadow-page');

    const extensionPage = await openExtensionPage(browser);
    const { tabId } = await tabShowing(extensionPage, topUrl);
    const listed = async () => {
      const state: TabState = await sendFrom(extensionPage, 'tab-state', { tabId });
      return state.proofs.map((proof) => ({ state: proof.verdict?.state, frameUrl: proof.frameUrl })).sort((a, b) => `${a.frameUrl}${a.state}`.localeCompare(`${b.frameUrl}${b.state}`));
    };
    await expect.poll(listed, { timeout: 30_000 }).toEqual(
      [
        { state: 'altered', frameUrl: undefined },
        { state: 'verified', frameUrl: undefined },
        { state: 'verified', frameUrl: undefined },
        { state: 'verified', frameUrl: 'about:srcdoc' },
        { state: 'altered', frameUrl: 'about:blank' },
        { state: 'verified', frameUrl: `${topUrl}same.html` },
        { state: 'altered', frameUrl: `${otherOrigin}/cross.html` },
      ].sort((a, b) => `${a.frameUrl}${a.state}`.localeCompare(`${b.frameUrl}${b.state}`)),
    );

    const popup = await openPopupBeside(browser, { demo: page, tabId });
    await expect.poll(() => popup.getByText(`In a frame from ${new URL(otherOrigin).host}`).count(), { timeout: 20_000 }).toBe(1);
    expect(await popup.getByText('In a frame written by this page').count()).toBe(2);
    await screenshot(popup, 'frames-and-shadow-popup');

    // A frame taken out of the page takes its proof out of the tab's list.
    await page.evaluate(() => document.getElementById('cross')!.remove());
    await expect.poll(async () => (await listed()).length, { timeout: 10_000 }).toBe(6);
    await popup.close();
    await extensionPage.close();
    await page.close();
  });
});
