import type { VerdictState } from '../lib/verdict/states';
import { confidenceRated, confidenceWord } from './confidence-word';
import { stateStyles } from './state-style';

export type ConfidenceMeterProps = {
  /** 0 to 100, from the verdict. */
  value: number;
  /** Colours the bar and decides how a zero reads. */
  state: VerdictState;
  /** `compact` is the bare number for lists; `full` adds the bar and a word. */
  variant?: 'compact' | 'full';
};

/** Confidence out of 100 as a labelled meter; for a proof it does not rate, only "Not rated". */
export function ConfidenceMeter({ value, state, variant = 'full' }: ConfidenceMeterProps) {
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  const word = confidenceWord(clamped, state);
  const rated = confidenceRated(clamped, state);
  const spoken = rated ? `Confidence ${clamped} out of 100, ${word.toLowerCase()}` : 'Confidence not rated';
  if (variant === 'compact') {
    return (
      <span className="inline-flex items-baseline gap-0.5 tabular-nums text-slate-700" title={spoken}>
        <span className="sr-only">{spoken}</span>
        <span aria-hidden="true" className="text-sm font-semibold">
          {rated ? clamped : '–'}
        </span>
        {rated && (
          <span aria-hidden="true" className="text-[11px] text-slate-600">
            /100
          </span>
        )}
      </span>
    );
  }
  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-xs">
        <span className="font-medium text-slate-600">Confidence</span>
        <span className="whitespace-nowrap tabular-nums text-slate-700">
          {rated ? (
            <>
              <span className="font-semibold text-slate-900">{clamped}</span>
              <span className="text-slate-600">/100</span> · {word}
            </>
          ) : (
            word
          )}
        </span>
      </div>
      {rated && (
        <div
          role="meter"
          aria-label="Confidence"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={clamped}
          aria-valuetext={spoken}
          className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-slate-200/80"
        >
          <div className={`h-full rounded-full ${stateStyles[state].fill}`} style={{ width: `${clamped}%` }} />
        </div>
      )}
    </div>
  );
}
