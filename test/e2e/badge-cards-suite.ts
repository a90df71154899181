import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { articleBadges } from '../../devnet/article/article-badges';
import { articleSnippetAttribute } from '../../devnet/article/article-element';
import { takeStateMatrix } from '../../devnet/state-matrix';
import { verdictStates } from '../../lib/verdict/states';
import { badgeShowing, statesOfIds } from '../badge-states';
import { badgeWord } from '../../entrypoints/content/badge-label';
import { accessibilityNodes, dialogAsRead, focusedButtonName } from './accessibility-tree';
import type { browser as browserApi } from 'wxt/browser';
import type { SelectionCheck } from '../../messaging/messages';
import { allAnswered, openExtensionPage, saveScreenshot, screenshot, sendFrom, tabShowing, type DemoSession } from './demo-session';

/** The extension API inside the worker, where the evaluated function runs. */
declare const chrome: typeof browserApi;

/**
 * The badge card of each state on the article page, as a reader meets it:
 * in words, never the checks' technical detail, and saying what the verdict
 * is about, light and dark, at three zooms. The card is in a closed shadow
 * root; the accessibility tree, like a screen reader, sees into it. Then
 * the article's snippets, quotes checked in it, and its links and buttons.
 */
export function describeBadgeCards(session: DemoSession): void {
  /** What a reader must never be shown in a card: hex, hashes, endpoint counts, parser errors. */
  const developerWords = /0x[0-9a-f]{6,}|\bhash|RPC|outputHash|contentHash|JSON|position \d|trust configuration|revert/i;

  /** The words of the dialog named "Verity: <word>", as assistive technology reads them. */
  async function cardWords(cdp: CDPSession): Promise<string | undefined> {
    return (await dialogAsRead(cdp, (name) => name.startsWith('Verity: ')))?.text;
  }

  /** Opens the card of the first badge in a figure that expects `state`; false when the page has no such figure. */
  async function openCardOf(page: Page, state: string): Promise<boolean> {
    const badge = await badgeShowing(page, state, `figure.case[data-expected-state="${state}"]`);
    if (badge === undefined) return false;
    await badge.scrollIntoViewIfNeeded();
    await badge.hover();
    await expect.poll(() => page.evaluate(() => document.querySelector('verity-card')?.hasAttribute('data-open') ?? false), { timeout: 5_000 }).toBe(true);
    return true;
  }

  describe('badges and cards on a dark page, in Chromium', () => {
    it('follows a dark page: badges and cards on the dark palette, light ones stay light', async () => {
      const { devnet, browser } = session;
      const page = await browser.context.newPage();
      await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'dark' });
      await page.goto(devnet.pageUrl!);
      await allAnswered(page, devnet.scenarios.length);
      const themes = await page.evaluate(() => [...document.querySelectorAll('verity-badge')].map((badge) => (badge as HTMLElement).dataset.theme));
      expect(new Set(themes)).toEqual(new Set(['dark']));
      expect(await openCardOf(page, 'verified')).toBe(true);
      expect(await page.evaluate(() => (document.querySelector('verity-card') as HTMLElement).dataset.theme)).toBe('dark');
      await screenshot(page, 'badge-card-verified-dark', { fullPage: false });
      await page.close();

      const light = await browser.context.newPage();
      await light.emulateMedia({ colorScheme: 'light' });
      await light.goto(devnet.pageUrl!);
      await allAnswered(light, devnet.scenarios.length);
      const lightThemes = await light.evaluate(() => [...document.querySelectorAll('verity-badge')].map((badge) => (badge as HTMLElement).dataset.theme));
      expect(new Set(lightThemes)).toEqual(new Set(['light']));
      await light.close();
    });
  });

  /**
   * Selects `words` in the element `root` matches (across its text nodes, as
   * a reader's drag would) and clicks "Verify selection with Verity" as
   * Chrome would (the worker's onClicked event: automation cannot open a
   * native menu); the worker's answer once it has one.
   */
  async function checkQuote(page: Page, root: string, words: string): Promise<SelectionCheck | null> {
    const { browser } = session;
    const selected = await page.evaluate(
      ([root, words]) => {
        const walker = document.createTreeWalker(document.querySelector(root)!, NodeFilter.SHOW_TEXT);
        const nodes: { node: Text; start: number }[] = [];
        let text = '';
        for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
          nodes.push({ node, start: text.length });
          text += node.data;
        }
        const start = text.indexOf(words);
        if (start === -1) return '';
        const end = start + words.length;
        const holding = (offset: number) => nodes.findLast((entry) => entry.start <= offset)!;
        const range = document.createRange();
        range.setStart(holding(start).node, start - holding(start).start);
        range.setEnd(holding(end - 1).node, end - holding(end - 1).start);
        // On screen, where a reader's selection is.
        range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return document.getSelection()!.toString();
      },
      [root, words] as const,
    );
    expect(selected).toBe(words);
    const helper = await openExtensionPage(browser);
    const { tabId } = await tabShowing(helper, page.url());
    const before = await sendFrom(helper, 'selection-check', { tabId });
    await (await browser.serviceWorker()).evaluate(
      ([tabId, selectionText, pageUrl]) => {
        const info = { menuItemId: 'verity.verify-selection', frameId: 0, editable: false, selectionText, pageUrl };
        const tab = { id: tabId, index: 0, windowId: -1, highlighted: true, active: true, pinned: false, incognito: false };
        (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, tab);
      },
      [tabId, words, page.url()] as const,
    );
    let answer: SelectionCheck | null = null;
    await expect
      .poll(async () => {
        answer = await sendFrom(helper, 'selection-check', { tabId });
        return answer !== null && answer.checkedAt !== before?.checkedAt;
      }, { timeout: 30_000 })
      .toBe(true);
    await helper.close();
    return answer;
  }

  /** The selector of an article snippet. */
  const snippetAt = (id: string) => `[${articleSnippetAttribute}="${id}"]`;

  describe('the article page, as a reader meets it, in Chromium', () => {
    it('answers each snippet as expected, checks quotes, and keeps links and buttons working beside their badges, light and dark', async () => {
      const { devnet, browser } = session;
      const page = await browser.context.newPage();
      await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
      await page.goto(devnet.articleUrl!);
      await allAnswered(page, devnet.articleSnippets.length);

      const badges = await articleBadges(page);
      const states = await statesOfIds(page, badges.map(({ proof }) => proof));
      const seen = Object.fromEntries(badges.map(({ id }, index) => [id, states[index]]));
      expect(seen).toEqual(Object.fromEntries(devnet.articleSnippets.map(({ id, expectedState }) => [id, expectedState])));
      expect([seen['arabic-summary'], seen['chinese-summary']]).toEqual(['verified', 'verified']);
      // Every state a reader can meet is on the page, each failure where a newsroom would have it.
      expect(new Set(states)).toEqual(new Set(verdictStates));
      expect(seen).toMatchObject({
        'council-figures': 'altered',
        'wire-copy': 'unavailable',
        'letters-summary': 'malformed',
        'gale-warning': 'invalid',
        'air-quality': 'pending',
        partner: 'untrusted',
      });

      // docs/protocol.md §10: the badge ends a heading's text, and goes after a link or a button, never into their activation.
      const placement = await page.evaluate(() => {
        const at = (id: string) => document.querySelector(`[data-article-snippet="${id}"]`)!;
        const headline = at('headline');
        const badge = headline.querySelector('verity-badge')!.getBoundingClientRect();
        const heading = headline.getBoundingClientRect();
        return {
          headingEndsWithBadge: headline.lastElementChild?.localName === 'verity-badge',
          badgeInsideHeading: badge.top >= heading.top && badge.bottom <= heading.bottom,
          linkHasBadge: at('related-link').querySelector('verity-badge') !== null,
          badgeAfterLink: at('related-link').nextElementSibling?.localName,
          buttonHasBadge: at('summary-button').querySelector('verity-badge') !== null,
          badgeAfterButton: at('summary-button').nextElementSibling?.localName,
          // In right-to-left text the badge sits left of the text's end, with its gap toward the text.
          rightToLeftGap: (() => {
            const arabic = at('arabic-summary');
            const host = arabic.querySelector('verity-badge')!.getBoundingClientRect();
            const text = document.createRange();
            text.selectNodeContents([...arabic.childNodes].find((node) => node.nodeType === Node.TEXT_NODE)!);
            const sameLine = [...text.getClientRects()].filter((rect) => rect.bottom > host.top && rect.top < host.bottom);
            return Math.round(Math.min(...sameLine.map((rect) => rect.left)) - host.right);
          })(),
        };
      });
      expect(placement.rightToLeftGap).toBeGreaterThanOrEqual(4);
      expect(placement).toEqual({
        headingEndsWithBadge: true,
        badgeInsideHeading: true,
        linkHasBadge: false,
        badgeAfterLink: 'verity-badge',
        buttonHasBadge: false,
        badgeAfterButton: 'verity-badge',
        rightToLeftGap: placement.rightToLeftGap,
      });
      await screenshot(page, 'article-light');

      // README's reader flow: a quote from the timeline is signed text; a quote of the edited figure says Altered, never hides it.
      expect(await checkQuote(page, snippetAt('timeline'), 'opened again at first light')).toMatchObject({ outcome: 'in-signed-text', state: 'verified' });
      expect(await checkQuote(page, snippetAt('council-figures'), '£2 million')).toMatchObject({ outcome: 'not-in-signed-text', state: 'altered' });
      // From the AI's sentence into the reporter's: only partly signed, never the Verified of the part that is.
      const partly = await checkQuote(page, `p:has(> ${snippetAt('gate-facts')})`, 'takes half an hour to swing shut. They were built in Rotterdam');
      expect(partly).toMatchObject({ outcome: 'partly-signed' });
      expect(partly?.state).toBeUndefined();
      expect(partly?.citation).toContain('Only partly signed. No one vouches for every one of these words.');
      await page.bringToFront();
      await screenshot(page, 'article-selection-partly-signed', { fullPage: false });
      await page.bringToFront();
      await page.keyboard.press('Escape');
      await page.evaluate(() => document.getSelection()!.removeAllRanges());

      // The page's button and link still answer their own clicks; a click on the button's badge is not a click on the button.
      const button = page.locator('[data-article-snippet="summary-button"]');
      await button.locator('xpath=following-sibling::verity-badge[1]').click();
      await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
      await page.keyboard.press('Escape');
      await page.mouse.move(0, 0);
      await button.click();
      await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
      await expect.poll(() => page.locator('#summary-panel').isVisible()).toBe(true);
      await page.locator('[data-article-snippet="related-link"]').click();
      await expect.poll(() => new URL(page.url()).hash).toBe('#archive');

      // Dark by the site's own theme button (a class on the root), then by the reader's system setting.
      const themes = async () => new Set(await page.evaluate(() => [...document.querySelectorAll('verity-badge')].map((badge) => (badge as HTMLElement).dataset.theme)));
      await page.locator('.theme-toggle').click();
      await expect.poll(themes).toEqual(new Set(['dark']));
      await page.locator('.theme-toggle').click();
      await expect.poll(themes).toEqual(new Set(['light']));
      await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'dark' });
      await expect.poll(themes).toEqual(new Set(['dark']));
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'article-dark');
      await page.close();
    });

    it("says each state's verdict in a reader's words, to a screen reader and from the keyboard too, and what it is about, drawn light and dark at 100, 200 and 400 % zoom (the README's sheets)", async () => {
      const { devnet, browser } = session;
      const page = await browser.context.newPage();
      await page.goto(devnet.articleUrl!);
      await allAnswered(page, devnet.articleSnippets.length);
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Accessibility.enable');

      // Each badge as a screen reader finds it (axe cannot see into its closed shadow root): a focusable button named by Verity and its state, opening a dialog.
      const badgeButtons = (await accessibilityNodes(cdp)).filter((node) => node.role?.value === 'button' && node.name?.value.startsWith('Verity: '));
      expect(badgeButtons.map((node) => node.name!.value.replace(/, .*/, '')).sort()).toEqual(
        devnet.articleSnippets.map(({ expectedState }) => `Verity: ${badgeWord(expectedState).toLowerCase()}`).sort(),
      );
      for (const node of badgeButtons) {
        const properties = Object.fromEntries((node.properties ?? []).map(({ name, value }) => [name, value.value]));
        expect(properties, node.name!.value).toMatchObject({ focusable: true, hasPopup: 'dialog', expanded: false });
      }
      // And from the keyboard alone, a badge of every state: Tab reaches it, Enter opens its card with focus in it, Escape closes it and focus is back on the badge.
      const focusedBadge = async () => {
        if ((await page.evaluate(() => document.activeElement?.localName)) !== 'verity-badge') return undefined;
        // The document is focused too: the badge is the focused button.
        return focusedButtonName(cdp);
      };
      const words = new Set(badgeButtons.map((node) => node.name!.value.replace(/, .*/, '')));
      const opened = new Set<string>();
      for (let presses = 0; presses < 150 && opened.size < words.size; presses += 1) {
        await page.keyboard.press('Tab');
        const name = await focusedBadge();
        const word = name?.replace(/, .*/, '');
        if (name === undefined || opened.has(word!)) continue;
        await page.keyboard.press('Enter');
        await expect.poll(async () => (await dialogAsRead(cdp, (dialog) => dialog === word)) !== undefined, { timeout: 5_000 }).toBe(true);
        expect(await page.evaluate(() => document.activeElement?.localName), `${word}: focus in the card`).toBe('verity-card');
        await page.keyboard.press('Escape');
        await expect.poll(async () => (await cardWords(cdp)) === undefined).toBe(true);
        expect(await focusedBadge(), `${word}: focus back on its badge`).toBe(name);
        opened.add(word!);
      }
      expect([...opened].sort(), 'every state opened from the keyboard').toEqual([...words].sort());

      const sheets = await takeStateMatrix(page, devnet.articleSnippets, async ({ state, theme, zoom }) => {
        const shown = `${state}, ${theme}, ${zoom * 100} %`;
        // The snippet is read again as it comes into view (docs/protocol.md): its card may say "Checking" for a moment.
        await expect.poll(async () => (await cardWords(cdp)) ?? 'Checking', { timeout: 10_000 }).not.toMatch(/^Checking/);
        const words = (await cardWords(cdp))!;
        expect(words, shown).not.toMatch(developerWords);
        if (state === 'verified' || state === 'pending' || state === 'untrusted') expect(words, shown).toMatch(/AI-generated text.*not whether it is true/);
        if (state === 'altered' || state === 'invalid' || state === 'malformed') expect(words, shown).toMatch(/does not make (it|the text) false/);
        if (state === 'unavailable') expect(words, shown).toMatch(/nothing against the proof/);
        // Confidence beside a proof that does not hold would read as a second verdict.
        if (state !== 'verified' && state !== 'pending' && state !== 'untrusted') expect(words, shown).not.toMatch(/Confidence/);
      });
      expect(sheets.map(({ name }) => name)).toEqual(['verified', 'untrusted', 'pending', 'unavailable', 'altered', 'invalid', 'malformed'].map((state) => `states-${state}.png`));
      for (const { name, png } of sheets) await saveScreenshot(name, png);
      await page.close();
    });
  });
}
