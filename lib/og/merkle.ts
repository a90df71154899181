import { bytesToHex, concat, encodeAbiParameters, keccak256, parseAbiParameters, type ByteArray, type Hex } from 'viem';

/** One inference of a batch settlement, as the batch's StandardMerkleTree holds it. */
export type SettlementLeaf = {
  teeId: Hex;
  inputHash: Hex;
  outputHash: Hex;
  /** The raw RSA-PSS signature bytes (not base64). */
  signature: Hex | ByteArray;
  /** Unix seconds. */
  timestamp: number | bigint;
};

/** (teeId, inputHash, outputHash, teeSignature, timestamp), as OpenGradient's batch trees encode a leaf. */
const settlementLeafParameters = parseAbiParameters('bytes32, bytes32, bytes32, bytes, uint256');

/**
 * OpenZeppelin StandardMerkleTree leaf hash: keccak256(bytes.concat(keccak256(abi.encode(values)))).
 * Hashing twice keeps a 64-byte inner node from passing as a leaf.
 */
export function settlementLeafHash({ teeId, inputHash, outputHash, signature, timestamp }: SettlementLeaf): Hex {
  const encoded = encodeAbiParameters(settlementLeafParameters, [
    teeId,
    inputHash,
    outputHash,
    typeof signature === 'string' ? signature : bytesToHex(signature),
    BigInt(timestamp),
  ]);
  return keccak256(keccak256(encoded));
}

export type ProcessMerkleProofParameters = {
  leaf: Hex;
  /** Sibling hashes from the leaf up, as StandardMerkleTree.getProof gives them. */
  proof: readonly Hex[];
};

/**
 * The root that `proof` leads to from `leaf`, as OpenZeppelin's
 * MerkleProof.processProof computes it: each parent is keccak256 of its two
 * children in ascending order, so a proof needs no left/right flags.
 */
export function processMerkleProof({ leaf, proof }: ProcessMerkleProofParameters): Hex {
  return proof.reduce<Hex>((node, sibling) => hashSortedPair(node, sibling), leaf);
}

function hashSortedPair(a: Hex, b: Hex): Hex {
  // Equal-length lowercase hex orders like the bytes32 values it encodes.
  const [low, high] = a.toLowerCase() < b.toLowerCase() ? [a, b] : [b, a];
  return keccak256(concat([low, high]));
}
