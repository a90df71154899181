import { describe, expect, it } from 'vitest';
import type { TrustList } from '../../lib/trust/list-schema';
import { trustListContentWords, trustListStatusWords } from './trust-list-words';

const list: TrustList = { name: 'Press Council', updated: '2026-12-01T09:00:00Z', attesters: [], opengradient: {}, eas: {}, erc7007: {} };
const formatTime = (iso: string) => iso.slice(0, 10);

describe('trustListStatusWords', () => {
  it('says how fresh a good copy is', () => {
    expect(trustListStatusWords({ copy: { list, fetchedAt: '2026-12-03T00:00:00Z' }, formatTime })).toEqual({ words: 'Up to date: fetched 2026-12-03.', problem: false });
  });

  it('says that a refresh failed, why, and which copy is used', () => {
    const copy = { list, fetchedAt: '2026-12-03T00:00:00Z', error: 'No answer within 10 s', failedAt: '2026-12-04T00:00:00Z' };
    expect(trustListStatusWords({ copy, formatTime })).toEqual({
      words: 'Couldn’t refresh it (last tried 2026-12-04: No answer within 10 s). Using the copy from 2026-12-03.',
      problem: true,
    });
  });

  it('says that a list never fetched adds no one', () => {
    expect(trustListStatusWords({ copy: { error: 'Not a trust list: name is required', failedAt: '2026-12-04T00:00:00Z' }, formatTime }).words).toBe(
      'Couldn’t fetch it (last tried 2026-12-04: Not a trust list: name is required). It adds no one until it can be fetched.',
    );
    expect(trustListStatusWords({ copy: undefined }).words).toBe('Not fetched yet.');
  });
});

describe('trustListContentWords', () => {
  it('counts signers, and contracts when there are any', () => {
    const address = '0x00000000000000000000000000000000000000a1' as const;
    expect(trustListContentWords({ ...list, attesters: [{ address, label: 'A' }] })).toBe('Adds 1 signer');
    expect(trustListContentWords({ ...list, erc7007: { '1': [address, address] }, eas: { '5': { eas: address, schemaRegistry: address } } })).toBe('Adds 0 signers and 3 contracts');
  });
});
