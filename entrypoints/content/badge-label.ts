import { confidenceRated, confidenceWord } from '../../components/confidence-word';
import { checkingStyle, stateStyles } from '../../components/state-style';
import { verdictStates, type VerdictState } from '../../lib/verdict/states';
import type { Verdict } from '../../lib/verdict/types';

/** What a badge shows: a verdict's state, or `checking` before there is one. */
export type BadgeState = VerdictState | 'checking';

/** Every state a badge can show: checking, then each verdict state. */
export const badgeStates: readonly BadgeState[] = ['checking', ...verdictStates];

export function badgeStateOf(verdict: Verdict | undefined): BadgeState {
  return verdict?.state ?? 'checking';
}

/** The badge's word, the same as on every Verity page. */
export function badgeWord(state: BadgeState): string {
  return state === 'checking' ? checkingStyle.word : stateStyles[state].word;
}

/** A confidence as shown: a whole number from 0 to 100, its word, and whether it rates the proof at all. */
export type Confidence = { value: number; word: string; rated: boolean };

export function confidenceOf(confidence: number, state: VerdictState): Confidence {
  const value = Math.max(0, Math.min(100, Math.round(confidence)));
  return { value, word: confidenceWord(value, state), rated: confidenceRated(value, state) };
}

/** Confidence in words, for reading aloud: "confidence 95", or nothing for a proof it does not rate. */
function spokenConfidence(verdict: Verdict): string | undefined {
  const { value, rated } = confidenceOf(verdict.confidence, verdict.state);
  return rated ? `confidence ${value}` : undefined;
}

/**
 * The badge's accessible name: whose badge it is, the state, and the
 * confidence where it rates the proof, as in "Verity: verified, confidence 95". Said in full, since
 * a screen reader user hears no colour and sees no icon.
 */
export function badgeLabel(verdict: Verdict | undefined): string {
  if (verdict === undefined) return 'Verity: checking this proof';
  const confidence = spokenConfidence(verdict);
  const word = badgeWord(verdict.state).toLowerCase();
  return confidence === undefined ? `Verity: ${word}` : `Verity: ${word}, ${confidence}`;
}
