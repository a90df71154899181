import type { VerdictState } from '../lib/verdict/states';

/**
 * Whether a confidence says anything beside its state. It rates how strong
 * the evidence is for a proof that holds (verified, pending, or untrusted
 * with its signature checked); for the others it is zero by rule, and
 * "0/100 · None" beside "Invalid" reads as a second verdict.
 * Plain TypeScript, no React: the content script uses it too.
 */
export function confidenceRated(value: number, state: VerdictState): boolean {
  return value > 0 && (state === 'verified' || state === 'pending' || state === 'untrusted');
}

/**
 * The word for a confidence, never at odds with the state: a verified proof
 * is at least "Good" (its checks passed), a pending one is "Not final yet",
 * an untrusted one "Weak" (no one the reader trusts vouches for it).
 */
export function confidenceWord(value: number, state: VerdictState): string {
  if (!confidenceRated(value, state)) return 'Not rated';
  if (state === 'pending') return 'Not final yet';
  if (state === 'untrusted') return 'Weak';
  if (value >= 90) return 'Very strong';
  if (value >= 75) return 'Strong';
  return 'Good';
}
