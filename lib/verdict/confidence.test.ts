import { describe, expect, it } from 'vitest';
import { failed, passed, skipped, unreachable } from './check';
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
    expect(confidenceOf({ ...base, state: 'untrusted', checks: [passed('attestation', '')] })).toBe(27);
  });

  it('gives untrusted nothing when its signature was not checked', () => {
    // og-tee on a registry the reader does not trust, which did not answer: the signature check never ran.
    const notRun = [failed('registry-trusted', '', 'untrusted'), unreachable('tee-key', ''), skipped('signature', '')];
    expect(confidenceOf({ ...base, state: 'untrusted', proofType: 'og-tee', checks: notRun })).toBe(0);
    // The same proof once the signature held: signed, by someone the reader has not chosen to trust.
    const signed = [failed('registry-trusted', '', 'untrusted'), passed('tee-key', ''), passed('signature', '')];
    expect(confidenceOf({ ...base, state: 'untrusted', proofType: 'og-tee', checks: signed })).toBe(26);
    // A check of another kind passing is not the signature.
    expect(confidenceOf({ ...base, state: 'untrusted', proofType: 'eas-onchain', checks: [passed('signature', '')] })).toBe(0);
    expect(confidenceOf({ ...base, state: 'untrusted', proofType: 'erc7007', checks: [passed('erc7007-verify', '')] })).toBe(26);
    expect(confidenceOf({ ...base, state: 'untrusted', proofType: 'eas-offchain', checks: [failed('signature', '', 'invalid')] })).toBe(0);
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
