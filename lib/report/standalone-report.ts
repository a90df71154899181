import type { Verdict } from '../verdict/types';
import { buildReport } from './build-report';
import type { Report } from './schema';

export type StandaloneReportParameters = {
  /** The extension's (or the verifier page's) version. */
  version: string;
  /** What made it: the extension (the default) or the static verifier page. */
  generator?: 'extension' | 'web';
  /**
   * Pasted into the popup, or opened from a share link; a link's page
   * address is only what the link says, kept as the location it claims.
   */
  source: { kind: 'pasted' } | { kind: 'shared'; location?: string };
  /** The proof exactly as given. */
  raw: string;
  verdict: Verdict;
  checkedAt: Date;
};

export type StandaloneReportReturnType = Report;

/**
 * The report of one proof checked on its own, away from its page, made when
 * it was checked. Its one snippet is `pasted`, however the proof arrived.
 */
export function standaloneReport({ version, generator = 'extension', source, raw, verdict, checkedAt }: StandaloneReportParameters): StandaloneReportReturnType {
  return buildReport({
    generator: { kind: generator, version },
    source,
    scope: 'snippet',
    generatedAt: checkedAt,
    notChecked: 0,
    snippets: [{ index: 0, form: 'pasted', raw, verdict, checkedAt }],
  });
}
