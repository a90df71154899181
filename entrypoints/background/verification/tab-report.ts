import { buildReport } from '../../../lib/report/build-report';
import type { ReportImageParameters } from '../../../lib/report/report-image';
import type { Report } from '../../../lib/report/schema';
import type { VerificationService } from './verification-service';

export type CreateTabReportParameters = {
  service: Pick<VerificationService, 'tabVerdicts'>;
  /** The extension's version (runtime.getManifest().version). */
  version: string;
  /** The tab's title, when the browser lets the worker read it. */
  titleOf?: ((tabId: number) => Promise<string | undefined>) | undefined;
  /** The tab's images with Content Credentials, for a page's report. */
  imagesOf?: ((tabId: number) => Promise<ReportImageParameters[]>) | undefined;
  now?: (() => number) | undefined;
};

export type TabReport = (tabId: number, proofId?: string) => Promise<Report | null>;

/**
 * The report of a tab's proofs and images (scope page), or of one proof (scope
 * snippet), each with the verdict it has now: proofs not verified yet are
 * verified first. Null when the worker knows no page in the tab, or the
 * proof has left it.
 */
export function createTabReport({ service, version, titleOf = async () => undefined, imagesOf = async () => [], now = Date.now }: CreateTabReportParameters): TabReport {
  return async (tabId, proofId) => {
    const tab = await service.tabVerdicts(tabId);
    if (!tab) return null;
    // Indexes are the proofs' places in the page, also in a one-snippet report.
    const snippets = tab.proofs
      .map(({ proof, input, verdict, checkedAt }, index) => ({ id: proof.id, index, form: proof.form, raw: input?.raw ?? null, verdict, checkedAt: new Date(checkedAt) }))
      .filter((snippet) => proofId === undefined || snippet.id === proofId);
    if (proofId !== undefined && snippets.length === 0) return null;
    const title = await titleOf(tabId).catch(() => undefined);
    // A page's report lists its images after the snippets; one snippet's report is about that snippet alone.
    const images = proofId === undefined ? await imagesOf(tabId).catch(() => []) : [];
    return buildReport({
      generator: { kind: 'extension', version },
      source: { kind: 'page', location: tab.url, ...(title && { title }) },
      scope: proofId === undefined ? 'page' : 'snippet',
      generatedAt: new Date(now()),
      notChecked: proofId === undefined ? tab.notChecked : 0,
      snippets: snippets.map(({ id: _id, ...snippet }) => snippet),
      images,
    });
  };
}
