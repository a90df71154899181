import { createHash } from 'node:crypto';
import { keccak256 as ethersKeccak256 } from 'ethers';
import fc from 'fast-check';
import { bytesToHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { keyFingerprint, teeIdOf } from './tee-key';

describe('teeIdOf', () => {
  it('is keccak256 of the DER bytes, given as hex or bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 600 }), (der) => {
        expect(teeIdOf(der)).toBe(ethersKeccak256(der));
        expect(teeIdOf(bytesToHex(der))).toBe(ethersKeccak256(der));
      }),
    );
  });
});

describe('keyFingerprint', () => {
  it('is the SHA-256 of the DER bytes as 64 hex digits, no 0x', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 600 }), (der) => {
        const expected = createHash('sha256').update(der).digest('hex');
        expect(keyFingerprint(der)).toBe(expected);
        expect(keyFingerprint(bytesToHex(der))).toBe(expected);
      }),
    );
  });
});
