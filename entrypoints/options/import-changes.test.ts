import { describe, expect, it } from 'vitest';
import type { TrustConfig } from '../../lib/trust/schema';
import { importChangesOf } from './import-changes';

const desk = '0x5555555555555555555555555555555555555555';
const lab = '0x6666666666666666666666666666666666666666';

const current: TrustConfig = {
  chains: {
    '1': { name: 'Ethereum', rpc: ['https://a.example'], confirmations: 12, explorer: null },
    '10': { name: 'OP', rpc: ['https://op.example'], confirmations: 1, explorer: null },
  },
  opengradient: {},
  eas: { '1': { eas: '0x1111111111111111111111111111111111111111', schemaRegistry: '0x2222222222222222222222222222222222222222' } },
  erc7007: {},
  trustedAttesters: [{ address: desk, label: 'Desk' }],
};

describe('importChangesOf', () => {
  it('says chain by chain and signer by signer what an import would change', () => {
    const imported: TrustConfig = {
      ...current,
      chains: {
        '1': { name: 'Ethereum', rpc: ['https://a.example', 'https://b.example'], confirmations: 6, explorer: null },
        '31337': { name: 'Local', rpc: ['http://127.0.0.1:8545'], confirmations: 1, explorer: null },
      },
      eas: {},
      trustedAttesters: [
        { address: desk, label: 'Newsroom desk' },
        { address: lab, label: 'AI lab' },
      ],
    };
    expect(importChangesOf(current, imported)).toEqual([
      'Chain 1 (Ethereum): adds RPC https://b.example; confirmations 12 → 6; removes the EAS contracts',
      'Removes Chain 10 (OP)',
      'Adds Chain 31337 (Local), with 1 RPC',
      'Renames the signer Desk (0x5555…5555) “Newsroom desk”',
      'Trusts AI lab (0x6666…6666)',
    ]);
  });

  it('says nothing changes when nothing does', () => {
    expect(importChangesOf(current, structuredClone(current))).toEqual([]);
    expect(importChangesOf(current, { ...current, trustedAttesters: [] })).toEqual(['No longer trusts Desk (0x5555…5555)']);
  });
});
