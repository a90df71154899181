import type { StateCounts, TabProof } from '../../messaging/messages';
import { type VerdictState, worstState } from '../../lib/verdict/states';
import { signerFactLabel, vouchedBy, type OriginFact } from '../../lib/verdict/origin-facts';

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

/** Signers named on one line at most; the others are counted. */
const maxSignersNamed = 3;

/**
 * Who vouches for a page whose proofs all hold: each signer once, as the
 * badge's card names them ("Vouched by"), in page order. Undefined when
 * the proofs name no one, or while one is unchecked or does not hold
 * (each proof's own card then says who it names).
 */
export function pageVouchersOf(proofs: readonly TabProof[]): OriginFact | undefined {
  if (proofs.some(({ verdict }) => verdict === undefined || signerFactLabel(verdict.state) !== 'Vouched by')) return undefined;
  const names = [...new Set(proofs.flatMap(({ verdict }) => vouchedBy(verdict!.facts)?.name ?? []))];
  if (names.length === 0) return undefined;
  const named = names.slice(0, maxSignersNamed).join(', ');
  const more = names.length - maxSignersNamed;
  return { label: 'Vouched by', value: more > 0 ? `${named} and ${more} more` : named };
}
