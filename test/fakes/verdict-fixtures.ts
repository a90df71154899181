import type { VerdictState } from '../../lib/verdict/states';
import type { Verdict, VerdictFacts } from '../../lib/verdict/types';

/** A verdict for the content script's tests. */
export function verdictOf(state: VerdictState, { confidence = state === 'verified' ? 95 : 40, facts = {} }: { confidence?: number; facts?: VerdictFacts } = {}): Verdict {
  return {
    state,
    confidence,
    proofType: 'eas-onchain',
    summary: `It is ${state}.`,
    checks: [],
    facts,
    text: { signed: null, shown: '', match: 'shown-is-signed' },
  };
}
