import { buildReport } from '../lib/report/build-report';
import { reportMarkdown } from '../lib/report/markdown';
import type { Report } from '../lib/report/schema';
import { escapeJsonForTerminal } from '../lib/text/terminal-safe';
import type { ReportFormat } from './args';
import type { CheckedSnippet } from './format-json';
import type { CheckedPageImage } from './page-images';

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
  /** The page's images; those with Content Credentials go into the report (not those it could not read: nothing says they have any). */
  images?: readonly CheckedPageImage[];
  generatedAt: Date;
};

/** `--report md|json`: the Verity report of a page, as Markdown or as one pretty-printed JSON object. */
export function formatReport({ format, source, url, title, version, snippets, notChecked, images = [], generatedAt }: FormatReportParameters): string {
  const report = buildReport({
    generator: { kind: 'cli', version },
    source: { ...reportSource(source, url), ...(title !== undefined && title !== '' && { title }) },
    scope: 'page',
    generatedAt,
    notChecked,
    snippets,
    images: images.flatMap(({ url: imageUrl, src, image }) => (image === null || image.imageUnread === true ? [] : [{ url: imageUrl ?? src, verdict: image }])),
  });
  return format === 'json' ? escapeJsonForTerminal(JSON.stringify(report, null, 2)) : reportMarkdown(report).trimEnd();
}

function reportSource(source: string, url: string | undefined): Report['source'] {
  if (source === '-') return { kind: 'stdin' };
  if (/^https?:\/\//i.test(source)) return { kind: 'page', location: url ?? source };
  return { kind: 'file', location: source };
}
