import { describe, expect, it } from 'vitest';
import { checkLabels, failed, passed, unconfirmed, unreachable } from './check';
import { readerReasonOf } from './reader-reason';
import { renderingDoubts, renderingDoubtSentence } from './rendering-doubts';
import type { CheckId, Verdict } from './types';

const attester = '0x5555555555555555555555555555555555555555';

function verdict(overrides: Partial<Pick<Verdict, 'state' | 'proofType' | 'checks' | 'facts'>>): Pick<Verdict, 'state' | 'proofType' | 'checks' | 'facts'> {
  return { state: 'verified', proofType: 'eas-offchain', checks: [], facts: {}, ...overrides };
}

/** What a reader must never be shown: hex, hashes, endpoint counts, parser positions, the protocol's own names. */
const developerWords = /0x[0-9a-f]{6,}|\bhash|RPC|outputHash|contentHash|TEE\b|JSON|position \d|\bUID\b|Merkle|revert|ownerOf|trust configuration/i;

describe('readerReasonOf', () => {
  it('says an altered text differs from what was signed, not the hash the detail names', () => {
    const checks = [failed('content-binding', 'The text does not hash to the outputHash the TEE signed (0xabcdef0123).', 'altered')];
    expect(readerReasonOf(verdict({ state: 'altered', proofType: 'og-tee', checks }))).toBe('The words on the page are not the words that were signed.');
  });

  it('says the network could not be reached, without counting endpoints', () => {
    const checks = [passed('chain', 'Devnet (chain 31337).'), unreachable('attestation', 'http://a: timeout; 0 of 3 RPCs answered, the cross-check needs 2')];
    const reason = readerReasonOf(verdict({ state: 'unavailable', proofType: 'eas-onchain', checks, facts: { chainId: 31337 } }));
    expect(reason).toBe('Verity could not reach the network this proof is recorded on. It will try again.');
  });

  it('tells a network Verity does not read apart from a check that stopped on a bug', () => {
    const notConfigured = [unreachable('chain', 'Chain 8453 is not in the trust configuration.')];
    expect(readerReasonOf(verdict({ state: 'unavailable', checks: notConfigured, facts: { chainId: 8453 } }))).toBe(
      'The proof is recorded on a network Verity is not set up to read.',
    );
    const stopped = [unreachable('chain', 'The check stopped on an unexpected error: x is undefined')];
    expect(readerReasonOf(verdict({ state: 'unavailable', checks: stopped }))).toBe('Verity could not finish checking this proof.');
  });

  it('names what could not be confirmed of the rendering, in words without jargon', () => {
    const checks = [passed('signature', 'ok'), unconfirmed('rendering', renderingDoubtSentence(['covered', 'low-contrast']))];
    const reason = readerReasonOf(verdict({ state: 'unavailable', checks }));
    expect(reason).toBe(
      'Verity could not confirm that readers see all of this text as signed: something on the page covers part of it; and part of it is nearly the colour of its background.',
    );
    for (const doubt of renderingDoubts) expect(renderingDoubtSentence([doubt])).not.toMatch(developerWords);
  });

  it('names who vouches by the name the reader gave them, else by a short address', () => {
    expect(readerReasonOf(verdict({ facts: { attester, signerLabel: 'Example Newsroom' } }))).toBe('Vouched for by Example Newsroom.');
    expect(readerReasonOf(verdict({ facts: { attester } }))).toBe('Vouched for by the attester 0x5555…5555.');
  });

  it('says an untrusted signer signed only when the signature was checked', () => {
    const signed = [passed('signature', ''), failed('attester-trusted', `${attester} is not in the trusted attesters.`, 'untrusted')];
    expect(readerReasonOf(verdict({ state: 'untrusted', checks: signed, facts: { attester } }))).toBe(
      'The signature holds. Verity shows this signer’s proofs as Verified once you choose to trust them.',
    );
    const unchecked = [failed('registry-trusted', '0xabc is not the configured TEE registry (0xdef).', 'untrusted')];
    const reason = readerReasonOf(verdict({ state: 'untrusted', proofType: 'og-tee', checks: unchecked }));
    expect(reason).toMatch(/checked nothing/);
    expect(reason).not.toMatch(/\bsigned\b/i);
  });

  it('names an untrusted token contract or settlement relay as what the reader has not chosen to trust', () => {
    const contract = [failed('contract-trusted', '0xabc is not an ERC-7007 contract the trust configuration names for chain 1.', 'untrusted'), passed('erc7007-verify', '')];
    expect(readerReasonOf(verdict({ state: 'untrusted', proofType: 'erc7007', checks: contract }))).toBe(
      'Vouched for by an AI content token contract you have not chosen to trust.',
    );
    const relay = [passed('signature', ''), failed('relay-trusted', 'Relay 0xabc is not a settlement relay the trust configuration names for chain 1.', 'untrusted')];
    expect(readerReasonOf(verdict({ state: 'untrusted', proofType: 'og-settlement', checks: relay }))).toBe(
      'The signature holds, and it was recorded on chain by a settlement relay you have not chosen to trust.',
    );
  });

  it('says a damaged proof is damaged, not the parser error', () => {
    const checks = [failed('envelope', 'Unexpected token } in JSON at position 41', 'malformed')];
    expect(readerReasonOf(verdict({ state: 'malformed', proofType: null, checks }))).toBe(
      'The proof attached to this text is damaged or in a form Verity cannot read.',
    );
  });

  it('has reader words, and no developer words, for the failure of every check', () => {
    const technical = 'Token 7 on 0xabcdef0123456789: ownerOf() reverted; the outputHash the TEE signed; 0 of 3 RPCs answered';
    for (const id of Object.keys(checkLabels) as CheckId[]) {
      for (const state of ['invalid', 'altered', 'untrusted', 'pending', 'unavailable'] as const) {
        const check = state === 'unavailable' ? unreachable(id, technical) : failed(id, technical, state);
        const reason = readerReasonOf(verdict({ state, proofType: 'og-tee', checks: [check], facts: { attester, chainId: 1 } }));
        expect(reason, `${state} by ${id}`).not.toMatch(developerWords);
        expect(reason, `${state} by ${id}`).not.toContain(technical);
      }
    }
  });
});
