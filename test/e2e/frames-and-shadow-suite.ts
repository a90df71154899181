import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartDevnetReturnType } from '../../devnet/devnet';
import type { ExtensionBrowser } from '../../devnet/extension-browser';
import type { TabState } from '../../messaging/messages';
import { badgeStatesIn, statesOfBadges } from '../badge-states';
import { serveFramesAndShadowPages, shadowBadges, type FramePlacement, type FramesAndShadowPages } from '../frames-and-shadow-pages';
import { openExtensionPage, openPopupBeside, screenshot, sendFrom, tabShowing, type DemoSession } from './demo-session';

/**
 * The built extension in Chromium on proofs outside the page's light DOM,
 * in shadow roots and frames (test/frames-and-shadow-pages.ts): every one
 * is badged where it is, and the tab's list names the frame each is in.
 */

export function describeFramesAndShadow(session: DemoSession): void {
  let devnet: StartDevnetReturnType;
  let browser: ExtensionBrowser;
  let pages: FramesAndShadowPages;

  beforeAll(async () => {
    ({ devnet, browser } = session);
    const attributeHtml = (state: string) => devnet.scenarios.find((scenario) => scenario.form.startsWith('attribute') && scenario.expectedState === state)!.html;
    pages = await serveFramesAndShadowPages({ verifiedHtml: attributeHtml('verified'), alteredHtml: attributeHtml('altered') });
  }, 180_000);

  afterAll(async () => {
    await pages?.close();
  });

  const frameStates = (frame: Frame) => badgeStatesIn(frame);

  const frameOf = (page: Page, id: string) => page.locator(`#${id}`).elementHandle().then((handle) => handle!.contentFrame()) as Promise<Frame>;

  const byPlace = <item extends { frameUrl?: string | undefined; state?: string | undefined }>(items: item[]) =>
    items.sort((a, b) => `${a.frameUrl}${a.state}`.localeCompare(`${b.frameUrl}${b.state}`));

  describe('proofs in shadow roots and frames, in Chromium', () => {
    it('badges each one where it is, and lists each with the frame it is in', async () => {
      const { topUrl, otherOrigin, expected } = pages;
      const page = await browser.context.newPage();
      await page.goto(topUrl);

      for (const [path, state] of Object.entries(expected.shadow)) {
        await expect.poll(() => statesOfBadges(page, shadowBadges, path), { timeout: 30_000 }).toEqual([state]);
      }
      // Each badge sits in the shadow tree beside its snippet, not in the light DOM.
      expect(await page.evaluate(() => document.querySelectorAll('verity-badge').length)).toBe(0);
      for (const [id, state] of Object.entries(expected.frames)) {
        // Covers are hit-tested in the viewport: the frame is brought into it, as a reader scrolls to it.
        await page.locator(`#${id}`).scrollIntoViewIfNeeded();
        const frame = await frameOf(page, id);
        await expect.poll(() => frameStates(frame), { timeout: 30_000 }).toEqual([state]);
      }
      // Two frames deep, under a box the top page draws over the outer one: the look goes up through both.
      await page.locator('#cross-nested').scrollIntoViewIfNeeded();
      const nested = (await frameOf(page, 'cross-nested')).childFrames()[0]!;
      await expect.poll(() => frameStates(nested), { timeout: 30_000 }).toEqual([expected.nested]);
      await screenshot(page, 'frames-and-shadow-page');

      const extensionPage = await openExtensionPage(browser);
      const { tabId } = await tabShowing(extensionPage, topUrl);
      const listed = async () => {
        const state: TabState = await sendFrom(extensionPage, 'tab-state', { tabId });
        return byPlace(state.proofs.map((proof) => ({ state: proof.verdict?.state, frameUrl: proof.frameUrl })));
      };
      const frameUrls: Record<FramePlacement, string> = {
        same: `${topUrl}same.html`,
        srcdoc: 'about:srcdoc',
        blank: 'about:blank',
        cross: `${otherOrigin}/cross.html`,
        covered: 'about:srcdoc',
        'covered-through': 'about:srcdoc',
        faded: 'about:srcdoc',
        'cross-verified': `${otherOrigin}/verified.html`,
        'cross-covered': `${otherOrigin}/verified.html`,
        'cross-faded': `${otherOrigin}/verified.html`,
        'cross-pale': `${otherOrigin}/pale.html`,
        'cross-shadowed': `${otherOrigin}/verified.html`,
      };
      await expect.poll(listed, { timeout: 30_000 }).toEqual(
        byPlace([
          ...Object.values(expected.shadow).map((state) => ({ state, frameUrl: undefined })),
          ...Object.entries(expected.frames).map(([id, state]) => ({ state, frameUrl: frameUrls[id as FramePlacement] })),
          { state: expected.nested, frameUrl: `${topUrl}same.html` },
        ]),
      );

      // What the page does to a frame is named: the white boxes over four, the fade of three, of its origin or another (one faint only with the text's own).
      const { state } = await tabShowing(extensionPage, topUrl);
      const doubts = await Promise.all(
        state.proofs.filter(({ verdict }) => verdict?.state === 'unavailable').map(async ({ id }) => (await sendFrom(extensionPage, 'proof-details', { tabId, id }))?.proof.renderingDoubts),
      );
      expect(doubts.sort()).toEqual([['covered'], ['covered'], ['covered'], ['covered'], ['faint'], ['faint'], ['faint']]);

      const popup = await openPopupBeside(browser, { demo: page, tabId });
      const fromOtherOrigin = Object.values(frameUrls).filter((url) => url.startsWith(otherOrigin)).length;
      await expect.poll(() => popup.getByText(`In a frame from ${new URL(otherOrigin).host}`).count(), { timeout: 20_000 }).toBe(fromOtherOrigin);
      expect(await popup.getByText('In a frame written by this page').count()).toBe(Object.values(frameUrls).filter((url) => url.startsWith('about:')).length);
      await screenshot(popup, 'frames-and-shadow-popup');

      // A box the page lays over a frame later, which no observer in the frame's document sees: Chromium's
      // IntersectionObserver v2 tells it that something is drawn over its snippet, and it reads again (asking the
      // worker to look through the parent, for a frame of another origin).
      for (const id of ['same', 'cross-verified']) {
        await page.locator(`#${id}`).scrollIntoViewIfNeeded();
        await page.evaluate((id) => {
          const box = document.getElementById(id)!.getBoundingClientRect();
          const cover = Object.assign(document.createElement('div'), { textContent: 'Safe for everyone.' });
          cover.style.cssText = `position: absolute; left: ${box.left + scrollX}px; top: ${box.top + scrollY}px; width: ${box.width}px; height: ${box.height}px; background: #fff; pointer-events: none`;
          document.body.append(cover);
        }, id);
        await expect.poll(async () => frameStates(await frameOf(page, id)), { timeout: 10_000 }).toEqual(['unavailable']);
      }

      // A frame taken out of the page takes its proof out of the tab's list.
      await page.evaluate(() => document.getElementById('cross')!.remove());
      const placements = Object.keys(expected.shadow).length + Object.keys(expected.frames).length + 1;
      await expect.poll(async () => (await listed()).length, { timeout: 10_000 }).toBe(placements - 1);
      await popup.close();
      await extensionPage.close();
      await page.close();
    });
  });
}
