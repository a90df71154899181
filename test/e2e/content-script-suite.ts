import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as browserApi } from 'wxt/browser';
import type { StartDevnetReturnType } from '../../devnet/devnet';
import { settingsKeys } from '../../storage/settings-keys';
import type { ExtensionBrowser } from '../../devnet/extension-browser';
import { renderingDoubtWords } from '../../lib/verdict/rendering-doubts';
import { figureId, renderingFigures, renderingTricksPage } from '../rendering-tricks-page';
import { signedSentenceAttribute } from '../rendering-tricks-proof';
import { badgeStatesIn, badgeStatesPer } from '../badge-states';
import { allAnswered, figureStates, whyNotAsCaptioned, openExtensionPage, sendFrom, tabShowing, type DemoSession } from './demo-session';

/** The extension API inside extension pages and the worker, where the evaluated functions run. */
declare const chrome: typeof browserApi;

/**
 * The content script, built and loaded in Chromium: badges on the devnet's
 * demo page against the real chain, what readers see of snippets that hide
 * part of their text, and the display settings applied live.
 */

/**
 * Snippets that hide part of their text, or add to it, in every way the
 * rendering check knows, each with what a reader sees. Their proofs do not
 * matter (they are all unreadable): the rendered text the content script
 * sends with them does.
 */
const renderingCases: { name: string; html: string; rendered: string }[] = [
  { name: 'plain', html: 'Hello world', rendered: 'Hello world' },
  { name: 'display none', html: 'Hello <span style="display:none">secret</span> world', rendered: 'Hello world' },
  { name: 'hidden attribute', html: 'Hello <span hidden>secret</span> world', rendered: 'Hello world' },
  { name: 'visibility hidden', html: 'Hello <span style="visibility:hidden">secret</span> world', rendered: 'Hello world' },
  { name: 'visible inside hidden', html: 'Hello <span style="visibility:hidden">a <b style="visibility:visible">b</b></span> world', rendered: 'Hello b world' },
  { name: 'font size 0', html: 'Hello <span style="font-size:0">secret</span> world', rendered: 'Hello world' },
  { name: 'transparent colour', html: 'Hello <span style="color:transparent">secret</span> world', rendered: 'Hello world' },
  { name: 'nearly transparent colour', html: 'Hello <span style="color:rgba(0,0,0,0.01)">secret</span> world', rendered: 'Hello world' },
  { name: 'transparent fill', html: 'Hello <span style="-webkit-text-fill-color:transparent">secret</span> world', rendered: 'Hello world' },
  { name: 'gradient text', html: 'Hello <span class="gradient">shiny <i>world</i></span>', rendered: 'Hello shiny world' },
  { name: 'opacity 0', html: 'Hello <span style="opacity:0">secret</span> world', rendered: 'Hello world' },
  { name: 'visually hidden', html: 'Hello <span class="sr-only">secret</span> world', rendered: 'Hello world' },
  { name: 'clip-path inset', html: 'Hello <span style="display:inline-block;clip-path:inset(50%)">secret</span> world', rendered: 'Hello world' },
  { name: 'off the page', html: 'Hello <span style="position:absolute;left:-9999px">secret</span> world', rendered: 'Hello world' },
  { name: 'text-indent', html: 'Hello world<div style="text-indent:-9999px;overflow:hidden">secret</div>', rendered: 'Hello world' },
  { name: 'zero-size box', html: 'Hello <span style="display:inline-block;width:0;height:0;overflow:hidden">secret</span> world', rendered: 'Hello world' },
  { name: 'scaled to nothing', html: 'Hello <span style="display:inline-block;transform:scale(0)">secret</span> world', rendered: 'Hello world' },
  { name: 'content-visibility', html: 'Hello <div style="content-visibility:hidden">secret</div> world', rendered: 'Hello world' },
  { name: 'closed details', html: '<details><summary>More</summary>hidden body</details>', rendered: 'More' },
  { name: 'generated text', html: '<span class="sponsored">Hello world</span>', rendered: 'Sponsored: Hello world' },
  { name: 'attr() text', html: '<span class="note" data-note="note">Hello world</span>', rendered: 'Hello world (note)' },
  { name: 'counters', html: '<span class="counted">one</span> <span class="counted">two</span>', rendered: 'one two' },
  { name: 'aria-hidden is seen', html: 'Hello <span aria-hidden="true">seen</span> world', rendered: 'Hello seen world' },
];

