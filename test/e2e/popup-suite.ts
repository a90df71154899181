import { describe, expect, it } from 'vitest';
import { stateStyles } from '../../components/state-style';
import { verdictStates } from '../../lib/verdict/states';
import { figureStates, whyNotAsCaptioned, openDemoPage, openPopupBeside, screenshot, type DemoSession } from './demo-session';

/**
 * The popup, built and loaded in Chromium, over the devnet's demo page,
 * opened as a background tab beside it (see openPopupBeside).
 */
export function describePopup(session: DemoSession): void {
  describe('the popup in Chromium', () => {
    it("counts the demo page's proofs by state, lists each one, and shows a proof on the page", async () => {
      const { devnet, browser } = session;
      const tab = await openDemoPage({ devnet, browser });
      const { demo } = tab;
      const popup = await openPopupBeside(browser, tab);

      const proofsHeading = popup.getByRole('heading', { name: /On this page/ });
      await expect.poll(() => proofsHeading.textContent(), { timeout: 20_000 }).toMatch(`(${devnet.scenarios.length})`);
      await expect.poll(() => popup.getByRole('banner').textContent()).toContain(new URL(devnet.pageUrl!).host);

      // One chip per state present, with its count, worst first.
      const expected = verdictStates
        .map((state) => [state, devnet.scenarios.filter((scenario) => scenario.expectedState === state).length] as const)
        .filter(([, count]) => count > 0);
      const chips = popup.getByRole('list', { name: 'Proofs by state' }).getByRole('listitem');
      expect(await chips.allTextContents()).toEqual(expected.map(([state, count]) => `${count}${stateStyles[state].word}`));

      // One row per proof, each named by its state.
      const rows = popup.getByRole('region', { name: /On this page/ }).getByRole('listitem');
      await expect.poll(() => rows.count()).toBe(devnet.scenarios.length);
      const rowWords = await rows.evaluateAll((items) => items.map((item) => item.textContent ?? ''));
      devnet.scenarios.forEach((scenario, index) => expect(rowWords[index]).toContain(stateStyles[scenario.expectedState].word));
      // As the toolbar shows it: Chromium caps a popup at 600 pixels and scrolls the rest.
      await screenshot(popup, 'popup', { fullPage: false });

      // Show the last proof on the page: the demo page scrolls it into view and rings it.
      await demo.evaluate(() => window.scrollTo(0, 0));
      // The last proof carried in an attribute: its element is the snippet itself.
      const last = devnet.scenarios.findLastIndex((scenario) => scenario.form === 'attribute-json');
      const snippetInView = () =>
        demo.evaluate((scenario) => {
          const body = document.querySelector(`figure[data-scenario="${scenario}"] .case-body`)!;
          const { top, bottom } = body.getBoundingClientRect();
          return top >= 0 && bottom <= window.innerHeight;
        }, devnet.scenarios[last]!.id);
      expect(await snippetInView()).toBe(false);
      await rows.nth(last).getByRole('button', { name: /Show on the page/ }).click();
      await expect.poll(snippetInView, { timeout: 10_000 }).toBe(true);
      // The ring is a Web Animation on the snippet (or its element), for a couple of seconds.
      expect(
        await demo.evaluate(
          (scenario) => document.querySelector(`figure[data-scenario="${scenario}"]`)!.getAnimations({ subtree: true }).length,
          devnet.scenarios[last]!.id,
        ),
      ).toBeGreaterThan(0);
      await expect(popup.getByRole('status').filter({ hasText: "isn't on the page" }).count()).resolves.toBe(0);

      // The badges the popup counted are those of the page.
      const figures = await figureStates(demo);
      expect(figures.map(({ badges }) => badges), await whyNotAsCaptioned(browser, demo, figures)).toEqual(figures.map(({ expected }) => [expected]));
      await popup.close();
      await demo.close();
    });
  });
}
