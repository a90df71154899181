// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildReport } from '../lib/report/build-report';
import type { Report } from '../lib/report/schema';
import { click, renderDom } from '../test/ui/dom';
import { verifiedOgTee, verifiedPageProof } from '../test/ui/fixtures';
import { reportFile, reportFileName, ReportExport } from './ReportExport';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const checkedAt = new Date('2026-11-24T10:30:00.000Z');
const snippetReport = buildReport({
  generator: { kind: 'extension', version: '1.4.0' },
  source: { kind: 'page', location: 'https://news.example.com/a', title: 'A story' },
  scope: 'snippet',
  generatedAt: checkedAt,
  notChecked: 0,
  snippets: [{ index: 0, form: 'attribute', raw: verifiedPageProof.raw, verdict: verifiedOgTee, checkedAt }],
});

describe('ReportExport', () => {
  const render = (getReport: () => Promise<Report | null>) => {
    const save = vi.fn();
    const view = renderDom(<ReportExport title="Export report" getReport={getReport} save={save} />);
    cleanup = view.unmount;
    const button = (format: string) => view.container.querySelector<HTMLButtonElement>(`button[aria-label="Export report as ${format}"]`)!;
    return { save, button, container: view.container };
  };

  it("names a page's report by its host and day, and each proof's by its host and proof id, so none overwrites another", () => {
    const pageReport: Report = { ...snippetReport, scope: 'page' };
    expect(reportFileName(pageReport, 'json')).toBe('verity-page-news.example.com-2026-11-24.json');
    const proof = reportFileName(snippetReport, 'json');
    expect(proof).toMatch(/^verity-proof-news\.example\.com-[0-9a-f]{8}\.json$/);
    const other: Report = { ...snippetReport, snippets: [{ ...snippetReport.snippets[0]!, raw: `${snippetReport.snippets[0]!.raw}x` }] };
    expect(reportFileName(other, 'json')).not.toBe(proof);
    const attested: Report = { ...snippetReport, snippets: [{ ...snippetReport.snippets[0]!, facts: { uid: `0x${'ab'.repeat(32)}` } }] };
    expect(reportFileName({ ...attested, source: { kind: 'shared' } }, 'md')).toBe('verity-proof-shared-abababababab.md');
    expect(new Set([pageReport, snippetReport].map((report) => reportFileName(report, 'md'))).size).toBe(2);
  });

  it('saves the report as JSON that reads back as the same report', async () => {
    const { save, button } = render(() => Promise.resolve(snippetReport));
    await act(async () => click(button('JSON')));
    expect(save).toHaveBeenCalledTimes(1);
    const [text, fileName, type] = save.mock.calls[0]!;
    expect(JSON.parse(text)).toEqual(snippetReport);
    expect(fileName).toBe(reportFileName(snippetReport, 'json'));
    expect(type).toBe('application/json');
  });

  it('saves the report as Markdown', async () => {
    const { save, button, container } = render(() => Promise.resolve(snippetReport));
    await act(async () => click(button('Markdown')));
    const [text, fileName, type] = save.mock.calls[0]!;
    expect(text).toBe(reportFile(snippetReport, 'md').text);
    expect(text).toContain('news.example.com');
    expect(fileName.endsWith('.md')).toBe(true);
    expect(type).toBe('text/markdown');
    expect(container.querySelector('[role="status"]')?.textContent).toBe(`Saved ${fileName}`);
  });

  it('says why nothing was saved when the proofs are gone', async () => {
    const { save, button, container } = render(() => Promise.resolve(null));
    await act(async () => click(button('JSON')));
    expect(save).not.toHaveBeenCalled();
    expect(container.querySelector('[role="status"]')?.textContent).toMatch(/^Couldn't export: the proofs are no longer available/);
  });
});
