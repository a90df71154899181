import type { ProofRecord } from './session-records';

/** A proof no tab shows any more whose record is kept: its key and the record's size in storage. */
export type RecentProof = [key: string, bytes: number];

export type RecentProofsBudget = {
  /** All kept records together: a tenth of Chrome's 10 MB for storage.session, some 300 proofs with their verdicts. */
  bytes: number;
  /** One record larger than this is not kept: one long snippet must not push out a whole page's. */
  recordBytes: number;
};

export const recentProofsBudget: RecentProofsBudget = { bytes: 1_000_000, recordBytes: 32_000 };

export type KeepRecentParameters = {
  /** The records kept so far, oldest first. */
  recent: readonly RecentProof[];
  /** Proofs that no tab shows since this change, with their records where they have one. */
  dropped: ReadonlyMap<string, ProofRecord | undefined>;
  /** Proofs a tab shows again: theirs are no longer kept records but a tab's. */
  shownAgain: Iterable<string>;
  budget?: RecentProofsBudget;
};

export type KeepRecentReturnType = {
  recent: RecentProof[];
  /** The keys whose records go from storage: dropped ones not kept, and the oldest kept ones over the budget. */
  removed: string[];
};

/**
 * Which records of proofs that left every tab stay in storage, so that a
 * reload, or the same article opened again, is answered from its verdict
 * (fresh by the verdict cache's rules) instead of being verified again. Only
 * a final verdict is worth keeping; the oldest go first.
 */
export function keepRecent({ recent, dropped, shownAgain, budget = recentProofsBudget }: KeepRecentParameters): KeepRecentReturnType {
  const leaving = new Set([...shownAgain, ...dropped.keys()]);
  const kept = recent.filter(([key]) => !leaving.has(key));
  const removed: string[] = [];
  for (const [key, record] of dropped) {
    const bytes = record === undefined ? 0 : JSON.stringify(record).length;
    if (record?.verdict === undefined || record.verdict.state === 'pending' || bytes > budget.recordBytes) removed.push(key);
    else kept.push([key, bytes]);
  }
  let total = kept.reduce((sum, [, bytes]) => sum + bytes, 0);
  let oldest = 0;
  for (; total > budget.bytes; oldest += 1) {
    total -= kept[oldest]![1];
    removed.push(kept[oldest]![0]);
  }
  return { recent: kept.slice(oldest), removed };
}
