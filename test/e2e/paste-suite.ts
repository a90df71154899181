import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectionHeadlines } from '../../components/selection-outcome';
import { stateStyles } from '../../components/state-style';
import type { StartDevnetReturnType } from '../../devnet/devnet';
import type { ExtensionBrowser } from '../../devnet/extension-browser';
import { envelopeBase64url, envelopeJson, envelopeToken } from '../../devnet/producers/embed';
import type { Scenario } from '../../devnet/scenarios';
import { shareFragment } from '../../lib/share/share-link';
import type { VerdictState } from '../../lib/verdict/states';
import { openDemoPage, openPopupBeside, screenshot, storeTrustConfig, type DemoSession } from './demo-session';
import { expectNoAxeViolations, showInScheme } from './axe';

/**
 * "Check pasted material" in the popup, built and loaded in Chromium: each
 * kind of input a journalist may paste, checked against the devnet. The
 * popup is opened as a background tab beside the demo page, so the demo page
 * stays the active tab a pasted quote is looked for in. In the demo
 * session's browser (shared-session.test.ts).
 */

const explorer = 'https://explorer.verity.test';

let devnet: StartDevnetReturnType;
let browser: ExtensionBrowser;
let popup: Page;

const scenario = (id: string): Scenario => {
  const found = devnet.scenarios.find((each) => each.id === id);
  if (!found) throw new Error(`No scenario ${id}`);
  return found;
};

/** The text a snippet shows readers (with its token, for a text-form one), as a reader would copy it from the page. */
const shownText = (html: string) =>
  popup.evaluate((html) => {
    const holder = document.createElement('div');
    holder.innerHTML = html;
    // innerText breaks lines between blocks as copying does, but only for what is rendered.
    document.body.append(holder);
    const text = holder.querySelector<HTMLElement>('.snippet')!.innerText.trim();
    holder.remove();
    return text;
  }, html);

/** The envelope's proof, for its chain reference. */
const proofOf = (id: string) => scenario(id).envelope!.proof as { tx?: `0x${string}`; uid?: `0x${string}` };

/**
 * Pastes into the popup, asks for a check by keyboard, and waits for the
 * answer in the result region: the region is busy, then not, with an answer.
 */
async function checkPasted(input: string, compareText = '') {
  const field = popup.getByLabel('Text, proof token, envelope, share link, or transaction');
  await field.fill(input);
  await popup.getByLabel(/Text to compare/).fill(compareText);
  // A quick answer can come and go between two looks: a mutation observer sees the busy state however short.
  await popup.evaluate(() => {
    const region = document.querySelector('section[aria-label="Result"]')!;
    const watch = window as { busySeen?: { busy: boolean }; busyWatch?: MutationObserver };
    const seen = { busy: false };
    watch.busyWatch?.disconnect();
    watch.busySeen = seen;
    watch.busyWatch = new MutationObserver(() => {
      if (region.getAttribute('aria-busy') === 'true') seen.busy = true;
    });
    watch.busyWatch.observe(region, { attributes: true, attributeFilter: ['aria-busy'] });
  });
  await field.press('Control+Enter');
  await popup.waitForFunction(
    () => {
      const region = document.querySelector('section[aria-label="Result"]');
      return (window as { busySeen?: { busy: boolean } }).busySeen?.busy && region?.getAttribute('aria-busy') === 'false';
    },
    null,
    { timeout: 30_000 },
  );
  // What was typed is still there beside the answer.
  expect(await field.inputValue()).toBe(input);
  return popup.getByRole('region', { name: 'Result' });
}

/** The verdict of each proof in the answer, after checking its badge says so. */
async function verdicts(region: Awaited<ReturnType<typeof checkPasted>>): Promise<string[]> {
  const cards = await region.getByRole('article').evaluateAll((articles) =>
    articles.map((article) => ({ state: article.getAttribute('data-state')!, text: article.textContent ?? '' })),
  );
  for (const { state, text } of cards) expect(text).toContain(stateStyles[state as VerdictState].word);
  return cards.map(({ state }) => state);
}

