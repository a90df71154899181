import { describe, expect, it } from 'vitest';
import { decodeLocatedProof } from './decode-located';

const hash = `0x${'ab'.repeat(32)}`;
const settlement = { v: 1, proof: { type: 'og-settlement', chainId: 1, tx: hash } };

describe('decodeLocatedProof', () => {
  it('reads each form from its raw text', () => {
    expect(decodeLocatedProof({ form: 'attribute', raw: JSON.stringify(settlement) })).toMatchObject({ ok: true });
    expect(decodeLocatedProof({ form: 'script', raw: JSON.stringify({ ...settlement, target: 'p' }) })).toMatchObject({ ok: true });
    expect(decodeLocatedProof({ form: 'text', raw: `ai-proof:v1:og:1:${hash}` })).toMatchObject({ ok: true, envelope: { proof: { tx: hash } } });
  });

  it('takes an unreadable proof at its reason, without looking at the preview', () => {
    expect(decodeLocatedProof({ form: 'attribute', raw: '{"v":1,"proof…', problem: { kind: 'unreadable', reason: 'envelope is at least 5,242,880 bytes; the limit is 262,144' } })).toEqual({
      ok: false,
      reason: 'envelope is at least 5,242,880 bytes; the limit is 262,144',
    });
  });

  it('puts an envelope fault before a target fault, as findProofs always has', () => {
    const unplaced = { kind: 'unplaced', reason: 'target "#x" matches no element' } as const;
    expect(decodeLocatedProof({ form: 'script', raw: JSON.stringify({ v: 3, target: '#x' }), problem: unplaced })).toEqual({ ok: false, reason: 'unsupported envelope version 3' });
    expect(decodeLocatedProof({ form: 'script', raw: JSON.stringify({ ...settlement, target: '#x' }), problem: unplaced })).toEqual({ ok: false, reason: unplaced.reason });
  });

  it('reads a script entry that is not an object as the validator says, not as base64url', () => {
    expect(decodeLocatedProof({ form: 'script', raw: '42' })).toEqual({ ok: false, reason: 'envelope must be a JSON object, not a number' });
  });

  it('refuses a text-form raw that is not exactly one token', () => {
    expect(decodeLocatedProof({ form: 'text', raw: `see ai-proof:v1:og:1:${hash}` })).toEqual({ ok: false, reason: 'not a text-form token (ai-proof:v1:…)' });
  });
});
