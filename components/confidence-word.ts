import type { VerdictState } from '../lib/verdict/states';

/**
 * The word for a confidence. States that are not a judgement on the proof
 * (could not check, still confirming) are not called "none" at zero.
 * Plain TypeScript, no React: the content script uses it too.
 */
export function confidenceWord(value: number, state: VerdictState): string {
  if (state === 'unavailable') return 'Not rated';
  if (value >= 85) return 'High';
  if (value >= 65) return 'Moderate';
  if (value > 0) return 'Low';
  return 'None';
}
