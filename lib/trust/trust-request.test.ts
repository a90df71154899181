import { describe, expect, it } from 'vitest';
import type { Check, Verdict } from '../verdict/types';
import { readTrustRequestHash, trustRequestHash, trustRequestOf, type TrustRequest } from './trust-request';

const attester = `0x${'12'.repeat(20)}` as const;
const contract = `0x${'AB'.repeat(20)}` as const;
const relay = `0x${'CD'.repeat(20)}` as const;

const passed = (id: Check['id']): Check => ({ id, label: id, ok: true, detail: '' });
const untrusted = (id: Check['id']): Check => ({ id, label: id, ok: false, detail: '', implies: 'untrusted' });

const verdict = (proofType: Verdict['proofType'], checks: Check[], facts: Verdict['facts']): Verdict => ({
  state: 'untrusted',
  confidence: 25,
  proofType,
  summary: '',
  checks,
  facts,
  text: { signed: null, shown: '', match: 'shown-is-signed' },
});

describe('trustRequestOf', () => {
  it('offers the attester, the ERC-7007 contract or the settlement relay that alone keeps a checked proof from holding', () => {
    expect(trustRequestOf(verdict('eas-offchain', [passed('signature'), untrusted('attester-trusted')], { attester }))).toEqual({ kind: 'attester', address: attester });
    expect(trustRequestOf(verdict('erc7007', [untrusted('contract-trusted'), passed('erc7007-verify')], { contract, chainId: 31337 }))).toEqual({
      kind: 'erc7007',
      address: contract.toLowerCase(),
      chainId: 31337,
    });
    expect(trustRequestOf(verdict('og-settlement', [passed('signature'), untrusted('relay-trusted')], { relay, chainId: 10740 }))).toEqual({
      kind: 'relay',
      address: relay.toLowerCase(),
      chainId: 10740,
    });
  });

  it('offers nothing when the signature was not checked, when something else is untrusted too, or for infrastructure', () => {
    // verify() of an untrusted contract that did not answer: nothing vouches for the text.
    expect(trustRequestOf(verdict('erc7007', [untrusted('contract-trusted')], { contract, chainId: 31337 }))).toBeUndefined();
    // Trusting the relay alone would not make it hold: the registry is untrusted as well.
    expect(trustRequestOf(verdict('og-settlement', [passed('signature'), untrusted('registry-trusted'), untrusted('relay-trusted')], { relay, chainId: 10740 }))).toBeUndefined();
    // A TEE registry is infrastructure, not a signer.
    expect(trustRequestOf(verdict('og-tee', [passed('signature'), untrusted('registry-trusted')], { chainId: 10740 }))).toBeUndefined();
    // Without the chain, a contract cannot be named.
    expect(trustRequestOf(verdict('erc7007', [untrusted('contract-trusted'), passed('erc7007-verify')], { contract }))).toBeUndefined();
    expect(trustRequestOf({ ...verdict('eas-offchain', [passed('signature')], { attester }), state: 'verified' })).toBeUndefined();
  });
});

describe('trustRequestHash and readTrustRequestHash', () => {
  it('carry each kind to the options page and back, addresses lowercased, an attester as before', () => {
    const requests: TrustRequest[] = [
      { kind: 'attester', address: attester },
      { kind: 'erc7007', address: contract.toLowerCase(), chainId: 31337 },
      { kind: 'relay', address: relay.toLowerCase(), chainId: 10740 },
    ];
    for (const request of requests) expect(readTrustRequestHash(trustRequestHash(request))).toEqual(request);
    expect(trustRequestHash(requests[0]!)).toBe(`#trust=${attester}`);
    expect(readTrustRequestHash(`#trust=erc7007:1:${contract}`)).toEqual({ kind: 'erc7007', address: contract.toLowerCase(), chainId: 1 });
  });

  it('reads nothing else', () => {
    for (const hash of [
      '',
      '#trust=',
      `#trust=0x${'ab'.repeat(19)}`,
      `#trust=0x${'ab'.repeat(20)}&x`,
      `#other=0x${'ab'.repeat(20)}`,
      `#trust=registry:1:${contract}`,
      `#trust=relay:0:${contract}`,
      `#trust=relay::${contract}`,
      `#trust=erc7007:${contract}`,
      `#trust=relay:99999999999999999:${contract}`,
    ]) {
      expect(readTrustRequestHash(hash), hash).toBeUndefined();
    }
  });
});
