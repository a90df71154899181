import type { StateCounts, TabProof } from '../../messaging/messages';
import { type VerdictState, worstState } from '../../lib/verdict/states';

/**
 * The page at a glance. The rule for the overall badge: when every checked
 * proof has the same state, the page has that state; otherwise it is
 * mixed, drawn as the worst state among them (spec §6 precedence), so a
 * page never looks better than its weakest proof, and its words count the
 * proofs verified. No page-wide confidence: the weakest proof's would read
 * as the whole page's.
 */
export type PageSummary = {
  total: number;
  /** Proofs without a verdict yet. */
  checking: number;
  counts: StateCounts;
  /** Null until at least one proof has a verdict. */
  overall: { state: VerdictState; mixed: boolean } | null;
};

export function summarizePage(proofs: readonly TabProof[]): PageSummary {
  const counts: StateCounts = {};
  let checking = 0;
  for (const { verdict } of proofs) {
    if (!verdict) {
      checking++;
      continue;
    }
    counts[verdict.state] = (counts[verdict.state] ?? 0) + 1;
  }
  const states = Object.keys(counts) as VerdictState[];
  return {
    total: proofs.length,
    checking,
    counts,
    overall:
      states.length === 0 ? null : { state: worstState(states), mixed: states.length > 1 },
  };
}
