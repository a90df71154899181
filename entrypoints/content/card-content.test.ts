import { describe, expect, it } from 'vitest';
import { shortHex } from '../../lib/chain/short-hex';
import type { Verdict } from '../../lib/verdict/types';
import { unconfirmed } from '../../lib/verdict/check';
import { renderingDoubtWords } from '../../lib/verdict/rendering-doubts';
import { cardContentOf } from './card-content';
import { verdictOf } from '../../test/fakes/verdict-fixtures';

const formatTime = (seconds: number) => `t=${seconds}`;
const attester = `0x${'12'.repeat(20)}` as const;
const teeId = `0x${'ab'.repeat(32)}` as const;

describe('cardContentOf', () => {
  it('says what is going on before there is a verdict', () => {
    expect(cardContentOf({ verdict: undefined })).toEqual({
      state: 'checking',
      word: 'Checking',
      headline: 'Checking this proof',
      summary: 'Verity is checking where this text came from, against the chain itself.',
      facts: [],
    });
  });

  it('gives the state in words, the confidence, and who vouched, when, on which chain', () => {
    const verdict = verdictOf('verified', {
      confidence: 92,
      facts: { model: 'gpt-x', signerLabel: 'Example Newsroom', attester, timestamp: 1_700_000_000, chainName: 'Base', chainId: 8453 },
    });
    expect(cardContentOf({ verdict, formatTime })).toEqual({
      state: 'verified',
      word: 'Verified',
      headline: 'The proof checks out',
      summary: 'Vouched for by Example Newsroom.',
      scope: 'AI-generated text, and the proof shows where it came from. Verity checks its origin, not whether it is true.',
      confidence: { value: 92, word: 'Very strong', rated: true },
      facts: [
        { label: 'Vouched by', value: 'Example Newsroom', title: attester },
        { label: 'When', value: 't=1700000000' },
        { label: 'Chain', value: 'Base' },
        { label: 'The page says', value: 'model “gpt-x”' },
      ],
    });
  });

  it("shows a model only as a claim, the page's or the attester's, display-safe and cut to 60 characters", () => {
    const pageModel = `\u202Eevil${'m'.repeat(200)}`;
    expect(cardContentOf({ verdict: verdictOf('verified', { facts: { model: pageModel } }) }).facts).toEqual([
      { label: 'The page says', value: `model “\\u{202E}evil${'m'.repeat(47)}…”` },
    ]);
    const schemaFields = [{ name: 'model', type: 'string', value: 'gpt-x' }];
    expect(cardContentOf({ verdict: verdictOf('verified', { facts: { model: 'gpt-x', schemaFields } }) }).facts).toEqual([
      { label: 'The attester says', value: 'model “gpt-x”' },
    ]);
  });

  it('says the signer vouched only when the signature holds', () => {
    expect(cardContentOf({ verdict: verdictOf('invalid', { facts: { teeId } }) }).facts).toEqual([
      { label: 'Claimed signer', value: 'Enclave 0xabab…abab', title: teeId },
    ]);
  });

  it('names an enclave or an attester by a short id when the trust configuration has no name for it', () => {
    expect(cardContentOf({ verdict: verdictOf('untrusted', { facts: { teeId, chainId: 10740 } }), formatTime }).facts).toEqual([
      { label: 'Vouched by', value: 'Enclave 0xabab…abab', title: teeId },
      { label: 'Chain', value: 'Chain 10740' },
    ]);
    expect(cardContentOf({ verdict: verdictOf('untrusted', { facts: { attester } }) }).facts).toEqual([
      { label: 'Vouched by', value: 'Attester 0x1212…1212', title: attester },
    ]);
  });

  it('says a proof that could not be checked did not fail, and does not rate it', () => {
    const content = cardContentOf({ verdict: verdictOf('unavailable', { confidence: 0 }) });
    expect(content).toMatchObject({ word: "Couldn't check", headline: "Couldn't check right now" });
    expect(content.confidence).toBeUndefined();
    expect(content.note).toMatch(/nothing against the proof/);
    expect(`${content.word} ${content.headline} ${content.note}`).not.toMatch(/fail|invalid/i);
  });

  it('says a text it could not confirm the page shows as signed is about the page, not a network it could not reach', () => {
    const verdict: Verdict = { ...verdictOf('unavailable', { confidence: 0 }), checks: [unconfirmed('rendering', `Drawn in ways not confirmed: ${renderingDoubtWords.faint}.`)] };
    const content = cardContentOf({ verdict });
    expect(content.headline).toBe('Couldn’t confirm what you see');
    expect(content.summary).toBe('Verity could not confirm that readers see all of this text as signed: part of it is too faint to read.');
    expect(content.note).toBe('This says nothing against the proof: Verity could not confirm that the page shows the text as it was signed.');
  });

  it('rates only a proof that holds, in words that agree with its state', () => {
    expect(cardContentOf({ verdict: verdictOf('verified', { confidence: 65 }) }).confidence).toEqual({ value: 65, word: 'Good', rated: true });
    expect(cardContentOf({ verdict: verdictOf('pending', { confidence: 70 }) }).confidence?.word).toBe('Not final yet');
    for (const state of ['altered', 'invalid', 'malformed'] as const) {
      expect(cardContentOf({ verdict: verdictOf(state, { confidence: 0 }) }).confidence, state).toBeUndefined();
    }
  });

  it("gives the reason in a reader's words, never the check's technical detail", () => {
    const detail = 'The text does not hash to the outputHash the TEE signed (0xabcdef0123).';
    const verdict: Verdict = {
      ...verdictOf('altered'),
      summary: detail,
      checks: [{ id: 'content-binding', label: 'Content matches proof', ok: false, detail, implies: 'altered' }],
    };
    expect(cardContentOf({ verdict }).summary).toBe('The words on the page are not the words that were signed.');
  });

  it('shortens long hex only', () => {
    expect(shortHex('0x1234')).toBe('0x1234');
    expect(shortHex(teeId)).toBe('0xabab…abab');
  });

  it('says under a verdict what it is about: an AI text\'s origin, never whether it is true', () => {
    for (const state of ['verified', 'pending', 'untrusted'] as const) {
      expect(cardContentOf({ verdict: verdictOf(state) }).scope).toMatch(/^AI-generated text.*not whether it is true\.$/);
    }
    for (const state of ['altered', 'invalid', 'malformed'] as const) {
      expect(cardContentOf({ verdict: verdictOf(state) }).scope).toMatch(/does not make (it|the text) false\.$/);
    }
    expect(cardContentOf({ verdict: verdictOf('unavailable') }).scope).toBeUndefined();
  });

  it('offers to trust the signer of an untrusted proof whose signature was checked, and no other', () => {
    // verdictOf makes an eas-onchain verdict: its signing check is the attestation read from the chain.
    const signed = { id: 'attestation', label: 'Attestation', ok: true, detail: 'On chain.' } as const;
    const unknown = { id: 'attester-trusted', label: 'Attester trusted', ok: false, detail: 'Not configured.', implies: 'untrusted' } as const;
    const withChecks = (state: 'untrusted' | 'verified', checks: Verdict['checks']) => ({ ...verdictOf(state, { facts: { attester } }), checks });
    expect(cardContentOf({ verdict: withChecks('untrusted', [signed, unknown]) }).trustSigner).toEqual({ kind: 'attester', address: attester });
    expect(cardContentOf({ verdict: withChecks('untrusted', [unknown]) }).trustSigner).toBeUndefined();
    expect(cardContentOf({ verdict: withChecks('verified', [signed]) }).trustSigner).toBeUndefined();
  });
});
