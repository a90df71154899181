/**
 * Verdict states in precedence order (spec §6): where several apply, the
 * first wins, so a definite failure outranks what could not be checked.
 */
export const verdictStates = [
  'malformed',
  'invalid',
  'altered',
  'untrusted',
  'unavailable',
  'pending',
  'verified',
] as const;

export type VerdictState = (typeof verdictStates)[number];

/** The state among `states` that wins by precedence; `verified` when there is none. */
export function worstState(states: Iterable<VerdictState>): VerdictState {
  let worst = verdictStates.length - 1;
  for (const state of states) worst = Math.min(worst, verdictStates.indexOf(state));
  return verdictStates[worst]!;
}