export function describePaste(session: DemoSession): void {
  describe('checking pasted material in the popup', () => {
    beforeAll(async () => {
      ({ devnet, browser } = session);
      // An explorer for the devnet chain, so an explorer's transaction link names its chain.
      const chainId = String(devnet.chainId);
      await storeTrustConfig(browser, { ...devnet.trustConfig, chains: { [chainId]: { ...devnet.trustConfig.chains[chainId]!, explorer } } });
      popup = await openPopupBeside(browser, await openDemoPage({ devnet, browser }));
      await popup.getByRole('tab', { name: 'Check pasted' }).click();
    }, 180_000);

    // The session's other suites read the devnet's own configuration.
    afterAll(() => storeTrustConfig(browser, devnet.trustConfig));

    it('looks for a plain quote in the proofs of the tab', async () => {
      const text = await shownText(scenario('og-tee-attribute-json').html);
      const quote = text.slice(text.indexOf('river levels'), text.indexOf('by the weekend'));
      const region = await checkPasted(quote);
      expect(await region.textContent()).toContain('Read as a quote');
      expect(await region.textContent()).toContain(selectionHeadlines['found-in-proof']);
      expect(await region.locator('blockquote').textContent()).toBe(quote.trim());
      expect(await region.textContent()).toContain(stateStyles.verified.word);
      expect(await region.getByRole('group', { name: 'Where it came from' }).textContent()).toMatch(/^AI-generated text.*not whether it is true\.Vouched byEnclave /);
      await screenshot(popup, 'popup-paste-quote');
      await expectNoAxeViolations(popup, "the popup's pasted quote result");
    });

    it('verifies a text-form token pasted with the post it ends', async () => {
      const post = await shownText(scenario('og-tee-text-token').html);
      expect(post).toContain('ai-proof:v1:');
      const region = await checkPasted(post);
      expect(await region.textContent()).toContain('Read as a proof token');
      expect(await verdicts(region)).toEqual(['verified']);
    });

    it('verifies an envelope pasted as JSON or as base64url, with the text to compare', async () => {
      for (const id of ['og-tee-attribute-json', 'og-tee-attribute-base64url']) {
        const { envelope, html } = scenario(id);
        const encoded = id.endsWith('json') ? envelopeJson(envelope) : envelopeBase64url(envelope);
        const region = await checkPasted(encoded, await shownText(html));
        expect(await region.textContent()).toContain('Read as a proof envelope');
        expect(await verdicts(region)).toEqual(['verified']);
      }
      // The details as on a page: every check, the facts, and the ways to the inspector and a citation.
      const card = popup.getByRole('region', { name: 'Result' }).getByRole('article');
      const checks = card.locator('details', { has: popup.locator('summary', { hasText: 'Checks' }) });
      await checks.locator('summary').press('Enter');
      expect(await checks.getAttribute('open')).not.toBeNull();
      expect(await checks.locator('[data-outcome="passed"]').count()).toBeGreaterThan(3);
      expect(await card.getByRole('link', { name: 'Open in inspector' }).getAttribute('href')).toMatch(/\/inspector\.html#share=v1\./);
      expect(await card.getByRole('button', { name: 'Copy citation' }).isEnabled()).toBe(true);
      // As the badge's card says it: AI-generated, who vouches, the model as the page's claim, and origin, not truth.
      const origin = card.getByRole('group', { name: 'Where it came from' });
      expect(await origin.textContent()).toMatch(/^AI-generated text, and the proof shows where it came from\. Verity checks its origin, not whether it is true\.Vouched byEnclave 0x[0-9a-f]{4}…[0-9a-f]{4}The page saysmodel “/);
      await screenshot(popup, 'popup-paste-envelope');
      await expectNoAxeViolations(popup, "the popup's pasted proof card");
      await showInScheme(popup, 'dark');
      await screenshot(popup, 'popup-paste-envelope-dark');
      await showInScheme(popup, 'light');
    });

    it('calls a compare text that differs from the signed one altered', async () => {
      const { envelope, html } = scenario('og-tee-attribute-json');
      const changed = (await shownText(html)).replace('Thursday', 'Friday');
      const region = await checkPasted(envelopeJson(envelope), changed);
      expect(await verdicts(region)).toEqual(['altered']);
    });

    it('asks for the text when an envelope does not carry it', async () => {
      const region = await checkPasted(envelopeToken(scenario('og-tee-attribute-json').envelope));
      expect(await region.textContent()).toContain('Nothing to verify');
      expect(await region.textContent()).toContain('Text to compare');
      expect(await region.getByRole('article').count()).toBe(0);
    });

    it('re-verifies a share link', async () => {
      const { envelope, html } = scenario('og-tee-attribute-base64url');
      const text = await shownText(html);
      const link = `chrome-extension://${browser.extensionId}/inspector.html${shareFragment({
        proof: { form: 'attribute', raw: envelopeBase64url(envelope), shownText: text, renderedText: text },
        pageUrl: devnet.pageUrl!,
      })}`;
      const region = await checkPasted(link);
      expect(await region.textContent()).toContain('Read as a share link');
      expect(await verdicts(region)).toEqual(['verified']);
    });

    it('finds the proof behind a transaction, as a bare hash or an explorer link', async () => {
      const { html } = scenario('og-settlement-attribute-json');
      const { tx } = proofOf('og-settlement-attribute-json');
      const text = await shownText(html);
      const byHash = await checkPasted(tx!, text);
      expect(await byHash.textContent()).toContain('Read as a transaction hash or attestation UID');
      expect(await verdicts(byHash)).toEqual(['verified']);

      const byLink = await checkPasted(`${explorer}/tx/${tx}`, text);
      expect(await byLink.textContent()).toContain('Read as a transaction');
      expect(await verdicts(byLink)).toEqual(['verified']);
    });

    it('finds an on-chain attestation by its UID', async () => {
      const { html } = scenario('eas-onchain-attribute-json');
      const { uid } = proofOf('eas-onchain-attribute-json');
      const region = await checkPasted(uid!, await shownText(html));
      expect(await verdicts(region)).toEqual(['verified']);
    });

    it('gives a clear answer to garbage, never a verdict on honest content', async () => {
      const empty = await checkPasted('   ');
      expect(await empty.textContent()).toContain('Nothing to verify');

      const brokenJson = await checkPasted('{"v": 1, "proof": ', 'Some text.');
      expect(await verdicts(brokenJson)).toEqual(['malformed']);

      const unknownHash = await checkPasted(`0x${'ab'.repeat(32)}`, 'Some text.');
      expect(await unknownHash.getByRole('article').count()).toBe(0);
      expect(await unknownHash.textContent()).not.toContain(stateStyles.verified.word);

      const words = await checkPasted('zebra quantum marmalade');
      expect(await words.textContent()).toContain(selectionHeadlines['not-signed']);
      await screenshot(popup, 'popup-paste-not-signed');
    });
  });
}
