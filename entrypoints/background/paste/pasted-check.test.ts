import { describe, expect, it, vi } from 'vitest';
import type { ResolveReferenceParameters, ResolveReferenceReturnType } from '../../../lib/chain/resolve-reference';
import { defaultTrustConfig } from '../../../lib/trust/defaults';
import type { Verdict } from '../../../lib/verdict/types';
import type { SelectionCheck } from '../../../messaging/messages';
import { createPastedCheck } from './pasted-check';
import type { ProofInput } from '../verification/session-records';
import { hash, verdictOf } from '../../../test/fakes/worker-fixtures';
import type { TrustState } from '../verification/trust-state';

const trust: TrustState = { config: defaultTrustConfig, provenance: {}, managed: undefined, user: undefined, stamp: 's' };
const settlement = { type: 'og-settlement', chainId: 31337, tx: hash };
const withText = JSON.stringify({ v: 1, text: 'The signed words.', proof: settlement });
const withoutText = JSON.stringify({ v: 1, proof: settlement });
const quoteCheck = { outcome: 'no-proofs' } as SelectionCheck;

function setUp(resolved: Awaited<ResolveReferenceReturnType> = { ok: true, proofs: [] }) {
  const verified: ProofInput[] = [];
  const verifyStandalone = vi.fn(async (input: ProofInput): Promise<Verdict> => {
    verified.push(input);
    return verdictOf('verified');
  });
  const checkQuote = vi.fn(async () => quoteCheck);
  const resolveReference = vi.fn(async (_parameters: ResolveReferenceParameters) => resolved);
  const check = createPastedCheck({ trust: async () => trust, createChains: () => ({ reader: () => undefined }), verifyStandalone, checkQuote, resolveReference });
  return { check, verified, checkQuote, resolveReference };
}

describe('createPastedCheck', () => {
  it('verifies an envelope with the text to compare, else with the text it carries', async () => {
    const world = setUp();
    expect(await world.check({ input: withText })).toMatchObject({
      kind: 'proofs',
      input: 'envelope',
      results: [{ label: 'Envelope (og-settlement)', proof: { form: 'attribute', raw: withText, shownText: 'The signed words.' }, verdict: { state: 'verified' } }],
    });
    await world.check({ input: withText, compareText: '  Other\nwords. ' });
    expect(world.verified.map((input) => [input.shownText, input.renderedText])).toEqual([
      ['The signed words.', 'The signed words.'],
      ['Other words.', 'Other words.'],
    ]);
  });

  it('asks for the text a proof signs instead of verifying it against nothing', async () => {
    const world = setUp();
    expect(await world.check({ input: withoutText })).toMatchObject({ kind: 'problem', input: 'envelope', message: expect.stringMatching(/Text to compare/) });
    const token = `ai-proof:v1:og:31337:${hash}`;
    expect(await world.check({ input: token })).toMatchObject({ kind: 'problem', input: 'token' });
    expect(world.verified).toEqual([]);
    expect(await world.check({ input: token, compareText: 'The words it was for.' })).toMatchObject({ kind: 'proofs', input: 'token' });
    expect(world.verified).toEqual([{ form: 'text', raw: token, shownText: 'The words it was for.', renderedText: 'The words it was for.' }]);
  });

  it('verifies a token with the text pasted around it', async () => {
    const world = setUp();
    await world.check({ input: `The words it was for. ai-proof:v1:og:31337:${hash}` });
    expect(world.verified.map((input) => input.shownText)).toEqual(['The words it was for.']);
  });

  it('verifies each proof a reference resolves to, only against a text it has', async () => {
    const proofs = [
      { label: 'Settlement with text', raw: withText },
      { label: 'Settlement without', raw: withoutText },
    ];
    const world = setUp({ ok: true, proofs });
    const answer = await world.check({ input: hash });
    expect(world.resolveReference.mock.calls[0]![0]).toMatchObject({ reference: { kind: 'hash', value: hash }, trust: defaultTrustConfig });
    expect(answer).toMatchObject({ kind: 'proofs', input: 'hash', results: [{ label: 'Settlement with text', proof: { id: 'pasted-0' } }] });
    expect(await setUp({ ok: true, proofs: [proofs[1]!] }).check({ input: hash })).toMatchObject({ kind: 'problem', input: 'hash' });
    const compared = await setUp({ ok: true, proofs }).check({ input: hash, compareText: 'Said.' });
    expect(compared.kind === 'proofs' && compared.results.map((result) => result.proof.shownText)).toEqual(['Said.', 'Said.']);
  });

  it('passes on why a reference found nothing, and whether the chain could not be asked', async () => {
    expect(await setUp({ ok: false, reason: 'The RPC did not answer.', unavailable: true }).check({ input: hash })).toEqual({
      kind: 'problem',
      input: 'hash',
      message: 'The RPC did not answer.',
      unavailable: true,
    });
  });

  it("quote-checks a plain text against the tab's proofs, and says what to paste when there is nothing", async () => {
    const world = setUp();
    expect(await world.check({ input: 'Some words to find', tabId: 7 })).toEqual({ kind: 'quote', check: quoteCheck });
    expect(world.checkQuote).toHaveBeenCalledWith(7, 'Some words to find');
    expect(await world.check({ input: '   ' })).toMatchObject({ kind: 'problem', input: 'empty' });
  });
});
