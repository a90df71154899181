import { describe, expect, it } from 'vitest';
import { failed, passed, skipped, unreachable } from '../lib/verdict/check';
import { headlineOf, stateStyles, uncheckedUntrustedHeadline } from './state-style';

describe('headlineOf', () => {
  const registry = failed('registry-trusted', '', 'untrusted');

  it('calls an untrusted proof signed only when its signature was checked', () => {
    expect(headlineOf({ state: 'untrusted', proofType: 'og-tee', checks: [registry, passed('signature', '')] })).toBe(
      'Signed, by someone you have not chosen to trust',
    );
    const notChecked = headlineOf({ state: 'untrusted', proofType: 'og-tee', checks: [registry, unreachable('tee-key', ''), skipped('signature', '')] });
    expect(notChecked).toBe(uncheckedUntrustedHeadline);
    expect(notChecked).not.toMatch(/signed/i);
  });

  it('uses the state headline for every other state', () => {
    expect(headlineOf({ state: 'unavailable', proofType: 'og-tee', checks: [] })).toBe(stateStyles.unavailable.headline);
  });
});
