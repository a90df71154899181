import { describe, expect, it } from 'vitest';
import { passed } from './check';
import { confidenceOf, proofStrength, verifiedFloor, type ConfidenceParameters } from './confidence';

const base: ConfidenceParameters = {
  state: 'verified',
  proofType: 'eas-onchain',
  textMatch: 'shown-is-signed',
  checks: [],
  rpcCount: 2,
};

describe('confidenceOf', () => {
  it('gives a verified proof its type strength when nothing lowers it', () => {
    expect(confidenceOf(base)).toBe(proofStrength['eas-onchain']);
    expect(confidenceOf({ ...base, proofType: 'og-tee', settled: true })).toBe(95);
    expect(confidenceOf({ ...base, proofType: 'og-tee', settled: false })).toBe(85);
    expect(confidenceOf({ ...base, proofType: 'eas-offchain' })).toBe(80);
  });

  it.each(['malformed', 'invalid', 'altered', 'unavailable'] as const)('is zero for %s', (state) => {
    expect(confidenceOf({ ...base, state })).toBe(0);
  });

  it('ranks untrusted far below verified', () => {
    expect(confidenceOf({ ...base, state: 'untrusted' })).toBe(27);
  });

  it('lowers confidence for a wording-only match, a quiet TEE and a single RPC', () => {
    expect(confidenceOf({ ...base, textMatch: 'wording' })).toBe(75);
    expect(confidenceOf({ ...base, rpcCount: 1 })).toBe(85);
    const quietTee = [passed('tee-key', ''), { id: 'tee-active' as const, label: '', ok: false, detail: '' }];
    expect(confidenceOf({ ...base, proofType: 'og-settlement', checks: quietTee, rpcCount: 1 })).toBe(85);
  });

  it('puts pending below verified and never at zero', () => {
    const pending = confidenceOf({ ...base, state: 'pending' });
    expect(pending).toBe(70);
    expect(pending).toBeLessThan(confidenceOf(base));
    expect(pending).toBeGreaterThan(0);
  });

  it('never lets a verified proof fall under the floor', () => {
    const worst = confidenceOf({
      ...base,
      proofType: 'eas-offchain',
      textMatch: 'wording',
      rpcCount: 1,
    });
    expect(worst).toBe(60);
    expect(worst).toBeGreaterThanOrEqual(verifiedFloor);
  });

  it('is zero when the proof type is unknown', () => {
    expect(confidenceOf({ ...base, proofType: null })).toBe(0);
  });
});
