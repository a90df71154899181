import { ConfidenceMeter } from '../../components/ConfidenceMeter';
import { ReportExport } from '../../components/ReportExport';
import { StateBadge } from '../../components/StateBadge';
import { StateCounts } from '../../components/StateCounts';
import { EmptyState } from '../../components/Status';
import type { TabImage, TabState } from '../../messaging/messages';
import type { Report } from '../../lib/report/schema';
import { summarizePage } from '../popup/page-summary';
import { InspectorFrame } from './InspectorView';
import { TabImagesSection } from './TabImagesSection';

export type TabProofsViewProps = {
  tab: TabState;
  /** The inspector's address for one proof of this tab. */
  proofUrl: (proofId: string) => string;
  /** The page's report as it stands when asked; null when the tab is gone. */
  getReport: () => Promise<Report | null>;
  /** The images with Content Credentials the page showed, and how many of its images Verity could not read. */
  images: { images: readonly TabImage[]; unread: number };
  /** The inspector's address for one image. */
  imageUrl: (url: string) => string;
};

/** Every proof of a tab, each leading to its details, then its images with Content Credentials. */
export function TabProofsView({ tab, proofUrl, getReport, images, imageUrl }: TabProofsViewProps) {
  const summary = summarizePage(tab.proofs);
  const hasImages = images.images.length > 0;
  return (
    <InspectorFrame pageUrl={tab.url}>
      <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">Proofs on this page</h1>
          <p className="mt-1 text-sm text-slate-500">Choose a proof to see every check, the chain facts and the envelope.</p>
        </div>
        <StateCounts counts={summary.counts} checking={summary.checking} />
      </div>
      {tab.proofs.length === 0 ? (
        <EmptyState title="No proofs on this page">
          {hasImages ? 'The page has no text with an AI proof.' : 'The page has no content with an AI proof, or it has been closed.'}
        </EmptyState>
      ) : (
        <ol className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white">
          {tab.proofs.map((proof, index) => (
            <li key={proof.id}>
              <a
                href={proofUrl(proof.id)}
                className="focus-ring grid grid-cols-[2rem_minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 px-4 py-3 hover:bg-slate-50 sm:grid-cols-[2rem_9rem_minmax(0,1fr)_4rem] sm:gap-3"
              >
                <span className="text-xs text-slate-400 tabular-nums">{index + 1}</span>
                <span>
                  <StateBadge state={proof.verdict?.state ?? null} size="sm" />
                </span>
                {/* Narrow (a phone, 400 % zoom): the text on a row of its own under the state and the confidence. */}
                <span className="col-span-2 col-start-2 row-start-2 min-w-0 sm:col-span-1 sm:col-start-auto sm:row-start-auto">
                  <span className="block truncate text-sm text-slate-800">{proof.excerpt || 'No text'}</span>
                  <span className="block font-mono text-[11px] text-slate-400">
                    {proof.verdict?.proofType ?? 'unknown type'} · {proof.form}
                  </span>
                </span>
                <span className="text-right">
                  {proof.verdict && (
                    <ConfidenceMeter value={proof.verdict.confidence} state={proof.verdict.state} variant="compact" />
                  )}
                </span>
              </a>
            </li>
          ))}
        </ol>
      )}
      {tab.notChecked > 0 && (
        <p className="mt-3 text-sm text-slate-500">
          {tab.notChecked} more {tab.notChecked === 1 ? 'proof was' : 'proofs were'} found but not checked.
        </p>
      )}
      <TabImagesSection images={images.images} unread={images.unread} imageUrl={imageUrl} />
      {(tab.proofs.length > 0 || hasImages) && (
        <div className="mt-6 rounded-xl border border-slate-200 bg-white px-4 py-3">
          <ReportExport title="Export page report" getReport={getReport} />
          <p className="mt-1 text-xs text-slate-500">
            Every proof and image of this page with every check, the chain ids, blocks and RPC endpoints read, and the
            envelopes: JSON to keep or check again, Markdown to paste into notes or an article.
          </p>
        </div>
      )}
    </InspectorFrame>
  );
}
