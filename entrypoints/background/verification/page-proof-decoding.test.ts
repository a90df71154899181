import { describe, expect, it } from 'vitest';
import { decodeLocatedProof } from '../../../lib/extract/decode-located';
import { base64url, hash } from '../../../test/fakes/worker-fixtures';

/**
 * The worker reads what a content script sent (PageProof.form and .raw)
 * with decodeLocatedProof, as the command line reads what it located: one
 * test of each raw form the worker receives.
 */
const envelope = { v: 1, proof: { type: 'eas-onchain', chainId: 1, uid: hash }, text: 'Signed.' };

describe('decoding what a content script sends', () => {
  it('reads an attribute as JSON or base64url', () => {
    expect(decodeLocatedProof({ form: 'attribute', raw: JSON.stringify(envelope) })).toMatchObject({ ok: true, envelope: { text: 'Signed.' } });
    expect(decodeLocatedProof({ form: 'attribute', raw: base64url(envelope) })).toMatchObject({ ok: true, envelope: { proof: { type: 'eas-onchain' } } });
  });

  it('reads a script entry as JSON', () => {
    const entry = JSON.stringify({ ...envelope, target: '#answer' });
    expect(decodeLocatedProof({ form: 'script', raw: entry })).toMatchObject({ ok: true, envelope: { target: '#answer' } });
  });

  it('reads each kind of text-form token', () => {
    expect(decodeLocatedProof({ form: 'text', raw: `ai-proof:v1:${base64url(envelope)}` })).toMatchObject({ ok: true, envelope: { text: 'Signed.' } });
    expect(decodeLocatedProof({ form: 'text', raw: `ai-proof:v1:og:10740:${hash}` })).toMatchObject({
      ok: true,
      envelope: { proof: { type: 'og-settlement', chainId: 10740, tx: hash } },
    });
    expect(decodeLocatedProof({ form: 'text', raw: `ai-proof:v1:eas:8453:${hash}` })).toMatchObject({
      ok: true,
      envelope: { proof: { type: 'eas-onchain', chainId: 8453, uid: hash } },
    });
  });

  it('makes what does not read a reason, never a throw', () => {
    expect(decodeLocatedProof({ form: 'text', raw: 'not a token' })).toMatchObject({ ok: false });
    expect(decodeLocatedProof({ form: 'text', raw: `ai-proof:v1:og:0:${hash}` })).toMatchObject({ ok: false, reason: expect.stringContaining('chain id') });
    expect(decodeLocatedProof({ form: 'attribute', raw: '{"v":2}' })).toEqual({ ok: false, reason: 'unsupported envelope version 2' });
    expect(decodeLocatedProof({ form: 'script', raw: '[1,2' })).toMatchObject({ ok: false });
  });

  it("puts the locator's problem before a readable envelope", () => {
    const raw = JSON.stringify({ ...envelope, target: '#gone' });
    expect(decodeLocatedProof({ form: 'script', raw, problem: { kind: 'unplaced', reason: 'target "#gone" matches no element' } })).toEqual({
      ok: false,
      reason: 'target "#gone" matches no element',
    });
  });
});
