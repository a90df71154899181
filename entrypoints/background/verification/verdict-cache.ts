import type { Verdict } from '../../../lib/verdict/types';
import type { ProofRecord } from './session-records';

export const defaultCacheTtlMs = 30 * 60_000;
export const defaultUnavailableTtlMs = 60_000;

export type CreateVerdictCacheParameters = {
  /** Date.now; replaced in tests. */
  now: () => number;
  /** How long a final verdict answers new requests before the proof is checked again. */
  cacheTtlMs: number;
  /** The same for `unavailable`, which is often a passing fault. */
  unavailableTtlMs: number;
};

export type VerdictCache = {
  /** The verdict to show: one made under the trust configuration stamped `stamp`. */
  shown(record: ProofRecord | undefined, stamp: string): Verdict | undefined;
  /** Whether a stored verdict may answer a new request, or the proof is checked again. */
  answersRequests(record: ProofRecord | undefined, stamp: string): record is ProofRecord & { verdict: Verdict };
  /** Whether the recheck has work for a proof: a verdict still pending, or none under the current configuration. */
  needsRecheck(record: ProofRecord, stamp: string): boolean;
};

export type CreateVerdictCacheReturnType = VerdictCache;

/**
 * What the stored verdicts (see ProofRecord) are still good for: a verdict
 * counts only under the trust configuration it was made under, and answers
 * new requests only while it is fresh; a pending one is the recheck's.
 */
export function createVerdictCache({ now, cacheTtlMs, unavailableTtlMs }: CreateVerdictCacheParameters): CreateVerdictCacheReturnType {
  const shown = (record: ProofRecord | undefined, stamp: string): Verdict | undefined =>
    record?.verdict && record.trustStamp === stamp ? record.verdict : undefined;

  return {
    shown,
    answersRequests(record, stamp): record is ProofRecord & { verdict: Verdict } {
      const verdict = shown(record, stamp);
      if (!verdict) return false;
      // A pending verdict is the recheck's to renew.
      if (verdict.state === 'pending') return true;
      const age = now() - (record?.checkedAt ?? 0);
      return age < (verdict.state === 'unavailable' ? unavailableTtlMs : cacheTtlMs);
    },
    needsRecheck(record, stamp) {
      const verdict = shown(record, stamp);
      return verdict === undefined || verdict.state === 'pending';
    },
  };
}
