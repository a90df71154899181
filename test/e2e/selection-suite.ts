import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as browserApi } from 'wxt/browser';
import type { StartDevnetReturnType } from '../../devnet/devnet';
import type { ExtensionBrowser } from '../../devnet/extension-browser';
import type { SelectionCheck } from '../../messaging/messages';
import { readShareLink } from '../../lib/share/read-share-link';
import { defaultShareLinkBase } from '../../lib/share/share-base';
import { serveHtml, type ServeHtmlReturnType } from '../serve-html';
import { accessibilityNodes, dialogAsRead } from './accessibility-tree';
import { expectNoAxeViolations, showInScheme } from './axe';
import { allAnswered, openExtensionPage, openPopupBeside, screenshot, sendFrom, tabShowing, type DemoSession } from './demo-session';

/** The extension API inside extension pages and the worker, where the evaluated functions run. */
declare const chrome: typeof browserApi;

/**
 * "Verify selection", end to end: the context menu item the worker made,
 * clicked through the same onClicked event Chrome fires for a real click
 * (a native menu cannot be opened by automation), the content script
 * reading the page's real selection, the worker checking it against real
 * verdicts from the devnet's chain, and the answer in the page's card and
 * for the popup. In the demo session's browser (shared-session.test.ts), on
 * a page of its own.
 */

const menuItemId = 'verity.verify-selection';

/** Scenarios of the devnet, each in a box of its own, and two paragraphs without proofs. */
const snippetScenarios = ['og-tee-attribute-json', 'og-settlement-attribute-json', 'og-tee-text-differs', 'og-tee-altered'];

let devnet: StartDevnetReturnType;
let server: ServeHtmlReturnType | undefined;
let pageUrl: string;
let browser: ExtensionBrowser;
let extensionPage: Page;
let page: Page;
let cdp: CDPSession;
let tabId: number;

/** Selects from the first `from` text in `fromSelector` to the end of the first `to` text in `toSelector`, as a reader's drag does. */
async function select(fromSelector: string, from: string, toSelector = fromSelector, to = from): Promise<string> {
  return page.evaluate(
    ([fromSelector, from, toSelector, to]) => {
      const find = (selector: string, text: string): [Text, number] => {
        const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
          const index = node.data.indexOf(text);
          if (index !== -1) return [node, index];
        }
        throw new Error(`No "${text}" in ${selector}`);
      };
      const [startNode, start] = find(fromSelector, from);
      const [endNode, end] = find(toSelector, to);
      const range = document.createRange();
      range.setStart(startNode, start);
      range.setEnd(endNode, end + to.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    },
    [fromSelector, from, toSelector, to] as const,
  );
}

/** The page's proof ids by scenario: the content script numbers them, the worker lists them with their text. */
async function proofIdOf(scenario: string): Promise<string> {
  const text = await page.locator(`#${scenario} .snippet`).first().evaluate((element) => element.textContent!.trim().slice(0, 40));
  const { state } = await tabShowing(extensionPage, pageUrl);
  return state.proofs.find((proof) => proof.excerpt.startsWith(text))!.id;
}

/**
 * Clicks "Verify selection with Verity" in the page's context menu: Chrome
 * runs the worker's onClicked listener with what it knows of the click
 * (the frame, the selection's text, the page). The worker then asks the
 * page's content script, as for a real click.
 */
async function clickMenuItem(selectionText: string, tab = tabId, url = pageUrl): Promise<SelectionCheck> {
  const before = await sendFrom(extensionPage, 'selection-check', { tabId: tab });
  const worker = await browser.serviceWorker();
  await worker.evaluate(
    ([menuItemId, tabId, selectionText, pageUrl]) => {
      const info = { menuItemId, frameId: 0, editable: false, selectionText, pageUrl };
      const tab = { id: tabId, index: 0, windowId: -1, highlighted: true, active: true, pinned: false, incognito: false };
      (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, tab);
    },
    [menuItemId, tab, selectionText, url] as const,
  );
  let answer: SelectionCheck | null = null;
  await expect
    .poll(async () => {
      answer = await sendFrom(extensionPage, 'selection-check', { tabId: tab });
      return answer !== null && answer.checkedAt !== before?.checkedAt;
    }, { timeout: 30_000 })
    .toBe(true);
  return answer!;
}

