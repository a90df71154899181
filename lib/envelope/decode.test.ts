import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEnvelope, envelopeFromReference, validateEnvelope } from './decode';
import { maxEnvelopeBytes } from './limits';
import { sizeReason } from './size';

const hash = `0x${'Ab'.repeat(32)}`;
const address = `0x${'11'.repeat(20)}`;

const ogTee = {
  v: 1,
  proof: {
    type: 'og-tee',
    chainId: 10740,
    registry: address,
    teeId: hash,
    inputHash: hash,
    outputHash: hash,
    timestamp: 1_750_000_000,
    signature: 'c2lnbmF0dXJl',
  },
  text: 'The signed text.',
  model: 'a model',
};

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function reasonOf(result: ReturnType<typeof decodeEnvelope>): string {
  if (result.ok) throw new Error('expected a failure');
  return result.reason;
}

describe('decodeEnvelope: forms', () => {
  it('reads JSON text, with surrounding whitespace', () => {
    const result = decodeEnvelope(`\n  ${JSON.stringify(ogTee)}\t`);
    expect(result).toMatchObject({ ok: true, envelope: { v: 1, text: 'The signed text.', proof: { type: 'og-tee', teeId: hash.toLowerCase() } } });
  });

  it('reads base64url with and without padding', () => {
    const json = JSON.stringify({ ...ogTee, text: 'ab' });
    const residues = new Set<number>();
    for (const extra of [0, 1, 2]) {
      const encoded = base64url(json + ' '.repeat(extra));
      residues.add(encoded.length % 4);
      expect(decodeEnvelope(encoded).ok).toBe(true);
      expect(decodeEnvelope(encoded + '='.repeat((4 - (encoded.length % 4)) % 4)).ok).toBe(true);
    }
    expect([...residues].sort()).toEqual([0, 2, 3]);
  });

  it('ignores unknown top-level fields', () => {
    const result = decodeEnvelope(JSON.stringify({ ...ogTee, extra: { deep: [1, 2] }, target: '#x' }));
    expect(result.ok && !('extra' in result.envelope)).toBe(true);
  });

  it('rejects standard base64 with a hint', () => {
    expect(reasonOf(decodeEnvelope('ab+c'))).toBe('envelope is neither JSON (starting with {) nor base64url: + at position 2 (standard base64; base64url uses - and _)');
  });

  it('rejects what is neither JSON nor base64url', () => {
    expect(reasonOf(decodeEnvelope('[1, 2]'))).toBe('envelope is neither JSON (starting with {) nor base64url: "[" at position 0');
    expect(reasonOf(decodeEnvelope('ab cd'))).toBe('envelope is neither JSON (starting with {) nor base64url: " " at position 2');
  });

  it('rejects impossible base64url lengths and wrong padding', () => {
    expect(reasonOf(decodeEnvelope('abcde'))).toMatch(/^envelope is not base64url: its length is impossible/);
    expect(reasonOf(decodeEnvelope('abcd=='))).toBe('envelope is not base64url: wrong "=" padding');
    expect(reasonOf(decodeEnvelope('abc=='))).toBe('envelope is not base64url: wrong "=" padding');
    expect(reasonOf(decodeEnvelope('abd'))).toBe('envelope is not base64url: its last character has bits set past the last byte (edited?)');
  });

  it('rejects base64url of bytes that are not UTF-8', () => {
    expect(reasonOf(decodeEnvelope(Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')))).toBe(
      'envelope decodes from base64url to bytes that are not UTF-8 text',
    );
    // An overlong encoding of "{" is not UTF-8 either.
    expect(reasonOf(decodeEnvelope(Buffer.from([0xc1, 0xbb]).toString('base64url')))).toMatch(/not UTF-8/);
  });

  it('rejects a lone surrogate in JSON text and in the signed text', () => {
    expect(reasonOf(decodeEnvelope(`{"v":1,"x":"\ud800"}`))).toBe('envelope is not valid Unicode text (it has a lone surrogate)');
    expect(reasonOf(decodeEnvelope(JSON.stringify({ ...ogTee, text: 'a' }).replace('"a"', '"\\ud800"')))).toBe(
      'text: must be valid Unicode text (it has a lone surrogate)',
    );
  });

  it('rejects empty input', () => {
    expect(reasonOf(decodeEnvelope(''))).toBe('envelope is empty');
    expect(reasonOf(decodeEnvelope(' \n'))).toBe('envelope is empty');
  });

  it('reports JSON syntax errors, in both forms', () => {
    expect(reasonOf(decodeEnvelope('{"v":1,'))).toMatch(/^envelope is not valid JSON: /);
    expect(reasonOf(decodeEnvelope(base64url('{"v":1')))).toMatch(/^envelope is not valid JSON: /);
    expect(reasonOf(decodeEnvelope(base64url('hello')))).toMatch(/^envelope is not valid JSON: /);
  });
});

describe('decodeEnvelope: size', () => {
  it('rejects a 5 MB attribute by its size, before parsing it', () => {
    // Not JSON: parsed, it would be refused as invalid JSON instead.
    const huge = '{'.padEnd(5 * 1024 * 1024, ' ');
    expect(decodeEnvelope(huge)).toEqual({ ok: false, reason: 'envelope is at least 5,242,880 bytes; the limit is 262,144' });
  });

  it('counts UTF-8 bytes, not characters', () => {
    const text = 'é'.repeat(140_000);
    const raw = JSON.stringify({ ...ogTee, text });
    expect(raw.length).toBeLessThan(maxEnvelopeBytes);
    expect(reasonOf(decodeEnvelope(raw))).toBe(`envelope is ${(Buffer.byteLength(raw)).toLocaleString('en-US')} bytes; the limit is 262,144`);
  });

  it('accepts an envelope of exactly the limit', () => {
    const skeleton = JSON.stringify({ ...ogTee, padding: '' });
    const raw = JSON.stringify({ ...ogTee, padding: 'x'.repeat(maxEnvelopeBytes - skeleton.length) });
    expect(raw.length).toBe(maxEnvelopeBytes);
    expect(decodeEnvelope(raw).ok).toBe(true);
    expect(sizeReason({ text: `${raw} `, limit: maxEnvelopeBytes, name: 'envelope' })).toBe('envelope is at least 262,145 bytes; the limit is 262,144');
  });
});

describe('validateEnvelope: reasons', () => {
  const reason = (value: unknown): string => {
    const result = validateEnvelope(value);
    if (result.ok) throw new Error('expected a failure');
    return result.reason;
  };

  it('needs an object', () => {
    expect(reason([ogTee])).toBe('envelope must be a JSON object, not an array');
    expect(reason('x')).toBe('envelope must be a JSON object, not a string');
    expect(reason(null)).toBe('envelope must be a JSON object, not null');
  });

  it('names an unsupported version before anything else', () => {
    expect(reason({ ...ogTee, v: 2, proof: { type: 'foo' } })).toBe('unsupported envelope version 2');
    expect(reason({ ...ogTee, v: '1' })).toBe('unsupported envelope version "1"');
    expect(reason({ proof: ogTee.proof })).toBe('envelope has no version (v)');
  });

  it('names an unknown proof type', () => {
    expect(reason({ v: 1, proof: { type: 'foo' } })).toBe('unknown proof type "foo"');
    expect(reason({ v: 1, proof: { type: 7 } })).toBe('unknown proof type 7');
    expect(reason({ v: 1, proof: {} })).toBe('proof has no type');
    expect(reason({ v: 1 })).toBe('envelope has no proof');
    expect(reason({ v: 1, proof: 'og-tee' })).toBe('proof: must be an object, not a string');
  });

  it('formats schema issues with dotted paths', () => {
    expect(reason({ ...ogTee, proof: { ...ogTee.proof, teeId: '0x12' } })).toBe('proof.teeId: must be 0x and exactly 64 hex digits');
    expect(reason({ ...ogTee, text: 5 })).toBe('text: must be a string, not a number');
    expect(reason({ ...ogTee, proof: { ...ogTee.proof, chainId: 1.5 } })).toBe('proof.chainId: must be a whole number');
  });

  it('names missing fields and shows the first three issues', () => {
    expect(reason({ v: 1, proof: { type: 'og-tee', chainId: 1 } })).toBe(
      'proof.registry: is missing; proof.teeId: is missing; proof.inputHash: is missing (and 3 more)',
    );
  });

  it('explains the closest branch of a union, with array indices', () => {
    const settlement = { relay: address, tx: hash, root: hash, proof: [hash, 'x'] };
    expect(reason({ ...ogTee, proof: { ...ogTee.proof, settlement } })).toBe('proof.settlement.proof[1]: must be 0x and exactly 64 hex digits');
    expect(reason({ ...ogTee, proof: { ...ogTee.proof, settlement: { relay: address, tx: hash, note: 1 } } })).toBe(
      'proof.settlement: has unexpected field "note"',
    );
  });

  it('says which types a uint may be', () => {
    const erc7007 = { v: 1, proof: { type: 'erc7007', chainId: 1, contract: address, tokenId: true, prompt: '0x', proof: '0x' } };
    expect(reason(erc7007)).toBe('proof.tokenId: must be a number or a string');
    expect(reason({ ...erc7007, proof: { ...erc7007.proof, tokenId: undefined } })).toBe('proof.tokenId: is missing');
  });

  it('quotes odd record keys', () => {
    const attestation = { domain: { name: 'EAS', version: '1', chainId: 1, verifyingContract: address }, primaryType: 'Attest', types: { 'a b': [{ name: 1, type: 'x' }] } };
    expect(reason({ v: 1, proof: { type: 'eas-offchain', attestation, signer: address } })).toMatch(/^proof\.attestation\.types\["a b"\]\[0\]\.name: must be a string, not a number; /);
  });

  it('never throws, even on hostile objects', () => {
    const throwing = new Proxy({}, { get: () => { throw new Error('trap'); } });
    expect(reason(throwing)).toBe('envelope could not be read: trap');
    const cyclic: Record<string, unknown> = { type: 'og-tee' };
    cyclic.self = cyclic;
    expect(validateEnvelope({ v: 1, proof: cyclic }).ok).toBe(false);
    expect(reason({ v: 10n })).toBe('unsupported envelope version 10');
  });
});

describe('envelopeFromReference', () => {
  it('makes og-settlement and eas-onchain envelopes', () => {
    expect(envelopeFromReference('og', '10740', hash)).toEqual({ ok: true, envelope: { v: 1, proof: { type: 'og-settlement', chainId: 10740, tx: hash.toLowerCase() } } });
    expect(envelopeFromReference('eas', 1, hash)).toEqual({ ok: true, envelope: { v: 1, proof: { type: 'eas-onchain', chainId: 1, uid: hash.toLowerCase() } } });
  });

  it('rejects chain ids that are not positive decimal integers', () => {
    for (const chainId of ['0', '01', '-1', '1.0', '0x1', '', 'abc', '9007199254740992']) {
      const result = envelopeFromReference('og', chainId, hash);
      expect(result, chainId).toEqual({ ok: false, reason: `short reference: chain id ${JSON.stringify(chainId)} must be a positive decimal integer` });
    }
    expect(envelopeFromReference('og', 0, hash).ok).toBe(false);
  });

  it('rejects ids that are not 32 bytes of hex', () => {
    expect(envelopeFromReference('og', '1', '0x12')).toEqual({ ok: false, reason: 'short reference: transaction hash "0x12" must be 0x and exactly 64 hex digits' });
    expect(envelopeFromReference('eas', '1', `${hash}00`).ok).toBe(false);
    expect(envelopeFromReference('eas', '1', hash.slice(2)).ok).toBe(false);
    expect(envelopeFromReference('xyz', '1', hash)).toEqual({ ok: false, reason: 'unknown short reference "xyz"; expected og or eas' });
  });
});

describe('decodeEnvelope: properties', () => {
  const valid = [
    ogTee,
    { v: 1, proof: { type: 'og-settlement', chainId: 1, tx: hash, logIndex: 0 } },
    { v: 1, proof: { type: 'eas-onchain', chainId: 1, uid: hash } },
    { v: 1, proof: { type: 'erc7007', chainId: 1, contract: address, tokenId: '5', prompt: '0x00', proof: '0x' } },
  ];
  const mutate = (text: string) =>
    fc
      .array(
        fc.record({
          at: fc.nat(),
          operation: fc.constantFrom('flip', 'delete', 'insert'),
          character: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
        }),
        { minLength: 1, maxLength: 5 },
      )
      .map((edits) => {
        let result = text;
        for (const { at, operation, character } of edits) {
          const index = result.length === 0 ? 0 : at % result.length;
          if (operation === 'delete') result = result.slice(0, index) + result.slice(index + 1);
          else if (operation === 'insert') result = result.slice(0, index) + character + result.slice(index);
          else result = result.slice(0, index) + String.fromCharCode(result.charCodeAt(index) ^ 1) + result.slice(index + 1);
        }
        return result;
      });

  const isResult = (result: ReturnType<typeof decodeEnvelope>): boolean =>
    result.ok ? result.envelope.v === 1 : typeof result.reason === 'string' && result.reason.length > 0 && result.reason.length < 600;

  it('decodes the unmutated envelopes in both forms', () => {
    for (const envelope of valid) {
      expect(decodeEnvelope(JSON.stringify(envelope)).ok).toBe(true);
      expect(decodeEnvelope(base64url(JSON.stringify(envelope))).ok).toBe(true);
    }
  });

  it('never throws on random strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json(), fc.base64String(), fc.string({ unit: fc.constantFrom('{', '}', '"', ':', ',', '[', 'v', '1', 'A', '-', '=') })), (raw) => {
        expect(isResult(decodeEnvelope(raw))).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });

  it('never throws on mutated JSON envelopes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...valid).chain((envelope) => mutate(JSON.stringify(envelope))), (raw) => {
        expect(isResult(decodeEnvelope(raw))).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });

  it('never throws on mutated base64url envelopes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...valid).chain((envelope) => mutate(base64url(JSON.stringify(envelope)))), (raw) => {
        expect(isResult(decodeEnvelope(raw))).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });

  it('never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...valid), (value, envelope) => {
        expect(isResult(validateEnvelope(value))).toBe(true);
        expect(isResult(validateEnvelope({ ...envelope, proof: { ...envelope.proof, chainId: value } }))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
