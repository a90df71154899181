import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { stateStyles } from '../../components/state-style';
import type { StartDevnetReturnType } from '../../devnet/devnet';
import type { ExtensionBrowser } from '../../devnet/extension-browser';
import { type Report, reportSchema } from '../../lib/report/schema';
import { publishedReportValidator } from '../report-json-schema';
import { verdictStates } from '../../lib/verdict/states';
import { exportReportFrom } from './report-download';
import { openDemoPage, openPopupBeside, screenshot, type DemoSession } from './demo-session';

/**
 * "Export report" in the popup, over the devnet's demo page: both formats
 * are downloaded as a user would, then read back. The popup is opened as a
 * background tab beside the demo page, which stays the active tab.
 */

export function describeReports(session: DemoSession): void {
  let devnet: StartDevnetReturnType;
  let browser: ExtensionBrowser;
  let popup: Page;

  beforeAll(async () => {
    ({ devnet, browser } = session);
    popup = await openPopupBeside(browser, await openDemoPage({ devnet, browser }));
    // Every proof listed with its verdict: the report is offered once none is being checked.
    await popup.getByRole('heading', { name: `On this page (${devnet.scenarios.length})` }).waitFor({ timeout: 20_000 });
    await popup.getByRole('button', { name: 'Export report as JSON' }).and(popup.locator(':enabled')).waitFor({ timeout: 20_000 });
  }, 180_000);


  const exportAs = (format: 'JSON' | 'Markdown') => exportReportFrom(popup, format);

  /** Each state's count among the scenarios, as the report's summary has them (states with none left out). */
  const expectedCounts = () =>
    Object.fromEntries(
      verdictStates
        .map((state) => [state, devnet.scenarios.filter((scenario) => scenario.expectedState === state).length] as const)
        .filter(([, count]) => count > 0),
    );

  const host = () => new URL(devnet.pageUrl!).hostname;
  const day = /\d{4}-\d{2}-\d{2}/.source;

  describe("exporting the page's report from the popup", () => {
    let report: Report;

    it('saves a JSON report that the schema accepts, with every snippet in its expected state', async () => {
      const { fileName, text } = await exportAs('JSON');
      expect(fileName).toMatch(new RegExp(`^verity-page-${host().replace(/\./g, '\\.')}-${day}\\.json$`));
      const json: unknown = JSON.parse(text);
      // The published JSON Schema, as a consumer would check it, and the zod schema it is generated from.
      expect(publishedReportValidator()(json)).toEqual([]);
      report = reportSchema.parse(json);

      expect(report.generator.kind).toBe('extension');
      expect(report.scope).toBe('page');
      expect(report.source).toMatchObject({ kind: 'page', location: devnet.pageUrl });
      expect(report.summary.snippets).toBe(devnet.scenarios.length);
      expect(report.summary.counts).toEqual(expectedCounts());
      expect(report.snippets.map((snippet) => snippet.state)).toEqual(devnet.scenarios.map((scenario) => scenario.expectedState));
      // The chain read, with the RPC the verdicts used, and the envelope itself for whoever checks again.
      expect(report.chains).toContainEqual(expect.objectContaining({ chainId: devnet.chainId, rpcs: [devnet.rpcUrl] }));
      // A chain no configuration names (the unavailable scenario) is listed, with no RPC answering for it.
      expect(report.chains.filter((chain) => chain.chainId !== devnet.chainId).every((chain) => chain.rpcs.length === 0)).toBe(true);
      const settled = report.snippets.find((snippet) => snippet.state === 'verified' && snippet.facts.anchorBlock !== undefined)!;
      expect(settled.facts.blockNumber).toMatch(/^[0-9]+$/);
      expect(report.snippets.filter((snippet) => snippet.state !== 'malformed').every((snippet) => snippet.raw !== null && snippet.raw.length > 0)).toBe(true);
      await popup.getByRole('group', { name: 'Export report' }).scrollIntoViewIfNeeded();
      await screenshot(popup, 'popup-report-export', { fullPage: false });
    });

    it('saves a Markdown report with its title, a table row and a section per snippet', async () => {
      const { fileName, text } = await exportAs('Markdown');
      expect(fileName).toMatch(new RegExp(`^verity-page-${host().replace(/\./g, '\\.')}-${day}\\.md$`));
      const lines = text.split('\n');
      expect(lines[0]).toBe('# Verity report');
      expect(text).toContain(`- **Source:** `);
      expect(text).toContain(devnet.pageUrl!);
      expect(text).toContain(`Verity checked ${devnet.scenarios.length} snippets`);

      const rows = lines.filter((line) => /^\| \d+ \|/.test(line));
      expect(rows).toHaveLength(devnet.scenarios.length);
      devnet.scenarios.forEach((scenario, index) => {
        const start = `| ${index + 1} | ${stateStyles[scenario.expectedState].word} |`;
        expect(rows[index]!.slice(0, start.length)).toBe(start);
      });

      const sections = lines.filter((line) => line.startsWith('## Snippet '));
      expect(sections).toEqual(devnet.scenarios.map((scenario, index) => `## Snippet ${index + 1}: ${stateStyles[scenario.expectedState].word}`));
      // Every section carries its checks and its envelope.
      expect(text.match(/^### Checks$/gm)).toHaveLength(devnet.scenarios.length);
      expect(text.match(/^### Envelope$/gm)).toHaveLength(devnet.scenarios.length);
    });
  });
}
