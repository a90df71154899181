import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../devnet/firefox-browser';
import { renderingDoubtWords } from '../../lib/verdict/rendering-doubts';
import { figureId, renderingFigures, renderingTricksPage } from '../rendering-tricks-page';
import { signedSentenceAttribute } from '../rendering-tricks-proof';
import { badgeStatesIn } from './badge-states';
import { sendFrom, tabShowing, type FirefoxDemoSession } from './firefox-session';

/**
 * The adversarial page of rendering honesty (test/rendering-tricks-page.ts)
 * in the Firefox build, run by ./firefox.test.ts in every installed ESR: no trick is
 * verified, each names what it could not confirm, the honest controls are
 * verified, and a style applied after the check is caught. Chromium's run
 * of the same page is in test/e2e/content-script-suite.ts.
 */

export function describeRenderingTricks(session: FirefoxDemoSession): void {
  describe('the rendering tricks page', () => {
    let server: Server;
    let url: string;
    let page: Page;

    beforeAll(async () => {
      const html = renderingTricksPage(await signedSentenceAttribute(session.devnet));
      server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tricks`;
      page = await session.firefox.browser.newPage();
      // Tall enough that every figure is in view, where covering can be hit-tested.
      // Puppeteer also overrides the screen orientation, a command Firefox 140 lacks; the viewport is set all the same.
      await page.setViewport({ width: 1280, height: 7200 }).catch((error: unknown) => {
        if (!String(error).includes('setScreenOrientationOverride')) throw error;
      });
      await page.goto(url);
    }, 180_000);

    afterAll(async () => {
      await page?.close();
      // Firefox lives on after this suite and keeps its connections alive: closing waits for them unless they are closed too.
      server?.closeAllConnections();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    });

    /** Each figure's verdict as the worker holds it: its state and what the rendering check said. */
    async function said(): Promise<Record<string, string>> {
      const { tabId, state } = await tabShowing(session.helper, url);
      const byFigure: Record<string, string> = {};
      for (const { id } of state.proofs) {
        const details = await sendFrom(session.helper, 'proof-details', { tabId, id });
        const rendering = details?.verdict?.checks.find((check) => check.id === 'rendering');
        // Ids are given in document order, from p0: one proof per figure.
        byFigure[renderingFigures[Number(id.slice(1))]!.name] = `${details?.verdict?.state}: ${rendering?.detail}`;
      }
      return byFigure;
    }

    /** Waits until `read` gives `expected` (as JSON), then asserts it, so a failure shows the last reading. */
    async function settles<value>(read: () => Promise<value>, expected: value, timeout = 30_000): Promise<void> {
      let last: value | undefined;
      await until(
        async () => {
          last = await read().catch(() => undefined);
          return JSON.stringify(last) === JSON.stringify(expected);
        },
        // Each reading serializes every badge with its shadow tree: read twice a second, not ten times, to leave the CPU to Firefox.
        { timeout, interval: 500 },
      ).catch(() => undefined);
      expect(last).toEqual(expected);
    }

    /** The figures with what Verity says of each in Firefox. */
    const inFirefox = renderingFigures.map((figure) => ({ ...figure, expected: figure.firefox ?? figure.expected }));

    const stateOf = async (name: string) => (await badgeStatesIn(page, `figure[data-trick="${name}"]`))[0];

    it('verifies no trick, names what it could not confirm, and verifies the honest controls', async () => {
      await settles(() => badgeStatesIn(page, 'figure'), inFirefox.map(({ expected }) => expected.state), 90_000);
      const now = await said();
      for (const { name, expected } of inFirefox) {
        expect(now[name], name).toMatch(new RegExp(`^${expected.state}:`));
        if (expected.state === 'unavailable') expect(now[name], name).toContain(renderingDoubtWords[expected.doubt]);
      }
    });

    it('checks again after a late style: a body class, a fragment, a rule inserted before the card opens', async () => {
      // Read again within a second; the worker's answer to the proof sent again has taken over 5 s under the whole suite's load (two CPUs).
      const answered = 10_000;
      // The figures near the top only in view: a fragment change reads again every snippet in view (all of them at
      // the table's height, where the answers to those it sends again queue at the tab's rate for over 10 s).
      await page.setViewport({ width: 1280, height: 1200 }).catch((error: unknown) => {
        if (!String(error).includes('setScreenOrientationOverride')) throw error;
      });
      await page.evaluate(() => {
        document.head.insertAdjacentHTML('beforeend', '<style>.late figure[data-trick="plain"] div { color: rgba(0, 0, 0, 0.1); }</style>');
        document.body.classList.add('late');
      });
      await settles(() => stateOf('plain'), 'unavailable', answered);

      await page.evaluate((id) => void (location.hash = id), figureId('link and emphasis'));
      await settles(() => stateOf('link and emphasis'), 'unavailable', answered);

      // A class set inside the component a snippet is slotted into, paling its words: no observer of the document sees it.
      await page.evaluate(() => document.querySelector('figure[data-trick="slotted into a component"] > div')!.shadowRoot!.querySelector('.frame')!.classList.add('pale'));
      await settles(() => stateOf('slotted into a component'), 'unavailable', answered);
      // A data- attribute set on a snippet, which a rule of the page's matches.
      await page.evaluate(() => document.querySelector('figure[data-trick="identity scale and rotation"] > div')!.setAttribute('data-late', ''));
      await settles(() => stateOf('identity scale and rotation'), 'unavailable', answered);

      // A rule inserted through the CSSOM leaves no trace: the card opening reads the snippet again.
      await page.evaluate(() => document.styleSheets[0]!.insertRule('figure[data-trick="dark mode"] div div { opacity: 0.1; }'));
      await page.hover('figure[data-trick="dark mode"] verity-badge');
      await settles(() => stateOf('dark mode'), 'unavailable', answered);
    });
  });
}
