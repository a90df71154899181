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

  it('names a report file by its page and day', () => {
    expect(reportFileName(snippetReport, 'json')).toBe('verity-report-news.example.com-2026-11-24.json');
    expect(reportFileName({ ...snippetReport, source: { kind: 'shared' } }, 'md')).toBe('verity-report-shared-2026-11-24.md');
  });

  it('saves the report as JSON that reads back as the same report', async () => {
    const { save, button } = render(() => Promise.resolve(snippetReport));
    await act(async () => click(button('JSON')));
    expect(save).toHaveBeenCalledTimes(1);
    const [text, fileName, type] = save.mock.calls[0]!;
    expect(JSON.parse(text)).toEqual(snippetReport);
    expect(fileName).toBe('verity-report-news.example.com-2026-11-24.json');
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
