import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import fc from 'fast-check';
import { bytesToHex, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { processMerkleProof, settlementLeafHash, type SettlementLeaf } from './merkle';

/** The leaf encoding, written out independently of lib/og/merkle.ts. */
const leafEncoding = ['bytes32', 'bytes32', 'bytes32', 'bytes', 'uint256'];

const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => bytesToHex(bytes));
const leaf = fc.record({
  teeId: bytes32,
  inputHash: bytes32,
  outputHash: bytes32,
  signature: fc.uint8Array({ minLength: 0, maxLength: 300 }).map((bytes) => bytesToHex(bytes)),
  timestamp: fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
});
// Distinct leaves: OpenZeppelin's tree refuses none, but equal leaves make "which index" ambiguous.
const leaves = fc.uniqueArray(leaf, { minLength: 1, maxLength: 24, selector: (value) => value.outputHash });

function treeOf(values: SettlementLeaf[]) {
  return StandardMerkleTree.of(
    values.map((value) => [value.teeId, value.inputHash, value.outputHash, value.signature, value.timestamp]),
    leafEncoding,
  );
}

describe('settlementLeafHash', () => {
  it('equals StandardMerkleTree.leafHash for the (teeId, inputHash, outputHash, signature, timestamp) encoding', () => {
    fc.assert(
      fc.property(leaves, (values) => {
        const tree = treeOf(values);
        for (const value of values) {
          expect(settlementLeafHash(value)).toBe(tree.leafHash([value.teeId, value.inputHash, value.outputHash, value.signature, value.timestamp]));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('takes the signature as bytes or hex, and the timestamp as number or bigint', () => {
    const value = { teeId: `0x${'01'.repeat(32)}`, inputHash: `0x${'02'.repeat(32)}`, outputHash: `0x${'03'.repeat(32)}`, signature: '0xdeadbeef', timestamp: 17n } as const;
    expect(settlementLeafHash({ ...value, signature: new Uint8Array([0xde, 0xad, 0xbe, 0xef]), timestamp: 17 })).toBe(settlementLeafHash(value));
  });
});

describe('processMerkleProof', () => {
  it("leads every leaf of a random tree to OpenZeppelin's root", () => {
    fc.assert(
      fc.property(leaves, (values) => {
        const tree = treeOf(values);
        for (const value of values) {
          const proof = tree.getProof(treeIndexOf(tree, value)) as Hex[];
          expect(processMerkleProof({ leaf: settlementLeafHash(value), proof })).toBe(tree.root);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('does not reach the root with a changed proof hash, a changed leaf or a shortened proof', () => {
    fc.assert(
      fc.property(leaves.filter((values) => values.length >= 2), fc.nat(), (values, pick) => {
        const tree = treeOf(values);
        const value = values[pick % values.length]!;
        const proof = tree.getProof(treeIndexOf(tree, value)) as Hex[];
        const leafHash = settlementLeafHash(value);

        const changedProof = proof.map((hash, index) => (index === pick % proof.length ? flipLastBit(hash) : hash));
        expect(processMerkleProof({ leaf: leafHash, proof: changedProof })).not.toBe(tree.root);
        expect(processMerkleProof({ leaf: settlementLeafHash({ ...value, timestamp: value.timestamp ^ 1n }), proof })).not.toBe(tree.root);
        expect(processMerkleProof({ leaf: leafHash, proof: proof.slice(0, -1) })).not.toBe(tree.root);
      }),
      { numRuns: 50 },
    );
  });

  it('is the leaf itself for a one-leaf tree', () => {
    const leafHash: Hex = `0x${'ab'.repeat(32)}`;
    expect(processMerkleProof({ leaf: leafHash, proof: [] })).toBe(leafHash);
  });

  it('orders each pair by value, whatever case the hex is written in', () => {
    const low: Hex = `0x${'0a'.repeat(32)}`;
    const high: Hex = `0x${'f0'.repeat(32)}`;
    const root = processMerkleProof({ leaf: low, proof: [high] });
    expect(processMerkleProof({ leaf: high, proof: [low] })).toBe(root);
    expect(processMerkleProof({ leaf: high.toUpperCase().replace('0X', '0x') as Hex, proof: [low] })).toBe(root);
  });
});

function treeIndexOf(tree: ReturnType<typeof treeOf>, value: SettlementLeaf): number {
  for (const [index, entry] of tree.entries()) if (entry[2] === value.outputHash) return index;
  throw new Error('leaf not in tree');
}

function flipLastBit(hash: Hex): Hex {
  const last = parseInt(hash.slice(-1), 16) ^ 1;
  return `${hash.slice(0, -1)}${last.toString(16)}` as Hex;
}
