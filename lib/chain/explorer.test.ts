import { describe, expect, it } from 'vitest';
import type { TrustConfig } from '../trust/schema';
import { explorerAddressUrl, explorerTransactionUrl } from './explorer';

const hash = `0x${'ab'.repeat(32)}`;
const address = `0x${'cd'.repeat(20)}`;
const trust: TrustConfig = {
  chains: {
    '1': { name: 'One', rpc: ['https://rpc.example'], confirmations: 1, explorer: 'https://scan.example/' },
    '2': { name: 'Two', rpc: ['https://rpc.example'], confirmations: 1, explorer: null },
  },
  opengradient: {},
  eas: {},
  erc7007: {},
  trustedAttesters: [],
};

describe('explorer links', () => {
  it('links transactions and addresses under the configured explorer', () => {
    expect(explorerTransactionUrl(trust, 1, hash)).toBe(`https://scan.example/tx/${hash}`);
    expect(explorerAddressUrl(trust, 1, address)).toBe(`https://scan.example/address/${address}`);
  });

  it('gives no link without an explorer, for an unknown chain, or for a value that is not hex', () => {
    expect(explorerTransactionUrl(trust, 2, hash)).toBeNull();
    expect(explorerTransactionUrl(trust, 3, hash)).toBeNull();
    expect(explorerTransactionUrl(trust, 1, `${hash}/../../evil`)).toBeNull();
    expect(explorerAddressUrl(trust, 1, 'vitalik.eth')).toBeNull();
  });
});
