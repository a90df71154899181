import type { ReactNode } from 'react';
import { CheckList, outcomeOf } from '../../components/CheckList';
import { ConfidenceMeter } from '../../components/ConfidenceMeter';
import { CopyButton } from '../../components/CopyButton';
import { FactsTable } from '../../components/FactsTable';
import { ExternalIcon } from '../../components/icons';
import { StateBadge } from '../../components/StateBadge';
import { stateStyles } from '../../components/state-style';
import { TextDiff, textsToDiff } from '../../components/TextDiff';
import type { StandaloneResult } from '../../messaging/messages';
import type { ProofShareLinkReturnType } from '../inspector/share';
import { readerReasonOf } from '../../lib/verdict/reader-reason';
import { OriginWords } from '../../components/OriginWords';
import { originFactsOf } from '../../lib/verdict/origin-facts';
import { scopeOf } from '../../lib/verdict/scope';

export type PastedProofCardProps = {
  result: StandaloneResult;
  /** A share link to the inspector for the result, or why there is none (too large for a link). */
  inspectorLink: ProofShareLinkReturnType;
  /** The plain-text citation "Copy citation" puts on the clipboard. */
  citation: string;
};

/** One pasted proof and its verdict, with the same details as on a page, folded so the popup stays short. */
export function PastedProofCard({ result, inspectorLink, citation }: PastedProofCardProps) {
  const { verdict } = result;
  const style = stateStyles[verdict.state];
  const failedChecks = verdict.checks.filter((check) => outcomeOf(check) === 'failed').length;
  const { text } = verdict;
  const diff = textsToDiff(text);
  return (
    <article aria-label={result.label} data-state={verdict.state} className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs">
      <div className={`space-y-2.5 border-l-[3px] px-3 py-3 ${style.rail}`}>
        <h2 className="text-[13px] leading-snug font-semibold break-words text-slate-900">{result.label}</h2>
        <div className="flex items-center justify-between gap-3">
          <StateBadge state={verdict.state} size="md" />
          <div className="max-w-56 min-w-0 flex-1">
            <ConfidenceMeter value={verdict.confidence} state={verdict.state} />
          </div>
        </div>
        <p className={`text-[13px] leading-snug ${verdict.state === 'verified' ? 'text-slate-700' : style.ink}`}>{readerReasonOf(verdict)}</p>
        <OriginWords scope={scopeOf(verdict.state)} facts={originFactsOf(verdict)} />
        <div className="flex flex-wrap items-center gap-2 pt-0.5">
          {inspectorLink.ok ? (
            <a href={inspectorLink.link} target="_blank" rel="noopener" className="btn-secondary">
              <ExternalIcon className="size-4" />
              Open in inspector
            </a>
          ) : (
            <p className="text-xs text-slate-500">Can't open in the inspector: {inspectorLink.reason}</p>
          )}
          <CopyButton text={citation} label="Copy citation" />
        </div>
      </div>
      <Fold title="Checks" aside={`${verdict.checks.length}${failedChecks > 0 ? ` · ${failedChecks} failed` : ''}`}>
        <CheckList checks={verdict.checks} />
      </Fold>
      <Fold title="Key facts">
        <FactsTable facts={verdict.facts} />
      </Fold>
      {diff && (
        <Fold title="Signed text and yours" aside={text.match === 'wording' ? 'same words' : 'differs'}>
          <TextDiff {...diff} afterName="text checked" />
        </Fold>
      )}
    </article>
  );
}

/** A section opened on demand: native <details>, so the keyboard and screen readers know it. */
function Fold({ title, aside, children }: { title: string; aside?: string; children: ReactNode }) {
  return (
    <details className="group border-t border-slate-100">
      <summary className="focus-ring flex cursor-pointer list-none items-center justify-between gap-2 px-3 py-2 text-[13px] font-medium text-slate-700 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <span className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block text-slate-400 transition-transform group-open:rotate-90">
            ›
          </span>
          {title}
        </span>
        {aside && <span className="text-xs font-normal text-slate-500 tabular-nums">{aside}</span>}
      </summary>
      <div className="bg-slate-50/60 px-3 pt-1 pb-3">{children}</div>
    </details>
  );
}
