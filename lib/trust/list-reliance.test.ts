import { describe, expect, it } from 'vitest';
import { labelledSigner } from '../verdict/signer-label';
import { defaultTrustConfig } from './defaults';
import { listFactsOf } from './list-reliance';

const newsroom = '0x00000000000000000000000000000000000000A1' as const;
const token = '0x00000000000000000000000000000000000000c3';
const trust = {
  ...defaultTrustConfig,
  listSources: {
    [`trustedAttesters.${newsroom.toLowerCase()}`]: 'Press Council',
    'eas.777.eas': 'Chain Registry',
    'eas.777.schemaRegistry': 'Chain Registry',
    [`erc7007.1.${token}`]: 'AI Labs',
  },
};

describe('listFactsOf', () => {
  it('names the list of the signer and of the contracts an EAS proof was checked against', () => {
    expect(listFactsOf({ trust, proofType: 'eas-onchain', facts: { chainId: 777, attester: newsroom } })).toEqual({
      signerList: 'Press Council',
      trustLists: ['Press Council', 'Chain Registry'],
    });
  });

  it('names the list of an ERC-7007 contract, and none for what no list added', () => {
    expect(listFactsOf({ trust, proofType: 'erc7007', facts: { chainId: 1, contract: token } })).toEqual({ trustLists: ['AI Labs'] });
    expect(listFactsOf({ trust, proofType: 'eas-offchain', facts: { chainId: 1, attester: token } })).toEqual({});
    expect(listFactsOf({ trust: defaultTrustConfig, proofType: 'eas-offchain', facts: { chainId: 777, attester: newsroom } })).toEqual({});
  });

  it('gives the page about the signer that its list gives, and none for a signer the reader named', () => {
    const page = 'https://presscouncil.example/members/newsroom';
    const listed = { ...trust, trustedAttesters: [{ address: newsroom, label: 'Example Newsroom', url: page }] };
    expect(listFactsOf({ trust: listed, proofType: 'eas-offchain', facts: { chainId: 1, attester: newsroom.toLowerCase() as typeof newsroom } })).toMatchObject({
      signerList: 'Press Council',
      signerPage: page,
    });
    const own = { ...defaultTrustConfig, trustedAttesters: [{ address: newsroom, label: 'Mine', url: page }] };
    expect(listFactsOf({ trust: own, proofType: 'eas-offchain', facts: { chainId: 1, attester: newsroom } })).toEqual({});
  });
});

describe('labelledSigner', () => {
  it('never shows a name a list gave without the list', () => {
    expect(labelledSigner({ signerLabel: 'Example Newsroom', signerList: 'Press Council' })).toBe('Example Newsroom (from the list “Press Council”)');
    expect(labelledSigner({ signerLabel: 'My newsroom' })).toBe('My newsroom');
    expect(labelledSigner({})).toBeUndefined();
  });
});
