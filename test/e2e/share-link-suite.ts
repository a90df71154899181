import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as browserApi } from 'wxt/browser';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../devnet/extension-browser';
import type { StartDevnetReturnType } from '../../devnet/devnet';
import type { PageProof } from '../../lib/extract/page-proof';
import { reportSchema } from '../../lib/report/schema';
import { defaultShareLinkBase } from '../../lib/share/share-base';
import { shareFragment, shareLink } from '../../lib/share/share-link';
import { openDemoPage, openExtensionPage, screenshot, sendFrom, storeTrustConfig, type DemoSession } from './demo-session';
import { expectNoAxeViolations } from './axe';

declare const chrome: typeof browserApi;

/**
 * Share links in Chromium: a proof the extension found on the devnet's
 * demo page, shared as the inspector's "Copy share link" makes it, opened
 * in a second browser with a fresh profile that never saw the page. That
 * browser's own extension verifies it against anvil; a link whose text was
 * changed shows altered, and a damaged link says why it cannot be opened.
 * The author is the demo session's browser (shared-session.test.ts).
 */

let devnet: StartDevnetReturnType;
let author: ExtensionBrowser;
let reader: ExtensionBrowser;
let inspectorUrl: string;
let proof: Omit<PageProof, 'id'>;

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

const openLink = (fragment: string): Promise<Page> => openExtensionPage(reader, `inspector.html${fragment}`);

/** Goes to a link in a new tab of the reader's browser and waits for the extension to turn the tab to its inspector. */
async function landsInInspector(link: string): Promise<Page> {
  const page = await reader.context.newPage();
  // The navigation the extension replaces ends as aborted: what counts is where the tab lands.
  await page.goto(link).catch(() => undefined);
  const inspector = new RegExp(`^chrome-extension://${reader.extensionId}/inspector\\.html#share=v1\\.`);
  await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(inspector);
  return page;
}