const renderingCss = `
.gradient { background: linear-gradient(90deg, red, blue); -webkit-background-clip: text; background-clip: text; color: transparent; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.sponsored::before { content: "Sponsored: "; }
.note::after { content: " (" attr(data-note) ")"; }
body { counter-reset: n; } .counted::before { counter-increment: n; content: counter(n) ". "; }
`;

const renderingPage = `<!doctype html><html><head><meta charset="utf-8"><style>${renderingCss}</style></head><body>
${renderingCases.map(({ name, html }) => `<div data-ai-proof="x" data-case="${name}">${html}</div>`).join('\n')}
</body></html>`;

export function describeContentScript(session: DemoSession): void {
  let devnet: StartDevnetReturnType;
  let server: Server;
  let base: string;
  let browser: ExtensionBrowser;
  let extensionPage: Page;

  beforeAll(async () => {
    ({ devnet, browser } = session);
    const tricksPage = renderingTricksPage(await signedSentenceAttribute(devnet));
    server = createServer((request, response) =>
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(request.url === '/tricks' ? tricksPage : renderingPage),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    extensionPage = await openExtensionPage(browser);
  }, 180_000);

  afterAll(async () => {
    // The browser lives on after this suite and keeps its connections alive: closing waits for them unless they are closed too.
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  const badgeStates = (page: Page) => badgeStatesIn(page);
  /** The state of the first badge inside what `scope` matches. */
  const firstState = async (page: Page, scope: string) => (await badgeStatesIn(page, scope))[0];

  describe('the content script in Chromium', () => {
    it("badges every proof of the demo page with the state its caption expects", async () => {
      const page = await browser.context.newPage();
      await page.goto(devnet.pageUrl!);
      await allAnswered(page, devnet.scenarios.length);
      const byCase = await figureStates(page);
      expect(byCase.map(({ badges }) => badges), await whyNotAsCaptioned(browser, page, byCase)).toEqual(byCase.map(({ expected }) => [expected]));
      await page.close();
    });

    it('sends what readers see of each snippet: hidden text left out, generated text in', async () => {
      const page = await browser.context.newPage();
      await page.goto(base);
      await allAnswered(page, renderingCases.length);
      const { tabId, state } = await tabShowing(extensionPage, base);
      const rendered: Record<string, string | undefined> = {};
      for (const { id } of state.proofs) {
        // Ids are given in document order, from p0: the page's first proofs are these cases, in order.
        const details = await sendFrom(extensionPage, 'proof-details', { tabId, id });
        rendered[renderingCases[Number(id.slice(1))]!.name] = details?.proof.renderedText;
      }
      expect(rendered).toEqual(Object.fromEntries(renderingCases.map(({ name, rendered }) => [name, rendered])));
      await page.close();
    });

    it('verifies no trick of the adversarial page, names what it could not confirm, and checks again after a late style', async () => {
      const page = await browser.context.newPage();
      // Tall enough that every figure is in view, where covering can be hit-tested.
      await page.setViewportSize({ width: 1280, height: 7200 });
      await page.goto(`${base}tricks`);
      await allAnswered(page, renderingFigures.length);
      const said = async () => {
        const { tabId, state } = await tabShowing(extensionPage, `${base}tricks`);
        const byFigure: Record<string, string> = {};
        for (const { id } of state.proofs) {
          const details = await sendFrom(extensionPage, 'proof-details', { tabId, id });
          const rendering = details?.verdict?.checks.find((check) => check.id === 'rendering');
          byFigure[renderingFigures[Number(id.slice(1))]!.name] = `${details?.verdict?.state}: ${rendering?.detail}`;
        }
        return byFigure;
      };
      const expected = Object.fromEntries(
        renderingFigures.map(({ name, expected }) => [
          name,
          expected.state === 'unavailable' ? expect.stringContaining(`unavailable: Verity could not confirm`) : expect.stringMatching(new RegExp(`^${expected.state}:`)),
        ]),
      );
      await expect.poll(said, { timeout: 20_000 }).toEqual(expected);
      // Each doubt is the one its trick raises (others may come with it).
      const now = await said();
      for (const { name, expected } of renderingFigures) {
        if (expected.state === 'unavailable') expect(now[name], name).toContain(renderingDoubtWords[expected.doubt]);
      }
      const badges = (await badgeStatesPer(page, 'figure')).map((states) => states[0]);
      expect(badges).toEqual(renderingFigures.map(({ expected }) => expected.state));
      // The figures near the top only in view: a fragment change reads again every snippet in view (all of them at the
      // table's height, where the answers to those it sends again queue at the tab's rate beyond 5 s under load).
      await page.setViewportSize({ width: 1280, height: 1200 });

      // A style applied after the check: a body class that fades the plain figure's words.
      await page.evaluate(() => {
        document.head.insertAdjacentHTML('beforeend', '<style>.late figure[data-trick="plain"] div { color: rgba(0, 0, 0, 0.1); }</style>');
      });
      await expect.poll(() => firstState(page, 'figure[data-trick="plain"]'), { timeout: 5_000 }).toBe('verified');
      await page.evaluate(() => document.body.classList.add('late'));
      await expect.poll(() => firstState(page, 'figure[data-trick="plain"]'), { timeout: 5_000 }).toBe('unavailable');

      const stateOf = (name: string) => firstState(page, `figure[data-trick="${name}"]`);
      // A rule inserted through the CSSOM, and a script animation, leave no trace a MutationObserver sees; they fade
      // the snippet, which Chromium's IntersectionObserver v2 reports, with no card opened.
      await page.evaluate(() => document.styleSheets[0]!.insertRule('figure[data-trick="right-to-left element"] span { opacity: 0.1; }'));
      await expect.poll(() => stateOf('right-to-left element'), { timeout: 5_000 }).toBe('unavailable');
      await page.evaluate(() => document.querySelector('figure[data-trick="superscript"] div')!.animate([{ opacity: 1 }, { opacity: 0.05 }], { duration: 10, fill: 'forwards' }));
      await expect.poll(() => stateOf('superscript'), { timeout: 5_000 }).toBe('unavailable');
      // A colour set through the CSSOM changes nothing such an observer sees: the card opening reads the snippet again.
      await page.evaluate(() => document.styleSheets[0]!.insertRule('figure[data-trick="tight headline tracking"] span { color: rgba(0, 0, 0, 0.08); }'));
      await page.locator('figure[data-trick="tight headline tracking"] verity-badge').hover();
      await expect.poll(() => stateOf('tight headline tracking'), { timeout: 5_000 }).toBe('unavailable');
      // A class set inside the component a snippet is slotted into, paling its words: no observer of the document sees it.
      await page.evaluate(() => document.querySelector('figure[data-trick="slotted into a component"] > div')!.shadowRoot!.querySelector('.frame')!.classList.add('pale'));
      await expect.poll(() => stateOf('slotted into a component'), { timeout: 5_000 }).toBe('unavailable');
      // A data- attribute set on a snippet, which a rule of the page's matches.
      await page.evaluate(() => document.querySelector('figure[data-trick="identity scale and rotation"] > div')!.setAttribute('data-late', ''));
      await expect.poll(() => stateOf('identity scale and rotation'), { timeout: 5_000 }).toBe('unavailable');
      // The selection moved by the page's script onto a word drawn in honest colours: that figure stays verified, and the one it
      // left is read again. Both in view: one out of view is read again only as it comes into view.
      await page.locator('figure[data-trick="selection in brand colours"]').scrollIntoViewIfNeeded();
      expect(await stateOf('selected word drawn transparent')).toBe('unavailable');
      await page.evaluate(() => getSelection()!.selectAllChildren(document.querySelector('.selection-brand')!));
      await expect.poll(() => stateOf('selected word drawn transparent'), { timeout: 5_000 }).toBe('verified');
      expect(await stateOf('selection in brand colours')).toBe('verified');
      // A selection the page makes after the check, drawn in colours a rule it inserts sets transparent; the reader's click elsewhere ends it.
      await page.evaluate(() => scrollTo(0, 0));
      await page.evaluate(() => {
        document.styleSheets[0]!.insertRule('figure[data-trick="display contents"] span::selection { color: transparent; background: transparent; }');
        getSelection()!.selectAllChildren(document.querySelector('figure[data-trick="display contents"] span')!);
      });
      await expect.poll(() => stateOf('display contents'), { timeout: 5_000 }).toBe('unavailable');
      await page.evaluate(() => getSelection()!.removeAllRanges());
      await expect.poll(() => stateOf('display contents'), { timeout: 5_000 }).toBe('verified');
      // A fragment that makes a figure the target (`:target` fades it).
      await page.evaluate((id) => void (location.hash = id), figureId('link and emphasis'));
      await expect.poll(() => stateOf('link and emphasis'), { timeout: 5_000 }).toBe('unavailable');
      // A delayed animation, started by an inserted rule: read again when it ends.
      await page.evaluate(() => {
        const sheet = document.styleSheets[0]!;
        sheet.insertRule('@keyframes fade-late { to { opacity: 0.06; } }');
        sheet.insertRule('figure[data-trick="muted and moved"] span { animation: fade-late 10ms 300ms forwards; }');
      });
      await expect.poll(() => stateOf('muted and moved'), { timeout: 5_000 }).toBe('unavailable');
      // A page script that fades a snippet as it scrolls into view, through the CSSOM, where no MutationObserver sees it.
      await page.setViewportSize({ width: 1280, height: 600 });
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      expect(await stateOf('dark mode')).toBe('verified');
      await page.evaluate(() => {
        const figure = document.querySelector('figure[data-trick="dark mode"]')!;
        new IntersectionObserver((entries, observer) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          observer.disconnect();
          document.styleSheets[0]!.insertRule('figure[data-trick="dark mode"] div { opacity: 0.1; }');
          document.body.dataset.faded = '';
        }).observe(figure);
      });
      await page.locator('figure[data-trick="dark mode"]').scrollIntoViewIfNeeded();
      await expect.poll(() => page.evaluate(() => document.body.dataset.faded !== undefined)).toBe(true);
      await expect.poll(() => stateOf('dark mode'), { timeout: 5_000 }).toBe('unavailable');
      await page.close();
    });

    it('applies the display settings live: badges off, the site off, and back', async () => {
      const page = await browser.context.newPage();
      await page.goto(base);
      await allAnswered(page, renderingCases.length);
      const worker = await browser.serviceWorker();
      const setDisplay = (value: unknown) => worker.evaluate(([key, value]) => chrome.storage.local.set({ [key]: value }), [settingsKeys.display, value] as const);
      const shownBadges = () => page.evaluate(() => [...document.querySelectorAll('verity-badge')].filter((badge) => badge.getBoundingClientRect().width > 0).length);

      await setDisplay({ showBadges: false, disabledSites: [] });
      await expect.poll(shownBadges).toBe(0);
      await setDisplay({ showBadges: true, disabledSites: ['127.0.0.1'] });
      await expect.poll(() => page.locator('verity-badge').count()).toBe(0);
      await expect.poll(async () => (await tabShowing(extensionPage, base)).state.proofs.length).toBe(0);
      await setDisplay({ showBadges: true, disabledSites: [] });
      await allAnswered(page, renderingCases.length);
      expect(await shownBadges()).toBe(renderingCases.length);
      await page.close();
    });

    it('keeps what stays after a single-page navigation and forgets what left', async () => {
      const page = await browser.context.newPage();
      await page.goto(base);
      await allAnswered(page, renderingCases.length);
      await page.evaluate(() => {
        history.pushState({}, '', '/next');
        document.querySelector('[data-case="plain"]')!.remove();
      });
      await expect.poll(() => page.locator('verity-badge').count()).toBe(renderingCases.length - 1);
      await expect.poll(async () => (await tabShowing(extensionPage, base)).state.proofs.length).toBe(renderingCases.length - 1);
      await page.close();
    });

    it('checks a snippet again when its text changes', async () => {
      const page = await browser.context.newPage();
      await page.goto(devnet.pageUrl!);
      await allAnswered(page, devnet.scenarios.length);
      const figure = `figure[data-scenario="${devnet.scenarios.find((scenario) => scenario.expectedState === 'verified' && scenario.form === 'attribute-json')!.id}"]`;
      await page.evaluate((figure) => {
        const snippet = document.querySelector(`${figure} [data-ai-proof]`)!;
        snippet.firstChild!.textContent = 'Words the producer never signed.';
      }, figure);
      await expect.poll(() => firstState(page, figure), { timeout: 30_000 }).toBe('altered');
      expect((await badgeStates(page)).filter((state) => state === 'altered')).toHaveLength(devnet.scenarios.filter((scenario) => scenario.expectedState === 'altered').length + 1);
      await page.close();
    });
  });
}
