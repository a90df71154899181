import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoSessionForFile, openDemoPage, openExtensionPage, openPopupBeside, screenshot } from './demo-session';

/**
 * axe-core on every extension page, light and dark, as the demo page fills
 * them: no violation of any impact. Badges and cards, in closed shadow
 * roots axe cannot see into, are checked through the accessibility tree in
 * badge-cards.test.ts and selection.test.ts.
 */

const session = demoSessionForFile();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary?: string }[] };

/** axe's violations on the page as it is now; evaluated over CDP, which the pages' CSP does not stop. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] }).then((result) => result.violations)')) as AxeViolation[];
  // One line per rule and element kind: a list of 40 rows repeats one fault 40 times.
  const lines = found.flatMap(({ id, impact, help, nodes }) =>
    nodes.map((node) => `${impact} ${id} (${help}): ${node.target.join(' ').replace(/:nth-child\(\d+\)/g, '')}${id === 'color-contrast' ? ` — ${node.failureSummary?.split('\n').at(-1)?.trim()}` : ''}`),
  );
  return [...new Set(lines)];
}

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
        await page.reload({ waitUntil: 'load' });
        await page.waitForTimeout(500);
        expect(await violations(page), `${name} (${scheme})`).toEqual([]);
        if (scheme === 'dark') await screenshot(page, `axe-${name}-dark`);
        await page.close();
      }
      await demo.close();
    });
  }
});
