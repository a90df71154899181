import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateStyles } from '../../components/state-style';
import { until } from '../../devnet/firefox-browser';
import { shareLink } from '../../lib/share/share-link';
import { verdictStates } from '../../lib/verdict/states';
import { serveHtml } from '../serve-html';
import { badgeStatesIn } from './badge-states';
import { figureStates, openDemoPage, sendFrom, tabShowing, textOf, whyNotAsCaptioned, type FirefoxDemoSession } from './firefox-session';

/**
 * The devnet's demo page in the Firefox build: badges against the real
 * chain, the popup, the inspector and the options page, and a page that
 * attacks the badges. Run by ./firefox.test.ts in every installed ESR.
 */

/** Clicks the button whose text is `name`, as a reader would. */
async function clickButton(page: Page, name: string): Promise<void> {
  const clicked = await page.evaluate((name) => {
    const button = [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === name);
    button?.click();
    return button !== undefined;
  }, name);
  expect(clicked, `a button named "${name}"`).toBe(true);
}

export function describeDemoPage(session: FirefoxDemoSession): void {
  describe('the demo page', () => {
    let demo: Page;

    beforeAll(async () => void (demo = await openDemoPage(session)), 180_000);
    afterAll(() => demo?.close());

    it("badges every proof of the demo page with the state its caption expects", async () => {
      const byCase = await figureStates(demo);
      expect(byCase).toHaveLength(session.devnet.scenarios.length);
      const why = await whyNotAsCaptioned(session.helper, session.devnet.pageUrl!, byCase);
      expect(byCase.map(({ badges }) => badges), why).toEqual(byCase.map(({ expected }) => [expected]));
    });

    it("lists the demo page's proofs in the popup, each named by its state", async () => {
      const { devnet, firefox } = session;
      // Loaded behind the demo tab, not over it: the popup speaks for the active tab of its window.
      const popupTab = await firefox.browser.newPage();
      await demo.bringToFront();
      const popup = await firefox.openExtensionPage('popup.html', popupTab);

      await until(async () => (await popup.evaluate(() => document.body.textContent ?? '')).includes(`On this page (${devnet.scenarios.length})`), {
        timeout: 20_000,
      });
      // One row per proof, each named by its state (in the order the content script found them).
      const rows = await popup.evaluate(() => {
        const region = [...document.querySelectorAll('section[aria-labelledby]')].find((section) =>
          document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent?.includes('On this page'),
        );
        return [...(region?.querySelectorAll('li') ?? [])].map((item) => item.textContent ?? '');
      });
      expect(rows).toHaveLength(devnet.scenarios.length);
      const stateOfRow = (row: string) => verdictStates.find((state) => row.startsWith(stateStyles[state].word));
      expect(rows.map(stateOfRow).sort()).toEqual(devnet.scenarios.map((scenario) => scenario.expectedState).sort());
      await popup.close();
    });

    it('shows a settled enclave proof in the inspector with every check passed, and opens its share link there', async () => {
      const { devnet, firefox, helper } = session;
      const { tabId } = await tabShowing(helper, devnet.pageUrl!);
      const index = devnet.scenarios.findIndex((scenario) => scenario.id === 'og-tee-individual-settlement');
      const details = await sendFrom(helper, 'proof-details', { tabId, id: `p${index}` });
      expect(details?.verdict?.state).toBe('verified');

      const inspector = await firefox.openExtensionPage(`inspector.html?tab=${tabId}&proof=p${index}`);
      expect(await textOf(inspector, 'h1')).toBe('The proof checks out');
      const outcomes = await inspector.evaluate(() => [...document.querySelectorAll('[data-outcome]')].map((check) => check.getAttribute('data-outcome')));
      expect(outcomes.length).toBeGreaterThan(2);
      expect(outcomes.filter((outcome) => outcome === 'failed')).toEqual([]);
      await inspector.close();

      // Its share link, at another reader's verifier page no one hosts here: Verity opens it in its own inspector.
      const { id: _id, ...proof } = details!.proof;
      const page = await firefox.browser.newPage();
      // Not awaited: the navigation the extension takes over may keep puppeteer waiting for the first page's load until its
      // own 30 s timeout (one full run: 32 s for this test, 3 s in others).
      const navigation = page.goto(shareLink('http://verify.newsroom.test/check/', { proof, pageUrl: devnet.pageUrl! })).catch(() => undefined);
      // Read in the page: puppeteer's own record of the address misses a navigation the extension makes.
      await until(async () => (await page.evaluate(() => [location.protocol, document.title].join(' ')).catch(() => '')) === 'moz-extension: Verified · Shared proof · Verity', {
        timeout: 30_000,
      });
      await page.close();
      await navigation;
    });

    it('shows the saved trust configuration on the options page and refuses a broken one, naming the field', async () => {
      const { devnet, firefox } = session;
      const options = await firefox.openExtensionPage('options.html');
      await until(async () => (await options.evaluate(() => document.body.textContent ?? '')).includes('Trust configuration'));

      await clickButton(options, 'Show as JSON');
      let shown = '';
      await until(async () => (shown = await options.$eval('#config-json', (box) => (box as HTMLTextAreaElement).value)) !== '');
      expect(JSON.parse(shown).chains[String(devnet.chainId)].rpc).toEqual(devnet.trustConfig.chains[String(devnet.chainId)]!.rpc);

      await options.$eval('#config-json', (box) => ((box as HTMLTextAreaElement).value = ''));
      await options.type('#config-json', '{"chains":{"1":{"rpc":"nope"}}}');
      await clickButton(options, 'Import this JSON');
      expect(await textOf(options, '[role="alert"]')).toContain('Chain 1, RPC URLs');
      await options.close();
    });

    it('flags a popover the page opens over an open card from a closed shadow root, which no event tells Verity of', async () => {
      const { firefox, helper } = session;
      // A page of its own (the flag stays with its tab), with one proof that cannot be read: a badge and a card at once.
      const served = await serveHtml('<!doctype html><title>cover</title><p data-ai-proof="not-a-proof">A claim.</p>');
      const page = await firefox.browser.newPage();
      await page.goto(served.url);
      const { tabId } = await tabShowing(helper, served.url);
      await until(() => badgeStatesIn(page).then((states) => states.includes('malformed')), { timeout: 30_000 });
      await page.click('verity-badge');
      await until(() => page.evaluate(() => document.querySelector('verity-card')?.hasAttribute('data-open') ?? false), { timeout: 10_000 });
      const cardHidden = async () => (await sendFrom(helper, 'tab-integrity', { tabId })).integrity?.cardHidden ?? false;
      // Open 1.5 s, looked at every 400 ms: nothing flagged, the card is on top.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await cardHidden()).toBe(false);
      await page.evaluate(() => {
        const root = document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'closed' });
        const cover = root.appendChild(Object.assign(document.createElement('div'), { popover: 'manual' }));
        cover.setAttribute('style', 'position: fixed; inset: 0; width: 100vw; height: 100vh; margin: 0; border: 0; background: white');
        cover.showPopover();
      });
      await until(cardHidden, { timeout: 10_000 });
      await page.close();
      await served.close();
    });

    it("closes a card on the reader's Escape and press elsewhere, though the page stops both at the window", async () => {
      const served = await serveHtml(
        `<!doctype html><title>stopper</title><p data-ai-proof="not-a-proof">A claim.</p>
        <script>for (const type of ['keydown', 'pointerdown']) window.addEventListener(type, (event) => event.stopPropagation(), true);</script>`,
      );
      const page = await session.firefox.browser.newPage();
      await page.goto(served.url);
      await until(() => badgeStatesIn(page).then((states) => states.includes('malformed')), { timeout: 30_000 });
      const cardOpen = () => page.evaluate(() => document.querySelector('verity-card')?.hasAttribute('data-open') ?? false);
      await page.click('verity-badge');
      await until(cardOpen, { timeout: 10_000 });
      await page.keyboard.press('Escape');
      await until(async () => !(await cardOpen()), { timeout: 5_000 });
      await page.click('verity-badge');
      await until(cardOpen, { timeout: 10_000 });
      await page.mouse.click(5, 5);
      await until(async () => !(await cardOpen()), { timeout: 5_000 });
      await page.close();
      await served.close();
    });

    it('flags a page that keeps taking a badge off, covers one with a box passing clicks through and draws a look-alike, and keeps its verdicts and the mark out of its reach', async () => {
      const { helper } = session;
      // Last of this file: it attacks the demo page the others read.
      const attacked = demo;
      const { tabId } = await tabShowing(helper, session.devnet.pageUrl!);
      const first = 'figure.case[data-expected-state="altered"] verity-badge';
      const target = `verity-badge[data-verity-proof="${await attacked.$eval(first, (host) => host.getAttribute('data-verity-proof'))}"]`;
      // The page sees a host with a closed root and nothing of the verdict or the mark.
      expect(await attacked.$eval(target, (host) => host.shadowRoot === null && !host.hasAttribute('data-state') && !host.outerHTML.includes('mark'))).toBe(true);
      await attacked.evaluate(() => document.querySelector('figure.case')!.insertAdjacentHTML('beforeend', '<span class="fake">✓ Verified by Verity</span>'));
      // It makes up the event with which WXT stops an older copy of a content script (named with the add-on's id): Verity
      // keeps going, as the badge put back below shows.
      await attacked.evaluate(() => {
        document.dispatchEvent(new CustomEvent('verity@verity.invalid:content:wxt:content-script-started', { detail: { contentScriptName: 'content', messageId: 'made-up' } }));
      });
      // It takes the altered proof's badge off each time Verity puts it back, and once more.
      for (let round = 0; round <= 5; round += 1) {
        await until(() => attacked.evaluate((target) => document.querySelector(target) !== null, target), { timeout: 5_000 });
        await attacked.evaluate((target) => document.querySelector(target)!.remove(), target);
      }
      // A white box over a verified badge that takes no clicks: the reader's pointer still reaches the badge, which is looked at then.
      const verified = 'figure.case[data-expected-state="verified"] verity-badge';
      await attacked.$eval(verified, (host) => {
        host.scrollIntoView({ block: 'center', behavior: 'instant' });
        const { left, top, width, height } = host.getBoundingClientRect();
        const box = document.createElement('div');
        box.style.cssText = `position: absolute; left: ${left + scrollX - 4}px; top: ${top + scrollY - 4}px; width: ${width + 8}px; height: ${height + 8}px; background: white; pointer-events: none`;
        document.body.append(box);
      });
      await attacked.hover(verified);
      const expected = { badgesKeptOff: 1, badgesHidden: 1, cardHidden: false, lookAlikes: 1, lookAlikeWords: ['✓ Verified by Verity'] };
      let integrity: unknown;
      await until(
        async () => {
          integrity = (await sendFrom(helper, 'tab-integrity', { tabId })).integrity;
          return JSON.stringify(integrity) === JSON.stringify(expected);
        },
        { timeout: 15_000 },
      ).catch(() => undefined);
      expect(integrity).toEqual(expected);
    });
  });
}
