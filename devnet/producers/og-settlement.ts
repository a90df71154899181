import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import type { Address, Hash, Hex } from 'viem';
import { settlementRelayAbi } from '../../lib/abi/settlement-relay';
import type { DevnetWalletClient } from '../clients';
import type { EnvelopeExtras, EnvelopeInput } from './envelope-types';
import type { TeeInference } from './og-tee';

export type SendIndividualSettlementParameters = {
  wallet: DevnetWalletClient;
  relay: Address;
  inference: TeeInference;
  /** The account the inference was served to. */
  ethAddress: Address;
  walrusBlobId: Hex;
};

/**
 * Settles one inference on a relay and returns the transaction hash without
 * waiting, so several settlements can share one block.
 */
export function sendIndividualSettlement({ wallet, relay, inference, ethAddress, walrusBlobId }: SendIndividualSettlementParameters): Promise<Hash> {
  const { teeId, inputHash, outputHash, timestamp, signatureBytes } = inference;
  return wallet.writeContract({
    address: relay,
    abi: settlementRelayAbi,
    functionName: 'settleIndividual',
    args: [teeId, ethAddress, inputHash, outputHash, BigInt(timestamp), walrusBlobId, signatureBytes],
  });
}

/** A batch leaf: (teeId, inputHash, outputHash, raw signature, timestamp). */
export type SettlementLeaf = [teeId: Hex, inputHash: Hex, outputHash: Hex, signature: Hex, timestamp: bigint];
export const settlementLeafEncoding = ['bytes32', 'bytes32', 'bytes32', 'bytes', 'uint256'];

export type SettlementBatch = {
  tree: StandardMerkleTree<SettlementLeaf>;
  root: Hex;
  /** The Merkle proof of the inference at `index` in the batch. */
  proof(index: number): Hex[];
};

/** An OpenZeppelin StandardMerkleTree over the inferences, as OpenGradient batches them. */
export function buildSettlementBatch(inferences: readonly TeeInference[]): SettlementBatch {
  const leaves = inferences.map((inference): SettlementLeaf => [
    inference.teeId,
    inference.inputHash,
    inference.outputHash,
    inference.signatureBytes,
    BigInt(inference.timestamp),
  ]);
  const tree = StandardMerkleTree.of(leaves, settlementLeafEncoding);
  // The tree sorts its leaves; a proof is asked for by the leaf's place in `inferences`.
  return { tree, root: tree.root as Hex, proof: (index) => tree.getProof(leaves[index]!) as Hex[] };
}

export type SendBatchSettlementParameters = {
  wallet: DevnetWalletClient;
  relay: Address;
  batch: SettlementBatch;
  walrusBlobId: Hex;
};

/** Settles a batch root on a relay; returns the transaction hash without waiting. */
export function sendBatchSettlement({ wallet, relay, batch, walrusBlobId }: SendBatchSettlementParameters): Promise<Hash> {
  return wallet.writeContract({
    address: relay,
    abi: settlementRelayAbi,
    functionName: 'settleBatch',
    args: [batch.root, BigInt(batch.tree.length), walrusBlobId],
  });
}

export type OgSettlementEnvelopeParameters = EnvelopeExtras & { chainId: number; tx: Hex; logIndex?: number };

export function ogSettlementEnvelope({ chainId, tx, logIndex, text, model }: OgSettlementEnvelopeParameters): EnvelopeInput {
  return {
    v: 1,
    proof: { type: 'og-settlement', chainId, tx, ...(logIndex !== undefined && { logIndex }) },
    ...(text !== undefined && { text }),
    ...(model !== undefined && { model }),
  };
}