export function describeShareLink(session: DemoSession): void {
  describe('share links in Chromium', () => {
    beforeAll(async () => {
      ({ devnet, browser: author } = session);
      const { tabId } = await openDemoPage({ devnet, browser: author });
      const helper = await openExtensionPage(author);
      const index = devnet.scenarios.findIndex((scenario) => scenario.id === 'og-tee-individual-settlement');
      const details = await sendFrom(helper, 'proof-details', { tabId, id: `p${index}` });
      expect(details?.verdict?.state).toBe('verified');
      inspectorUrl = `chrome-extension://${author.extensionId}/inspector.html?tab=${tabId}&proof=p${index}`;
      const { id: _id, ...found } = details!.proof;
      proof = found;

      // The same built extension in a profile of its own: same id, no history, no page seen.
      reader = await launchExtensionBrowser();
      expect(reader.userDataDir).not.toBe(author.userDataDir);
      await storeTrustConfig(reader, devnet.trustConfig);
    }, 240_000);

    afterAll(() => reader?.close());

    it('gives a share link from the inspector of the page the proof is on', async () => {
      const page = await author.context.newPage();
      await page.goto(inspectorUrl);
      await page.getByRole('heading', { name: 'Checks', exact: true }).waitFor({ timeout: 20_000 });
      const copy = page.getByRole('button', { name: 'Copy share link' });
      expect(await copy.isEnabled()).toBe(true);
      expect(await copy.getAttribute('title')).toBe('A link that opens where Verity is installed, to verify this proof there');
      await page.close();
    });

    it('re-verifies a shared proof in a fresh profile, against the chain, with that browser’s own extension', async () => {
      const page = await openLink(shareFragment({ proof, pageUrl: devnet.pageUrl }));
      await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('Verified · Shared proof · Verity');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('The proof checks out');

      const banner = section(page, 'Shared with you');
      const bannerText = (await banner.textContent()) ?? '';
      expect(bannerText).toContain('Checked just now by your own Verity against the chain');
      expect(bannerText).toContain('Nothing in the link is taken on trust');
      expect(bannerText).toContain(`The link says it comes from ${new URL(devnet.pageUrl!).origin}`);
      expect(await banner.getByRole('link').count()).toBe(0);

      const facts = section(page, 'Chain facts');
      const terms = await facts.getByRole('term').allTextContents();
      expect(terms).toEqual(expect.arrayContaining(['Chain', 'Read at block', 'Transaction']));
      expect((await facts.textContent()) ?? '').toContain(`id ${devnet.chainId}`);
      const readAt = await facts.getByRole('definition').nth(terms.indexOf('Read at block')).textContent();
      expect(readAt).toMatch(/^\d+$/);
      expect(Number(readAt)).toBeGreaterThan(0);

      // The reader's worker made this verdict: it recorded it in its own history, from the link.
      const worker = await reader.serviceWorker();
      await expect
        .poll(async () => {
          const stored = await worker.evaluate(() => chrome.storage.local.get('verity.history'));
          return ((stored['verity.history'] as { source: string; state?: string }[] | undefined) ?? []).map(({ source, state }) => `${source}:${state}`);
        })
        .toContain('shared:verified');

      // Its report is this browser's own, of the shared proof.
      const exportedJson = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export report as JSON' }).click();
      const report = reportSchema.parse(JSON.parse(await readFile((await (await exportedJson).path())!, 'utf8')));
      expect(report.source).toEqual({ kind: 'shared', location: devnet.pageUrl });
      expect(report.snippets.map(({ state, form }) => [state, form])).toEqual([['verified', 'pasted']]);
      expect(report.snippets[0]!.facts.blockNumber).toBe(readAt);
      expect(report.chains.map(({ chainId }) => chainId)).toEqual([devnet.chainId]);
      const exportedMarkdown = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export report as Markdown' }).click();
      const markdownDownload = await exportedMarkdown;
      expect(markdownDownload.suggestedFilename()).toMatch(/^verity-proof-127\.0\.0\.1-[0-9a-f]{8,12}\.md$/);
      expect(await readFile((await markdownDownload.path())!, 'utf8')).toContain(proof.shownText.slice(0, 40));

      await screenshot(page, 'share-link-verified');
      await expectNoAxeViolations(page, "the inspector's share view");
      await page.getByRole('button', { name: 'Verify again' }).click();
      await page.getByRole('button', { name: 'Verify again' }).waitFor({ timeout: 20_000 });
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('The proof checks out');
      await page.close();
    });

    it("opens a link to the verifier page in its own inspector, before the page is asked for, and the author's citation links there", async () => {
      // The default base is a placeholder no one hosts: only the extension turning the tab to its inspector opens it.
      const page = await landsInInspector(shareLink(defaultShareLinkBase, { proof, pageUrl: devnet.pageUrl! }));
      await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('Verified · Shared proof · Verity');
      await page.close();

      const authorPage = await author.context.newPage();
      await authorPage.goto(inspectorUrl);
      await authorPage.getByRole('heading', { name: 'Checks', exact: true }).waitFor({ timeout: 20_000 });
      await authorPage.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await authorPage.getByRole('button', { name: 'Copy citation' }).click();
      const citation = await authorPage.evaluate(() => navigator.clipboard.readText());
      // No verifier page is hosted at the placeholder: the citation and the inspector say where its links open.
      expect(citation).toContain(`Check it yourself with the Verity browser extension: ${defaultShareLinkBase}#share=v1.`);
      await authorPage.getByRole('button', { name: 'Copy share link' }).click();
      expect((await authorPage.evaluate(() => navigator.clipboard.readText())).startsWith(`${defaultShareLinkBase}#share=v1.`)).toBe(true);
      const note = authorPage.getByText('The share link and the citation’s link open only where Verity is installed.');
      await note.waitFor();
      await screenshot(authorPage.getByRole('region', { name: 'The proof checks out' }), 'inspector-share-link-verity-only');
      await authorPage.getByRole('link', { name: '“Share links open at” in Verity’s options' }).waitFor();
      await authorPage.close();
    });

    it("opens a link to another reader's verifier page too, and leaves a site's own #share= alone", async () => {
      const page = await landsInInspector(shareLink('https://verify.newsroom.test/check/', { proof, pageUrl: devnet.pageUrl! }));
      await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('Verified · Shared proof · Verity');
      await page.close();

      const site = await reader.context.newPage();
      const address = `${devnet.pageUrl!}#share=elsewhere`;
      await site.goto(address);
      await site.waitForTimeout(1_000);
      expect(site.url()).toBe(address);
      await site.close();
    });

    it('opens links to the page the reader sets under "Share links open at"', async () => {
      const options = await openExtensionPage(reader, 'options.html');
      const field = options.getByRole('textbox', { name: 'Share links open at' });
      await field.fill('https://verify.example.org/verity/');
      await options.getByRole('button', { name: 'Save address' }).click();
      await options.getByText('Share links now open at https://verify.example.org/verity/').waitFor();
      await screenshot(field.locator('xpath=ancestor::form'), 'options-share-link-base');
      await options.close();

      const page = await landsInInspector(shareLink('https://verify.example.org/verity/', { proof }));
      await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('Verified · Shared proof · Verity');
      await page.close();
    });

    it('shows altered for a link whose text was changed', async () => {
      const changed = proof.shownText.replace(/\b(\w)(\w*)\b/, (word) => `${word.toUpperCase()}!`);
      expect(changed).not.toBe(proof.shownText);
      const page = await openLink(shareFragment({ proof: { ...proof, shownText: changed, renderedText: changed }, pageUrl: devnet.pageUrl }));
      await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('Altered · Shared proof · Verity');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('The text was changed after it was signed');
      const checks = section(page, 'Checks').getByRole('listitem');
      expect(await checks.first().getAttribute('data-outcome')).toBe('failed');
      await screenshot(page, 'share-link-altered');
      await page.close();
    });

    it('says why a damaged link cannot be opened', async () => {
      const fragment = shareFragment({ proof, pageUrl: devnet.pageUrl });
      const page = await openLink(fragment.slice(0, Math.floor(fragment.length / 2)));
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 20_000 });
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain("This share link can't be opened");
      expect(text).toMatch(/damaged: /);
      await screenshot(page, 'share-link-damaged');
      await expectNoAxeViolations(page, "the inspector's damaged share link");
      await page.close();
    });
  });
}
