import { solidityPackedKeccak256 } from 'ethers';
import fc from 'fast-check';
import { bytesToHex, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { teeMessageHash } from './message-hash';

const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => bytesToHex(bytes));

describe('teeMessageHash', () => {
  it('equals keccak256(abi.encodePacked(bytes32, bytes32, uint256)) as ethers computes it', () => {
    fc.assert(
      fc.property(bytes32, bytes32, fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }), (inputHash, outputHash, timestamp) => {
        const expected = solidityPackedKeccak256(['bytes32', 'bytes32', 'uint256'], [inputHash, outputHash, timestamp]);
        expect(teeMessageHash({ inputHash, outputHash, timestamp })).toBe(expected);
      }),
    );
  });

  it('takes the timestamp as a number or a bigint alike', () => {
    const inputHash: Hex = `0x${'11'.repeat(32)}`;
    const outputHash: Hex = `0x${'22'.repeat(32)}`;
    expect(teeMessageHash({ inputHash, outputHash, timestamp: 1_750_000_000 })).toBe(
      teeMessageHash({ inputHash, outputHash, timestamp: 1_750_000_000n }),
    );
  });

  it('changes with every field', () => {
    const base = { inputHash: `0x${'11'.repeat(32)}`, outputHash: `0x${'22'.repeat(32)}`, timestamp: 1 } as const;
    const hash = teeMessageHash(base);
    expect(teeMessageHash({ ...base, inputHash: `0x${'12'.repeat(32)}` })).not.toBe(hash);
    expect(teeMessageHash({ ...base, outputHash: `0x${'23'.repeat(32)}` })).not.toBe(hash);
    expect(teeMessageHash({ ...base, timestamp: 2 })).not.toBe(hash);
    // Swapping the hashes must matter: the order is part of what is signed.
    expect(teeMessageHash({ ...base, inputHash: base.outputHash, outputHash: base.inputHash })).not.toBe(hash);
  });
});
