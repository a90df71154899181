import type { SelectionCheck } from '../messaging/messages';
import { ConfidenceMeter } from './ConfidenceMeter';
import { CopyButton } from './CopyButton';
import { QuoteParts } from './QuoteParts';
import { OriginWords } from './OriginWords';
import { selectionOriginOf } from './selection-origin';
import { quoteIsSigned, selectionHeadlines } from './selection-outcome';
import { StateBadge } from './StateBadge';
import { stateStyles } from './state-style';

export type SelectionCheckViewProps = {
  check: SelectionCheck;
  /** Shows a proof's snippet on the page, from the parts list. */
  onReveal?: (proofId: string) => void;
  /** The proof whose snippet could not be found when it was last asked for. */
  missing?: string;
};

/**
 * The answer to a quote check: whether proofs of the page sign the words,
 * their verdict when one does, the quote, and where each part was found.
 */
export function SelectionCheckView({ check, onReveal, missing }: SelectionCheckViewProps) {
  // The verdict is the quote's only when proofs sign every word of it: a quote partly signed, or signed nowhere, is vouched for by no one.
  const state = quoteIsSigned(check.outcome) ? check.state : undefined;
  const tone = state ? stateStyles[state].panel : 'bg-white border-slate-200';
  const showParts = check.parts.length > 1 || check.parts.some((part) => part.proofId !== null);
  return (
    <div className="space-y-2.5">
      <div className={`space-y-2 rounded-lg border px-3 py-2.5 ${tone}`}>
        {state && (
          <div className="flex items-center justify-between gap-3">
            <StateBadge state={state} size="md" />
            {check.confidence !== undefined && (
              <div className="max-w-56 min-w-0 flex-1">
                <ConfidenceMeter value={check.confidence} state={state} />
              </div>
            )}
          </div>
        )}
        <div>
          <p className="text-sm font-semibold text-slate-900">{selectionHeadlines[check.outcome]}</p>
          <p className="mt-0.5 text-[13px] leading-snug text-slate-700">{check.summary}</p>
        </div>
        <OriginWords {...selectionOriginOf(check)} />
        {check.quote && (
          <blockquote
            className="line-clamp-4 border-l-2 border-slate-300 pl-2.5 text-[13px] leading-snug text-slate-800 italic"
            title={check.quote}
          >
            {check.quote}
          </blockquote>
        )}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-xs text-slate-500">
            Checked <CheckedTime at={check.checkedAt} />
          </p>
          {check.citation && <CopyButton text={check.citation} label="Copy citation" title="The selected words, the verdict, who vouches and a share link, to paste" />}
        </div>
      </div>
      {showParts && <QuoteParts parts={check.parts} onReveal={onReveal} missing={missing} />}
    </div>
  );
}

function CheckedTime({ at }: { at: number }) {
  const date = new Date(at);
  return <time dateTime={date.toISOString()}>{date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</time>;
}
