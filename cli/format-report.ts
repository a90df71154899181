import { buildReport } from '../lib/report/build-report';
import { reportMarkdown } from '../lib/report/markdown';
import type { Report } from '../lib/report/schema';
import { escapeJsonForTerminal } from '../lib/text/terminal-safe';
import type { ReportFormat } from './args';
import type { CheckedSnippet } from './format-json';

export type FormatReportParameters = {
  format: ReportFormat;
  /** SOURCE as given: an http(s) URL, a file path, or - for standard input. */
  source: string;
  /** Where a fetched page ended up after redirects. */
  url?: string;
  /** The page's title, when it has one. */
  title?: string;
  /** The CLI's package version. */
  version: string;
  snippets: readonly CheckedSnippet[];
  notChecked: number;
  generatedAt: Date;
};

/** `--report md|json`: the Verity report of a page, as Markdown or as one pretty-printed JSON object. */
export function formatReport({ format, source, url, title, version, snippets, notChecked, generatedAt }: FormatReportParameters): string {
  const report = buildReport({
    generator: { kind: 'cli', version },
    source: { ...reportSource(source, url), ...(title !== undefined && title !== '' && { title }) },
    scope: 'page',
    generatedAt,
    notChecked,
    snippets,
  });
  return format === 'json' ? escapeJsonForTerminal(JSON.stringify(report, null, 2)) : reportMarkdown(report).trimEnd();
}

function reportSource(source: string, url: string | undefined): Report['source'] {
  if (source === '-') return { kind: 'stdin' };
  if (/^https?:\/\//i.test(source)) return { kind: 'page', location: url ?? source };
  return { kind: 'file', location: source };
}
