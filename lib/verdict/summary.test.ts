import { describe, expect, it } from 'vitest';
import { failed, passed, skipped, unreachable } from './check';
import { nothingCheckedNote } from './signature-checked';
import { summarize } from './summary';

describe('summarize', () => {
  const untrustedRegistry = failed('registry-trusted', '0xabc is not the configured TEE registry (0xdef).', 'untrusted');

  it('says an untrusted proof whose signature held only by the check that decided it', () => {
    const checks = [untrustedRegistry, passed('tee-key', ''), passed('signature', '')];
    expect(summarize({ state: 'untrusted', proofType: 'og-tee', checks, facts: {} })).toBe(untrustedRegistry.detail);
  });

  it('says that nothing was checked when the signature never ran', () => {
    const checks = [untrustedRegistry, unreachable('tee-key', 'The TEE registry reverted the call.'), skipped('signature', '')];
    const summary = summarize({ state: 'untrusted', proofType: 'og-tee', checks, facts: {} });
    expect(summary).toBe(`${untrustedRegistry.detail} ${nothingCheckedNote}`);
    expect(summary).toMatch(/^0xabc is not the configured TEE registry \(0xdef\)\. Nothing was checked: /);
    expect(summary).not.toMatch(/\bsigned\b/i);
  });
});
