import { describe, expect, it } from 'vitest';
import { defaultTrustConfig } from './defaults';
import { mergeTrustConfig } from './merge';
import type { TrustConfig } from './schema';

const a = '0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const b = '0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const c = '0xcccccccccccccccccccccccccccccccccccccccc';
const shoutedA = '0xAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const base: TrustConfig = {
  chains: { '1': { name: 'One', rpc: ['https://one.example', 'https://two.example'], confirmations: 12, explorer: 'https://scan.example' } },
  opengradient: { '1': { teeRegistry: a, settlementRelays: [a, b] } },
  eas: { '1': { eas: a, schemaRegistry: b } },
  erc7007: { '1': [a] },
  trustedAttesters: [
    { address: a, label: 'A' },
    { address: b, label: 'B' },
  ],
};

describe('mergeTrustConfig', () => {
  it('overrides a chain field by field', () => {
    const merged = mergeTrustConfig(base, { chains: { '1': { confirmations: 3 } } });
    expect(merged.chains?.['1']).toEqual({ ...base.chains['1'], confirmations: 3 });
  });

  it('adds chains the base does not have', () => {
    const added = { name: 'Two', rpc: ['http://127.0.0.1:8545'], confirmations: 1, explorer: null };
    expect(mergeTrustConfig(base, { chains: { '2': added } }).chains).toEqual({ ...base.chains, '2': added });
  });

  it('replaces lists whole', () => {
    const merged = mergeTrustConfig(base, {
      chains: { '1': { rpc: ['https://ours.example'] } },
      opengradient: { '1': { settlementRelays: [c] } },
      erc7007: { '1': [b] },
    });
    expect(merged.chains?.['1']?.rpc).toEqual(['https://ours.example']);
    expect(merged.opengradient?.['1']).toEqual({ teeRegistry: a, settlementRelays: [c] });
    expect(merged.erc7007).toEqual({ '1': [b] });
  });

  it('unites attesters by address; the later label wins and the first place stays', () => {
    const merged = mergeTrustConfig(base, {
      trustedAttesters: [
        { address: c, label: 'C' },
        { address: shoutedA, label: 'A, renamed' },
      ],
    });
    expect(merged.trustedAttesters).toEqual([
      { address: shoutedA, label: 'A, renamed' },
      { address: b, label: 'B' },
      { address: c, label: 'C' },
    ]);
  });

  it('lets extra top-level fields of the override win', () => {
    expect(mergeTrustConfig({ ...base, comment: 'base' }, { comment: 'override' }).comment).toBe('override');
  });

  it('leaves its inputs alone', () => {
    const copy = structuredClone(base);
    mergeTrustConfig(base, { chains: { '1': { confirmations: 1 } }, trustedAttesters: [{ address: c, label: 'C' }] });
    expect(base).toEqual(copy);
  });

  it('is idempotent over the same base', () => {
    const once = mergeTrustConfig(defaultTrustConfig, base);
    expect(mergeTrustConfig(defaultTrustConfig, once)).toEqual(once);
  });
});
