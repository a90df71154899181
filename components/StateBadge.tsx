import type { ReactNode } from 'react';
import type { VerdictState } from '../lib/verdict/states';
import { SpinnerIcon, StateIcon } from './icons';
import { checkingStyle, stateStyles } from './state-style';

export type StateBadgeProps = {
  /** The verdict state; `null` while the proof is still being checked. */
  state: VerdictState | null;
  size?: 'sm' | 'md' | 'lg';
  /** Replaces the state's word, e.g. "Mixed" for a page whose proofs disagree. */
  label?: string;
  /** After the word, inside the pill: the reader's mark, as a genuine badge on a page draws it. */
  children?: ReactNode;
};

const sizes = {
  sm: { box: 'gap-1 px-1.5 py-0.5 text-xs', icon: 'size-3.5' },
  md: { box: 'gap-1.5 px-2 py-0.5 text-[13px]', icon: 'size-4' },
  lg: { box: 'gap-2 px-2.5 py-1 text-sm', icon: 'size-[18px]' },
} as const;

/** A verdict state as an icon and a word on the state's tint. */
export function StateBadge({ state, size = 'md', label, children }: StateBadgeProps) {
  const { box, icon } = sizes[size];
  const chip = state ? stateStyles[state].chip : checkingStyle.chip;
  const word = label ?? (state ? stateStyles[state].word : checkingStyle.word);
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full font-medium ring-1 ring-inset ${box} ${chip}`}
    >
      {state ? <StateIcon state={state} className={icon} /> : <SpinnerIcon className={icon} />}
      {word}
      {children}
    </span>
  );
}
