import { describe, expect, it } from 'vitest';
import { badgeStatesPer } from '../badge-states';
import { allAnswered, type DemoSession } from './demo-session';

/**
 * The content script, built and loaded in Chromium, on proofs a page adds
 * after it loaded (a feed that grows, a comment that arrives): the page's
 * own script appends snippets, and each gets a badge and a verdict.
 */
export function describeAddedContent(session: DemoSession): void {
  describe('proofs added after the page loaded, in Chromium', () => {
    it('badges a verified snippet and an altered one that a page script appends', async () => {
      const { devnet, browser } = session;
      const page = await browser.context.newPage();
      await page.goto(devnet.pageUrl!);
      await allAnswered(page, devnet.scenarios.length);

      const verified = devnet.scenarios.find((scenario) => scenario.expectedState === 'verified' && scenario.form === 'attribute-base64url')!;
      const altered = devnet.scenarios.find((scenario) => scenario.expectedState === 'altered' && scenario.form === 'attribute-json')!;
      expect(verified).toBeDefined();
      expect(altered).toBeDefined();
      // Appended by the page itself, as a page's own script would, in a new section at the end of the article.
      await page.evaluate(
        (snippets) => {
          const section = document.createElement('section');
          section.id = 'late';
          for (const html of snippets) {
            const figure = document.createElement('div');
            figure.className = 'late-case';
            figure.innerHTML = html;
            section.append(figure);
          }
          document.querySelector('article')!.append(section);
        },
        [verified.html, altered.html],
      );
      await allAnswered(page, devnet.scenarios.length + 2, 30_000);
      const late = await badgeStatesPer(page, '#late .late-case');
      expect(late).toEqual([['verified'], ['altered']]);
      // The page's own proofs are untouched.
      expect(await page.locator('figure.case verity-badge').count()).toBe(devnet.scenarios.length);
      await page.close();
    });
  });
}
