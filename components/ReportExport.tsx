import { useState } from 'react';
import { reportMarkdown } from '../lib/report/markdown';
import type { Report, ReportSnippet } from '../lib/report/schema';
import { downloadText } from './download';
import { messageOf } from './error-message';
import { DownloadIcon, SpinnerIcon } from './icons';

export type ReportFormat = 'json' | 'md';

const formats: Record<ReportFormat, { name: string; type: string; text: (report: Report) => string }> = {
  json: { name: 'JSON', type: 'application/json', text: (report) => `${JSON.stringify(report, null, 2)}\n` },
  md: { name: 'Markdown', type: 'text/markdown', text: reportMarkdown },
};

/**
 * Distinct names for a page's report and each proof's, safe everywhere:
 * `verity-page-news.example.com-2026-11-24.md` (the page's host and day),
 * `verity-proof-news.example.com-3f9a0c12.json` (the host and the proof's
 * id: its attestation UID's start, else a digest of the proof as found).
 */
export function reportFileName(report: Report, format: ReportFormat): string {
  const { location } = report.source;
  const place = location && URL.canParse(location) ? new URL(location).hostname : report.source.kind;
  const snippet = report.snippets[0];
  const what = report.scope === 'snippet' && snippet !== undefined ? `proof-${safeName(place)}-${proofIdOf(snippet)}` : `page-${safeName(place)}-${report.generatedAt.slice(0, 10)}`;
  return `verity-${what}.${format}`;
}

function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'proof';
}

/** A proof's short id for a file name: its attestation UID's first twelve digits, else an FNV-1a digest of the proof as found. */
function proofIdOf({ facts, raw: kept, text }: ReportSnippet): string {
  if (facts.uid !== undefined) return facts.uid.slice(2, 14);
  // A proof Verity did not keep (the tab's budget): its shown text names it instead.
  const raw = kept ?? text.shown;
  let hash = 0x811c9dc5;
  for (let index = 0; index < raw.length; index++) hash = Math.imul(hash ^ raw.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The report as a file's text and type, in one of the two formats. */
export function reportFile(report: Report, format: ReportFormat): { text: string; type: string; fileName: string } {
  const { type, text } = formats[format];
  return { text: text(report), type, fileName: reportFileName(report, format) };
}

export type ReportExportProps = {
  /** The group's name: "Export report", "Export page report". */
  title: string;
  /** The report, asked for when a format is chosen so it is current; null when there is nothing to report any more. */
  getReport: () => Promise<Report | null>;
  /** Saves a file; the browser's download by default. */
  save?: (text: string, fileName: string, type: string) => void;
  /** The report is still being made. */
  disabled?: boolean;
};

type ExportStatus = { kind: 'idle' } | { kind: 'working' } | { kind: 'saved'; fileName: string } | { kind: 'failed'; message: string };

/** Exports a report as JSON (every check and the envelope) or as Markdown for notes and articles. */
export function ReportExport({ title, getReport, save = downloadText, disabled = false }: ReportExportProps) {
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });
  const exportAs = (format: ReportFormat) => {
    setStatus({ kind: 'working' });
    getReport().then(
      (report) => {
        if (!report) return setStatus({ kind: 'failed', message: 'the proofs are no longer available; reload the page and try again.' });
        const file = reportFile(report, format);
        save(file.text, file.fileName, file.type);
        setStatus({ kind: 'saved', fileName: file.fileName });
      },
      (error: unknown) => setStatus({ kind: 'failed', message: messageOf(error) }),
    );
  };
  return (
    <div role="group" aria-label={title} className="flex flex-wrap items-center gap-2">
      <span className="text-xs font-medium text-slate-500" aria-hidden="true">
        {title}
      </span>
      {(Object.keys(formats) as ReportFormat[]).map((format) => (
        <button
          key={format}
          type="button"
          className="btn-secondary"
          onClick={() => exportAs(format)}
          disabled={disabled || status.kind === 'working'}
          aria-label={`${title} as ${formats[format].name}`}
        >
          {status.kind === 'working' ? <SpinnerIcon className="size-4" /> : <DownloadIcon className="size-4" />}
          {formats[format].name}
        </button>
      ))}
      <p role="status" className={`basis-full text-xs ${status.kind === 'failed' ? 'text-red-700' : 'text-slate-500'}`}>
        {status.kind === 'saved' && `Saved ${status.fileName}`}
        {status.kind === 'failed' && `Couldn't export: ${status.message}`}
      </p>
    </div>
  );
}
