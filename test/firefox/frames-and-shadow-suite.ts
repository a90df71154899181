import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../devnet/firefox-browser';
import type { TabState } from '../../messaging/messages';
import { serveFramesAndShadowPages, shadowBadges, type FramesAndShadowPages } from '../frames-and-shadow-pages';
import { badgeStatesIn, statesOfBadges } from './badge-states';
import { sendFrom, tabShowing, type FirefoxDemoSession } from './firefox-session';

/**
 * The Firefox build on proofs in shadow roots and frames
 * (test/frames-and-shadow-pages.ts). Run by ./firefox.test.ts in every installed ESR.
 */

const frameStates = (frame: Frame) => badgeStatesIn(frame);

/** The frame element of that id, in the document or in `#frame-host`'s shadow root. */
async function frameElementOf(page: Page, id: string): Promise<ElementHandle<HTMLIFrameElement>> {
  const handle = await page.evaluateHandle((id) => document.getElementById(id) ?? document.getElementById('frame-host')!.shadowRoot!.getElementById(id), id);
  return handle.asElement() as ElementHandle<HTMLIFrameElement>;
}

async function frameOf(page: Page, id: string): Promise<Frame> {
  return (await (await frameElementOf(page, id)).contentFrame())!;
}

async function settlesAt<value>(place: string, read: () => Promise<value>, expected: value): Promise<void> {
  let last: value | undefined;
  await until(
    async () => {
      last = await read().catch(() => undefined);
      return JSON.stringify(last) === JSON.stringify(expected);
    },
    { timeout: 30_000 },
  ).catch(() => undefined);
  expect(last, place).toEqual(expected);
}

/** `firefoxName` as installedFirefoxes names it. */
export function describeFramesAndShadow(session: FirefoxDemoSession, firefoxName: string): void {
  describe('proofs in shadow roots and frames', () => {
    // Firefox 140 runs no extension script in an about:blank frame its page writes into (the current ESR does): no badge there.
    const blankFrameUnreached = firefoxName.includes('140');

    let pages: FramesAndShadowPages;

    beforeAll(async () => {
      const attributeHtml = (state: string) => session.devnet.scenarios.find((scenario) => scenario.form.startsWith('attribute') && scenario.expectedState === state)!.html;
      pages = await serveFramesAndShadowPages({ verifiedHtml: attributeHtml('verified'), alteredHtml: attributeHtml('altered') });
    }, 180_000);

    afterAll(() => pages?.close());

    it('badges each one where it is, and lists each with the frame it is in', async () => {
      const { topUrl, expected } = pages;
      const page = await session.firefox.browser.newPage();
      await page.goto(topUrl);
      for (const [path, state] of Object.entries(expected.shadow)) await settlesAt(path, () => statesOfBadges(page, shadowBadges, path), [state]);
      const frames = Object.entries(expected.frames).filter(([id]) => !(blankFrameUnreached && id === 'blank'));
      for (const [id, state] of frames) {
        // Covers are hit-tested in the viewport: the frame is brought into it, as a reader scrolls to it.
        await (await frameElementOf(page, id)).evaluate((frame) => frame.scrollIntoView({ block: 'nearest' }));
        await settlesAt(id, async () => frameStates(await frameOf(page, id)), [state]);
      }
      if (blankFrameUnreached) expect(await frameStates(await frameOf(page, 'blank'))).toEqual([]);
      // Two frames deep, under a box the top page draws over the outer one: the look goes up through both.
      await (await frameElementOf(page, 'cross-nested')).evaluate((frame) => frame.scrollIntoView({ block: 'nearest' }));
      await settlesAt('cross-nested', async () => frameStates((await frameOf(page, 'cross-nested')).childFrames()[0]!), [expected.nested]);

      const { tabId } = await tabShowing(session.helper, topUrl);
      const framesListed = async () => {
        const state: TabState = await sendFrom(session.helper, 'tab-state', { tabId });
        return state.proofs.filter((proof) => proof.frameUrl !== undefined).map((proof) => proof.verdict?.state ?? 'checking').sort();
      };
      await settlesAt('the tab\'s list', framesListed, [...frames.map(([, state]) => state), expected.nested].sort());
      // What the page does to a frame is named: the white boxes over four, the fade of three, of its origin or another (one faint only with the text's own).
      const { state } = await tabShowing(session.helper, topUrl);
      const doubts = await Promise.all(
        state.proofs.filter(({ verdict }) => verdict?.state === 'unavailable').map(async ({ id }) => (await sendFrom(session.helper, 'proof-details', { tabId, id }))?.proof.renderingDoubts),
      );
      expect(doubts.sort()).toEqual([['covered'], ['covered'], ['covered'], ['covered'], ['faint'], ['faint'], ['faint']]);
      await page.close();
    });
  });
}
