import type { StateCounts as Counts } from '../messaging/messages';
import { verdictStates } from '../lib/verdict/states';
import { SpinnerIcon, StateIcon } from './icons';
import { checkingStyle, stateStyles } from './state-style';

export type StateCountsProps = {
  counts: Counts;
  /** Proofs still being checked, listed last. */
  checking?: number;
};

/** How many proofs are in each state, worst first; states with none are left out. */
export function StateCounts({ counts, checking = 0 }: StateCountsProps) {
  const present = verdictStates.filter((state) => (counts[state] ?? 0) > 0);
  if (present.length === 0 && checking === 0) return null;
  return (
    <ul aria-label="Proofs by state" className="flex flex-wrap gap-1.5">
      {present.map((state) => (
        <li
          key={state}
          className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${stateStyles[state].chip}`}
        >
          <StateIcon state={state} className="size-3.5" />
          <span className="tabular-nums font-semibold">{counts[state]}</span>
          <span>{stateStyles[state].word}</span>
        </li>
      ))}
      {checking > 0 && (
        <li
          className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${checkingStyle.chip}`}
        >
          <SpinnerIcon className="size-3.5" />
          <span className="tabular-nums font-semibold">{checking}</span>
          <span>{checkingStyle.word}</span>
        </li>
      )}
    </ul>
  );
}
