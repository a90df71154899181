import { describe, expect, it } from 'vitest';
import { modelClaimOf, modelClaimWords } from './model-claim';
import type { VerdictFacts } from './types';

const contentHash = { name: 'contentHash', type: 'bytes32', value: `0x${'ab'.repeat(32)}` };

describe('modelClaimOf', () => {
  it("calls a model the page's claim when only the envelope names it (og-tee, ERC-7007, EAS without a model field)", () => {
    const ogTee: VerdictFacts = { model: 'gpt-x', teeId: `0x${'12'.repeat(32)}` };
    expect(modelClaimOf(ogTee)).toEqual({ by: 'page', model: 'gpt-x' });
    expect(modelClaimOf({ model: 'gpt-x', schemaFields: [contentHash] })).toEqual({ by: 'page', model: 'gpt-x' });
    expect(modelClaimOf({ model: 'gpt-x', schemaFields: [contentHash, { name: 'model', type: 'string', value: '' }] })).toEqual({ by: 'page', model: 'gpt-x' });
  });

  it("calls it the attester's claim when the attestation signs a string model field", () => {
    expect(modelClaimOf({ model: 'gpt-x', schemaFields: [contentHash, { name: 'model', type: 'string', value: 'gpt-x' }] })).toEqual({ by: 'attester', model: 'gpt-x' });
  });

  it('has no claim without a model', () => {
    expect(modelClaimOf({})).toBeUndefined();
    expect(modelClaimOf({ model: '' })).toBeUndefined();
  });
});

describe('modelClaimWords', () => {
  it('names who says it, and shows the name display-safe, cut to 60 characters', () => {
    expect(modelClaimWords({ by: 'page', model: 'gpt\u202Eevil' })).toEqual({ speaker: 'The page says', claim: 'model “gpt\\u{202E}evil”' });
    const { speaker, claim } = modelClaimWords({ by: 'attester', model: 'x'.repeat(200) });
    expect(speaker).toBe('The attester says');
    expect(claim).toBe(`model “${'x'.repeat(59)}…”`);
  });
});
