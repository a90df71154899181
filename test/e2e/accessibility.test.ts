import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { demoSessionForFile, openDemoPage, openExtensionPage, openPopupBeside, screenshot } from './demo-session';

/**
 * axe-core on every extension page, light and dark, as the demo page fills
 * them: no violation of any impact. The states other tests bring the
 * pages to (errors, previews, prompts, results, shared links, the web
 * verifier) are checked there (`expectNoAxeViolations`, ./axe.ts). Badges
 * and cards, in closed shadow roots axe cannot see into, are checked
 * through the accessibility tree in badge-cards.test.ts, untrusted-events.test.ts and
 * selection.test.ts.
 */

const session = demoSessionForFile();
describe('every extension page passes axe-core, in Chromium', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`the popup, inspector, options and history pages (${scheme})`, async () => {
      const { browser } = session;
      const { demo, tabId, state } = await openDemoPage(session);
      const popup = await openPopupBeside(browser, { demo, tabId });
      const proofId = state.proofs.find((proof) => proof.verdict?.state === 'verified')!.id;
      const pages: [string, Page][] = [
        ['popup', popup],
        ['inspector', await openExtensionPage(browser, `inspector.html?tab=${tabId}&proof=${proofId}`)],
        ['options', await openExtensionPage(browser, 'options.html')],
        ['history', await openExtensionPage(browser, 'verity-history.html')],
      ];
      for (const [name, page] of pages) {
        // Loaded again in the scheme, so no colour is caught in a transition from the other one.
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        // The popup speaks for its window's active tab: the demo page, as when it opened.
        await demo.bringToFront();
        await page.reload({ waitUntil: 'load' });
        await page.waitForTimeout(500);
        expect(await axeViolations(page), `${name} (${scheme})`).toEqual([]);
        if (name === 'popup') expect(await page.getByRole('region', { name: 'This page', exact: true }).textContent(), 'the popup speaks for the demo page').toMatch(/verified/i);
        if (scheme === 'dark') await screenshot(page, `axe-${name}-dark`);
        await page.close();
      }
      await demo.close();
    });
  }
});