/**
 * The selection card as assistive technology reads it: the dialog named
 * "Verity: selection check", whether it has focus, and its words. The
 * card is in a closed shadow root; the accessibility tree, like a screen
 * reader, sees into it.
 */
async function cardAsRead(): Promise<{ focused: boolean; text: string } | undefined> {
  const read = await dialogAsRead(cdp, (name) => name === 'Verity: selection check');
  if (read === undefined) return undefined;
  const focused = read.dialog.properties?.some((property) => property.name === 'focused' && property.value.value === true) ?? false;
  return { focused, text: read.text };
}

/** Clicks a button of the card as a reader does (a trusted click), finding it through the accessibility tree: the card's shadow root is closed. */
async function clickCardButton(name: string): Promise<void> {
  const button = (await accessibilityNodes(cdp)).find((node) => node.role?.value === 'button' && node.name?.value === name);
  expect(button?.backendDOMNodeId).toBeDefined();
  const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: button!.backendDOMNodeId! });
  const [left, top, , , right, bottom] = model.border;
  await page.mouse.click((left! + right!) / 2, (top! + bottom!) / 2);
}

async function cardShowing(): Promise<{ focused: boolean; text: string }> {
  await expect.poll(async () => (await cardAsRead()) !== undefined, { timeout: 10_000 }).toBe(true);
  return (await cardAsRead())!;
}

