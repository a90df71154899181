import { describe, expect, it } from 'vitest';
import { validateEnvelope } from './decode';

// An og-tee proof in the envelope's own forms (spec §2, §3a).
const teeId = `0x${'1a'.repeat(32)}`;
const inputHash = `0x${'2b'.repeat(32)}`;
const outputHash = `0x${'3c'.repeat(32)}`;
const proof = {
  type: 'og-tee',
  chainId: 10740,
  registry: '0x4e72238852f3c918f4e4e57aec9280ddb0c80248',
  teeId,
  inputHash,
  outputHash,
  timestamp: 1_750_000_000,
  signature: 'c2lnbmF0dXJl',
};
const reasonFor = (changes: Record<string, unknown>, remove: string[] = []) => {
  const changed: Record<string, unknown> = { ...proof, ...changes };
  for (const field of remove) delete changed[field];
  const result = validateEnvelope({ v: 1, proof: changed });
  return result.ok ? undefined : result.reason;
};

describe('og-tee fields in the gateway form', () => {
  it('accepts the envelope form', () => {
    expect(validateEnvelope({ v: 1, proof }).ok).toBe(true);
  });

  it('names the conversion when a hash is the gateway bare hex', () => {
    expect(reasonFor({ inputHash: inputHash.slice(2) })).toBe("proof.inputHash: must be 0x-prefixed: the gateway's tee_request_hash is bare hex; add 0x");
    expect(reasonFor({ outputHash: outputHash.slice(2) })).toBe("proof.outputHash: must be 0x-prefixed: the gateway's tee_output_hash is bare hex; add 0x");
    expect(reasonFor({ teeId: teeId.slice(2) })).toBe("proof.teeId: must be 0x-prefixed: the gateway's tee_id is bare hex; add 0x");
  });

  it('keeps a decimal-string timestamp malformed (spec §3a wants a number) and says how to write it', () => {
    expect(reasonFor({ timestamp: '1750000000' })).toBe("proof.timestamp: must be a number, not a string: write the gateway's tee_timestamp without quotes");
  });

  it('says where a pasted gateway field belongs', () => {
    expect(reasonFor({ tee_request_hash: inputHash.slice(2) }, ['inputHash'])).toBe("proof.inputHash: is missing: the gateway's tee_request_hash goes here, with 0x added");
    expect(reasonFor({ tee_timestamp: '1750000000' }, ['timestamp'])).toBe("proof.timestamp: is missing: the gateway's tee_timestamp goes here, as a JSON number");
    expect(reasonFor({ tee_signature: 'c2ln' }, ['signature'])).toBe("proof.signature: is missing: the gateway's tee_signature goes here");
  });

  it('lists every converted field, each with its own reason', () => {
    expect(reasonFor({ inputHash: inputHash.slice(2), outputHash: outputHash.slice(2), timestamp: '1750000000' })).toBe(
      [
        "proof.inputHash: must be 0x-prefixed: the gateway's tee_request_hash is bare hex; add 0x",
        "proof.outputHash: must be 0x-prefixed: the gateway's tee_output_hash is bare hex; add 0x",
        "proof.timestamp: must be a number, not a string: write the gateway's tee_timestamp without quotes",
      ].join('; '),
    );
  });

  it('keeps the schema reason for values that are not a gateway form', () => {
    expect(reasonFor({ inputHash: '0x1234' })).toBe('proof.inputHash: must be 0x and exactly 64 hex digits');
    expect(reasonFor({ inputHash: 'abc' })).toBe('proof.inputHash: must be 0x and exactly 64 hex digits');
    expect(reasonFor({ timestamp: 'yesterday' })).toBe('proof.timestamp: must be a number, not a string');
    expect(reasonFor({}, ['inputHash'])).toBe('proof.inputHash: is missing');
    // Only og-tee proofs have gateway fields.
    expect(validateEnvelope({ v: 1, proof: { type: 'eas-onchain', chainId: 1, uid: inputHash.slice(2) } })).toEqual({
      ok: false,
      reason: 'proof.uid: must be 0x and exactly 64 hex digits',
    });
  });
});
