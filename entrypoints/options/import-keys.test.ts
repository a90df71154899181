import { describe, expect, it } from 'vitest';
import { unknownSettingsOf } from './import-keys';

describe('unknownSettingsOf', () => {
  it('names each setting Verity does not know, where it is', () => {
    const issues = unknownSettingsOf({
      chains: { '1': { name: 'Ethereum', rpcs: ['https://a.example'], note: 'ours' } },
      trustedAttester: [],
      trustedAttesters: [{ address: '0x1', label: 'Desk', colour: 'red' }],
    });
    expect(issues.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: '', message: 'has a setting Verity does not know: “trustedAttester”' },
      { path: 'chains.1', message: 'has a setting Verity does not know: “rpcs”' },
      { path: 'trustedAttesters.0', message: 'has a setting Verity does not know: “colour”' },
    ]);
  });

  it('leaves wrong values to the parser, and accepts every setting the form and spec §7 name', () => {
    expect(unknownSettingsOf({ chains: 'none', erc7007: { '1': ['0x1'] } })).toEqual([]);
    expect(
      unknownSettingsOf({
        chains: { '1': { name: 'E', rpc: [], confirmations: 1, explorer: null, reads: 'quorum', note: 'n' } },
        opengradient: { '1': { teeRegistry: '0x1', settlementRelays: [] } },
        eas: { '1': { eas: '0x1', schemaRegistry: '0x2' } },
      }),
    ).toEqual([]);
  });
});