export function describeSelection(session: DemoSession): void {
  describe('Verify selection in Chromium', () => {
    beforeAll(async () => {
      ({ devnet, browser } = session);
      const html = `<!doctype html><html><head><meta charset="utf-8"><title>Selection test</title></head><body>
${snippetScenarios.map((id) => `<div id="${id}">${devnet.scenarios.find((scenario) => scenario.id === id)!.html}</div>`).join('\n')}
<p id="quoting">As our forecaster put it, river levels falling back below flood stage by the weekend would be welcome news.</p>
<p id="unsigned">Nobody signed this sentence about the harbour fireworks.</p>
<style>#generated::before { content: "not "; }</style>
<p id="laundered">Forecasters say river levels <span style="user-select: none">are not</span> falling back below flood stage by the weekend.</p>
<p id="made-up">Forecasters say river levels are <span id="generated"></span>falling back below flood stage by the weekend.</p>
</body></html>`;
      const plain = '<!doctype html><html><head><meta charset="utf-8"><title>No proofs</title></head><body><p id="plain">A page that carries no proof at all, about tides.</p></body></html>';
      server = await serveHtml(html, { '/plain': plain });
      pageUrl = `${server.url}story`;

      extensionPage = await openExtensionPage(browser);
      page = await browser.context.newPage();
      // The card then opens without its fade, as screenshots need.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(pageUrl);
      await allAnswered(page, snippetScenarios.length);
      tabId = (await tabShowing(extensionPage, pageUrl)).tabId;
      cdp = await browser.context.newCDPSession(page);
      await cdp.send('Accessibility.enable');
    }, 180_000);

    afterAll(() => server?.close());

    it('puts "Verify selection with Verity" in the menu for a selection, and a keyboard command beside it', async () => {
      const worker = await browser.serviceWorker();
      const exists = (id: string) =>
        worker.evaluate((id) => chrome.contextMenus.update(id, {}).then(() => true, (error: Error) => error.message), id);
      // Chrome lists no menu items; updating one succeeds only when it exists.
      expect(await exists(menuItemId)).toBe(true);
      expect(await exists('verity.no-such-item')).toMatch(/Cannot find menu item/);
      const commands = await worker.evaluate(() => chrome.commands.getAll());
      expect(commands).toContainEqual(expect.objectContaining({ name: 'verify-selection', description: 'Verify the selected text' }));
    });

    it('shows the verdict of the snippet a selection lies in, and that its proof signs the words', async () => {
      const selected = await select('#og-tee-attribute-json', 'river levels falling back');
      const answer = await clickMenuItem(selected);
      expect(answer).toMatchObject({ outcome: 'in-signed-text', quote: 'river levels falling back', state: 'verified', within: [await proofIdOf('og-tee-attribute-json')] });
      const card = await cardShowing();
      expect(card.focused).toBe(true);
      expect(card.text).toContain('Part of the signed text');
      expect(card.text).toContain('Verified');
      expect(card.text).toContain(answer.summary);
      expect(card.text).toContain('Rainfall across the northern valleys');
      // As the badge's card says it: AI-generated, who vouches, the model as the page's claim, and origin, not truth.
      expect(card.text).toContain('AI-generated text, and the proof shows where it came from. Verity checks its origin, not whether it is true.');
      expect(card.text).toMatch(/Vouched by\s*Enclave 0x[0-9a-f]{4}…[0-9a-f]{4}/);
      expect(card.text).toMatch(/The page says\s*model “/);
      expect(answer.summary).toMatch(/checks out: vouched for by the OpenGradient secure enclave 0x[0-9a-f]{4}…[0-9a-f]{4}\.$/);
      await screenshot(page, 'selection-card', { fullPage: false });

      // On a dark page, the card follows it, as the badges do.
      await page.evaluate(() => document.documentElement.setAttribute('style', 'background: #111827; color: #e5e7eb'));
      await clickMenuItem(await select('#og-tee-attribute-json', 'river levels falling back'));
      await cardShowing();
      await screenshot(page, 'selection-card-dark', { fullPage: false });
      await page.evaluate(() => document.documentElement.removeAttribute('style'));
    });

    it('copies a citation of the selected words from the card with one click: words, date, verdict, signer and a share link', async () => {
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(pageUrl).origin });
      await page.evaluate(() => navigator.clipboard.writeText('before'));
      const answer = await clickMenuItem(await select('#og-tee-attribute-json', 'river levels falling back below flood stage'));
      expect(answer.citation).toBeDefined();
      await cardShowing();
      await clickCardButton('Copy citation');
      await expect.poll(async () => (await cardAsRead())?.text ?? '').toContain('Citation copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(answer.citation);
      const lines = copied.split('\n');
      expect(lines[0]).toBe('“river levels falling back below flood stage”');
      expect(lines[1]).toBe(`Source: ${pageUrl}`);
      expect(lines[2]).toMatch(/^Checked with Verity on \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} UTC: Verified\. Part of the signed text\.$/);
      expect(lines[3]).toMatch(/^Vouched for by: /);
      expect(copied).not.toMatch(/0x[0-9a-f]{12}|\(verified\)|Rainfall across the northern valleys/i);
      // No verifier page is set, so the link says it opens only where Verity is installed.
      const linkLine = 'Check it yourself with the Verity browser extension: ';
      const link = lines.find((line) => line.startsWith(linkLine))!.slice(linkLine.length);
      expect(link.startsWith(`${defaultShareLinkBase}#share=v1.`)).toBe(true);
      expect(readShareLink(link)).toMatchObject({ ok: true, shared: { pageUrl } });
      await screenshot(page, 'selection-card-citation-copied', { fullPage: false });
    });

    it('says honestly when the selected words are not what the proof of their snippet signs', async () => {
      // The page says "30 June"; the proof signs "30 April".
      const june = await clickMenuItem(await select('#og-tee-text-differs', 'June'));
      // The snippet's proof is altered, and the answer says so: never hidden behind "not signed".
      expect(june).toMatchObject({ outcome: 'not-in-signed-text', state: 'altered', parts: [{ text: 'June', proofId: null }] });
      const card = await cardShowing();
      expect(card.text).toContain('Not part of the signed text');
      expect(card.text).toContain('Altered');
      expect(card.text).not.toContain('Verified');

      const partly = await clickMenuItem(await select('#og-tee-text-differs', 'The museum will close for renovation from 1 March to 30 June'));
      expect(partly).toMatchObject({ outcome: 'partly-signed', state: 'altered', parts: [{ proofId: await proofIdOf('og-tee-text-differs') }, { text: 'June', proofId: null }] });
      const partlyCard = await cardShowing();
      expect(partlyCard.text).toContain('Altered');
      // The signer only claims to be one, and no word says the text is AI-generated.
      expect(partlyCard.text).toMatch(/Claimed signer/);
      expect(partlyCard.text).not.toMatch(/AI-generated|Vouched by/);
      await screenshot(page, 'selection-card-partly-signed', { fullPage: false });
      // The popup shows the same answer: its selection result, checked by axe-core like every extension page.
      const popup = await openPopupBeside(browser, { demo: page, tabId });
      const popupSelection = popup.getByRole('region', { name: 'Selection' });
      await expect.poll(() => popupSelection.textContent(), { timeout: 10_000 }).toContain('Altered');
      await expectNoAxeViolations(popup, "the popup's selection result");
      await screenshot(popup, 'popup-selection-partly-signed');
      await showInScheme(popup, 'dark');
      await screenshot(popup, 'popup-selection-partly-signed-dark');
      await popup.close();

      // A snippet whose text no longer hashes to what was signed: what it signs is unknown, and nothing is claimed.
      const unknown = await clickMenuItem(await select('#og-tee-altered', 'Profits at the cooperative'));
      expect(unknown).toMatchObject({ outcome: 'not-in-signed-text', state: 'altered' });
      expect(unknown.summary).toMatch(/could not read what that proof signs/);
    });

    it('checks a selection that runs across two snippets against both proofs', async () => {
      const selected = await select('#og-tee-attribute-json', 'by the weekend.', '#og-settlement-attribute-json', "The council's draft budget");
      const answer = await clickMenuItem(selected);
      expect(answer).toMatchObject({ outcome: 'spans-proofs', state: 'verified' });
      expect(answer.within.toSorted()).toEqual([await proofIdOf('og-tee-attribute-json'), await proofIdOf('og-settlement-attribute-json')].toSorted());
      expect(answer.parts.map((part) => part.proofId)).toEqual([await proofIdOf('og-tee-attribute-json'), await proofIdOf('og-settlement-attribute-json')]);
    });

    it('finds a quote outside any snippet in the signed text of a proof of the page', async () => {
      const answer = await clickMenuItem(await select('#quoting', 'river levels falling back below flood stage'));
      expect(answer).toMatchObject({ outcome: 'found-in-proof', within: [], state: 'verified', parts: [{ proofId: await proofIdOf('og-tee-attribute-json'), match: 'exact' }] });
      expect((await cardShowing()).text).toContain('Found in a proof on this page');
    });

    it('asks about the words the reader sees: unselectable and generated text in the selection are part of the question', async () => {
      // Chromium's selection string skips the unselectable "are not", which would leave words a proof signs.
      const selected = await select('#laundered', 'river levels', '#laundered', 'by the weekend');
      expect(selected).not.toContain('are not');
      const laundered = await clickMenuItem(selected);
      expect(laundered).toMatchObject({ outcome: 'partly-signed', quote: 'river levels are not falling back below flood stage by the weekend' });
      expect(laundered.state).toBeUndefined();
      const launderedCard = await cardShowing();
      expect(launderedCard.text).not.toContain('Verified');
      // Who vouches for the signed part only; nothing is implied of the unselectable words, not even the model.
      expect(launderedCard.text).toContain('Part vouched by');
      expect(launderedCard.text).toContain('nothing shows where the rest came from');
      expect(launderedCard.text).not.toContain('The page says');
      await screenshot(page, 'selection-card-partly-vouched', { fullPage: false });

      const generated = await clickMenuItem(await select('#made-up', 'river levels', '#made-up', 'by the weekend'));
      expect(generated).toMatchObject({ outcome: 'partly-signed', quote: 'river levels are not falling back below flood stage by the weekend' });
      expect(generated.state).toBeUndefined();
    });

    it('says no proof signs a text none holds, and the card closes on Escape', async () => {
      const answer = await clickMenuItem(await select('#unsigned', 'Nobody signed this sentence'));
      expect(answer).toMatchObject({ outcome: 'not-signed', parts: [{ proofId: null }] });
      expect(answer.state).toBeUndefined();
      const card = await cardShowing();
      expect(card.text).toContain('No proof on this page signs it');
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await cardAsRead()) === undefined).toBe(true);
    });

    it('does the same from the keyboard command, for the top frame of the tab', async () => {
      const before = await sendFrom(extensionPage, 'selection-check', { tabId });
      await select('#og-settlement-attribute-json', 'repairs to school roofs');
      const worker = await browser.serviceWorker();
      await worker.evaluate((tabId) => {
        const tab = { id: tabId, index: 0, windowId: -1, highlighted: true, active: true, pinned: false, incognito: false };
        (chrome.commands.onCommand as unknown as { dispatch(...args: unknown[]): void }).dispatch('verify-selection', tab);
      }, tabId);
      await expect
        .poll(async () => (await sendFrom(extensionPage, 'selection-check', { tabId }))?.checkedAt !== before?.checkedAt, { timeout: 30_000 })
        .toBe(true);
      expect(await sendFrom(extensionPage, 'selection-check', { tabId })).toMatchObject({ outcome: 'in-signed-text', quote: 'repairs to school roofs', state: 'verified' });
      expect((await cardShowing()).text).toContain('Part of the signed text');
    });

    it('answers on a page with no proof, where the content script had not loaded the rest of Verity', async () => {
      const plain = await browser.context.newPage();
      await plain.goto(pageUrl.replace('/story', '/plain'));
      // Without the tabs permission, tabs are known by activity rather than by URL.
      await plain.bringToFront();
      const plainTab = await extensionPage.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
      const selected = await plain.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('plain')!);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return document.getSelection()!.toString();
      });
      const answer = await clickMenuItem(selected, plainTab, plain.url());
      expect(answer).toMatchObject({ outcome: 'no-proofs', quote: 'A page that carries no proof at all, about tides.' });
      // The card is drawn by the part loaded for the question: a dialog in the page.
      await expect.poll(() => plain.evaluate(() => document.querySelector('verity-selection-card') !== null)).toBe(true);
      await plain.close();
    });

    it('never gives a snippet the verdict of another snippet that signs the words shown in it', async () => {
      const settlement = await proofIdOf('og-settlement-attribute-json');
      // The page adds to a signed snippet words that another snippet's proof signs.
      await page.locator('#og-settlement-attribute-json .snippet').first().evaluate((element) => {
        element.append(' Forecasters say river levels falling back below flood stage by the weekend.');
      });
      await expect
        .poll(async () => (await tabShowing(extensionPage, pageUrl)).state.proofs.find((proof) => proof.id === settlement)?.verdict?.state, { timeout: 30_000 })
        .toBe('altered');
      const answer = await clickMenuItem(await select('#og-settlement-attribute-json', 'river levels falling back below flood stage'));
      expect(answer).toMatchObject({ outcome: 'found-in-other-snippet', within: [settlement], state: 'altered', parts: [{ proofId: await proofIdOf('og-tee-attribute-json') }] });
      const card = await cardShowing();
      expect(card.text).toContain('Signed only for another snippet');
      expect(card.text).not.toContain('Verified');
      await screenshot(page, 'selection-card-other-snippet', { fullPage: false });
    });

    it('answers from what the browser read where no content script runs, and forgets the answer when the tab loads another page', async () => {
      // An extension page: no content script, no proofs Verity knows of.
      const other = await openExtensionPage(browser);
      const otherTab = await other.evaluate(async () => (await chrome.tabs.getCurrent())!.id!);
      const answer = await clickMenuItem('Some words on a page Verity cannot read', otherTab, other.url());
      expect(answer).toMatchObject({ outcome: 'unreadable', quote: 'Some words on a page Verity cannot read' });
      await other.close();

      expect(await sendFrom(extensionPage, 'selection-check', { tabId })).not.toBeNull();
      await page.reload();
      await expect.poll(() => sendFrom(extensionPage, 'selection-check', { tabId })).toBeNull();
    });

    it("flags a page that closes the selection's card as it opens, in the popup and the toolbar, as for a badge's card", async () => {
      const hostile = await browser.context.newPage();
      await hostile.goto(`${pageUrl}?hostile`);
      await allAnswered(hostile, snippetScenarios.length);
      const hostileTab = (await tabShowing(extensionPage, `${pageUrl}?hostile`)).tabId;
      const integrity = async () => (await sendFrom(extensionPage, 'tab-integrity', { tabId: hostileTab })).integrity;
      expect((await integrity())?.cardHidden ?? false).toBe(false);
      await hostile.evaluate(() => {
        new MutationObserver(() => {
          const card = document.querySelector<HTMLElement>('verity-selection-card');
          if (card === null || card.hasAttribute('data-hostile')) return;
          card.setAttribute('data-hostile', '');
          card.addEventListener('toggle', (event) => {
            if ((event as Event & { newState: string }).newState === 'open') setTimeout(() => card.hidePopover(), 300);
          });
        }).observe(document.documentElement, { childList: true });
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('unsigned')!);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
      });
      await clickMenuItem('Nobody signed this sentence about the harbour fireworks.', hostileTab, `${pageUrl}?hostile`);
      await expect.poll(async () => (await integrity())?.cardHidden, { timeout: 10_000 }).toBe(true);
      const worker = await browser.serviceWorker();
      expect(await worker.evaluate((tabId) => chrome.action.getTitle({ tabId }), hostileTab)).toMatch(/this page hides Verity’s badges/);
      await hostile.close();
    });
  });
}
