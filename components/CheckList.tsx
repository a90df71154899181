import type { Check } from '../lib/verdict/types';
import { CheckIcon, CrossIcon, DashIcon, StateIcon } from './icons';
import { stateStyles } from './state-style';

export type CheckListProps = { checks: readonly Check[] };

export type Outcome = 'failed' | 'unreachable' | 'waiting' | 'passed' | 'skipped';

/** Failed first, then what could not be reached, what is not final yet, the passes, and what did not apply. */
const outcomeOrder: readonly Outcome[] = ['failed', 'unreachable', 'waiting', 'passed', 'skipped'];

export function outcomeOf(check: Check): Outcome {
  if (check.ok === true) return 'passed';
  // Neither what could not be checked nor what is still confirming reads as a failure (spec §6).
  if (check.implies === 'unavailable') return 'unreachable';
  if (check.implies === 'pending') return 'waiting';
  return check.ok === false ? 'failed' : 'skipped';
}

/** The checks in reading order: what decided the verdict comes first; the original order holds within a group. */
export function orderChecks(checks: readonly Check[]): Check[] {
  return outcomeOrder.flatMap((outcome) => checks.filter((check) => outcomeOf(check) === outcome));
}

const outcomeWords: Record<Outcome, string> = {
  failed: 'Failed',
  unreachable: "Couldn't check",
  waiting: 'Not final yet',
  passed: 'Passed',
  skipped: 'Not run',
};

/** Every check of a verdict with its outcome and detail. */
export function CheckList({ checks }: CheckListProps) {
  if (checks.length === 0) {
    return <p className="text-sm text-slate-500">No checks were recorded for this proof.</p>;
  }
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white">
      {orderChecks(checks).map((check) => (
        <CheckRow key={check.id} check={check} />
      ))}
    </ul>
  );
}

function CheckRow({ check }: { check: Check }) {
  const outcome = outcomeOf(check);
  const forced = outcome === 'failed' && check.implies ? check.implies : null;
  return (
    <li
      className={`flex gap-3 border-l-[3px] px-3.5 py-2.5 ${forced ? `${stateStyles[forced].tint} ${stateStyles[forced].rail}` : 'border-l-transparent'}`}
      data-outcome={outcome}
    >
      <OutcomeMark check={check} outcome={outcome} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5">
          <span className={`text-sm font-medium ${outcome === 'skipped' ? 'text-slate-500' : 'text-slate-900'}`}>
            {check.label}
          </span>
          <span className={`text-xs font-medium ${outcomeInk(check, outcome)}`}>
            {outcomeWords[outcome]}
            {forced && <span className="font-normal"> · makes the proof {stateStyles[forced].word.toLowerCase()}</span>}
          </span>
        </div>
        {check.detail && (
          <p className="mt-0.5 text-[13px] leading-snug break-words text-slate-600">{check.detail}</p>
        )}
      </div>
    </li>
  );
}

function outcomeInk(check: Check, outcome: Outcome): string {
  if (outcome === 'passed') return stateStyles.verified.ink;
  if (outcome === 'failed') return stateStyles[check.implies ?? 'invalid'].ink;
  if (outcome === 'waiting') return stateStyles.pending.ink;
  return 'text-slate-500';
}

function OutcomeMark({ check, outcome }: { check: Check; outcome: Outcome }) {
  const base = 'mt-0.5 flex size-5 items-center justify-center rounded-full';
  switch (outcome) {
    case 'passed':
      return (
        <span className={`${base} bg-emerald-100 text-emerald-700`}>
          <CheckIcon className="size-3.5" />
        </span>
      );
    case 'failed':
      return (
        <span className={`${base} ${stateStyles[check.implies ?? 'invalid'].fill} text-white`}>
          <CrossIcon className="size-3.5" />
        </span>
      );
    case 'waiting':
      return (
        <span className={`${base} ${stateStyles.pending.ink}`}>
          <StateIcon state="pending" className="size-5" />
        </span>
      );
    case 'unreachable':
      return (
        <span className={`${base} text-slate-500`}>
          <StateIcon state="unavailable" className="size-5" />
        </span>
      );
    case 'skipped':
      return (
        <span className={`${base} bg-slate-100 text-slate-400`}>
          <DashIcon className="size-3.5" />
        </span>
      );
  }
}
