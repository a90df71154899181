import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { openDemoPage, openExtensionPage, openPopupBeside, screenshot, type DemoSession } from './demo-session';

/**
 * axe-core on every extension page, light and dark, as the demo page fills
 * them: no violation of any impact. The states other tests bring the
 * pages to (errors, previews, prompts, results, shared links, the web
 * verifier) are checked there (`expectNoAxeViolations`, ./axe.ts). Badges
 * and cards, in closed shadow roots axe cannot see into, are checked
 * through the accessibility tree in badge-cards-suite.ts, untrusted-events-suite.ts and
 * selection-suite.ts.
 */
export function describeAccessibility(session: DemoSession): void {
  describe('every extension page passes axe-core, in Chromium', () => {
    it('the popup, inspector, options, history and welcome pages, light and dark', async () => {
      const { browser } = session;
      const { demo, tabId, state } = await openDemoPage(session);
      const popup = await openPopupBeside(browser, { demo, tabId });
      const proofId = state.proofs.find((proof) => proof.verdict?.state === 'verified')!.id;
      const pages: [string, Page][] = [
        ['popup', popup],
        ['inspector', await openExtensionPage(browser, `inspector.html?tab=${tabId}&proof=${proofId}`)],
        ['options', await openExtensionPage(browser, 'options.html')],
        ['history', await openExtensionPage(browser, 'verity-history.html')],
        ['welcome', await openExtensionPage(browser, 'welcome.html')],
      ];
      for (const [name, page] of pages) {
        for (const scheme of ['light', 'dark'] as const) {
          // Loaded again in the scheme, so no colour is caught in a transition from the other one.
          await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
          // The popup speaks for its window's active tab: the demo page, as when it opened.
          await demo.bringToFront();
          await page.reload({ waitUntil: 'load' });
          await page.waitForTimeout(500);
          expect(await axeViolations(page), `${name} (${scheme})`).toEqual([]);
          if (name === 'popup') expect(await page.getByRole('region', { name: 'This page', exact: true }).textContent(), 'the popup speaks for the demo page').toMatch(/verified/i);
          // Its first screen: the whole history or popup is over 10,000 pixels tall, seconds to take.
          if (scheme === 'dark') await screenshot(page, `axe-${name}-dark`, { fullPage: false });
        }
        await page.close();
      }
      await demo.close();
    });

    it('the inspector reflows at 400 % zoom (320 CSS pixels wide): nothing needs scrolling sideways', async () => {
      const { browser } = session;
      const { demo, tabId, state } = await openDemoPage(session);
      // One proof of each kind and state: long addresses in a reason, decoded attestation fields, Merkle proofs.
      const kinds = new Map(state.proofs.map((proof) => [`${proof.verdict?.proofType} ${proof.verdict?.state}`, proof.id]));
      const page = await openExtensionPage(browser, `inspector.html?tab=${tabId}`);
      await page.setViewportSize({ width: 320, height: 640 });
      const sideways = async (path: string) => {
        await page.goto(new URL(path, page.url()).href);
        await page.locator('h1').first().waitFor();
        await page.waitForTimeout(100);
        return [path, await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)] as const;
      };
      const overflow = [await sideways(`inspector.html?tab=${tabId}`)];
      for (const id of kinds.values()) overflow.push(await sideways(`inspector.html?tab=${tabId}&proof=${id}`));
      expect(kinds.size).toBeGreaterThan(8);
      expect(overflow.filter(([, pixels]) => pixels > 0)).toEqual([]);
      await screenshot(page, 'inspector-400-percent');
      await page.close();
      await demo.close();
    });

    it('the popup reflows at 400 % zoom, where Chrome gives a popup at most 800 pixels (200 CSS pixels): nothing needs scrolling sideways', async () => {
      const { browser } = session;
      const { demo, tabId } = await openDemoPage(session);
      const popup = await openPopupBeside(browser, { demo, tabId });
      await popup.setViewportSize({ width: 200, height: 600 });
      await demo.bringToFront();
      await popup.reload({ waitUntil: 'load' });
      await popup.getByRole('region', { name: 'This page', exact: true }).waitFor();
      await popup.waitForTimeout(300);
      expect(await popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await screenshot(popup, 'popup-400-percent', { fullPage: false });
      await popup.close();
      await demo.close();
    });
  });
}
