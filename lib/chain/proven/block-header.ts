import { createBlockHeaderFromRPC, type BlockHeader, type JSONRPCBlock } from '@ethereumjs/block';
import type { Common } from '@ethereumjs/common';
import { bytesToHex, type Hex } from 'viem';
import { z } from 'zod';
import { chainCommon } from './chain-common';
import { ProofMismatchError } from './errors';

const hex = z.string().regex(/^0x[0-9a-fA-F]*$/, 'is not hex');

/** The fields a header hashes over, as JSON-RPC gives them; the hardfork fields only where the chain has them. */
const rpcHeader = z.looseObject({
  parentHash: hex,
  sha3Uncles: hex,
  miner: hex,
  stateRoot: hex,
  transactionsRoot: hex,
  receiptsRoot: hex,
  logsBloom: hex,
  difficulty: hex,
  number: hex,
  gasLimit: hex,
  gasUsed: hex,
  timestamp: hex,
  extraData: hex,
  mixHash: hex,
  nonce: hex,
  // Bor (Polygon) answers null for the fields its headers do not have.
  baseFeePerGas: hex.nullish(),
  withdrawalsRoot: hex.nullish(),
  blobGasUsed: hex.nullish(),
  excessBlobGas: hex.nullish(),
  parentBeaconBlockRoot: hex.nullish(),
  requestsHash: hex.nullish(),
});

/** A block header shown to hash to the agreed block hash: its roots can be trusted as far as that hash is. */
export type ProvenHeader = {
  number: bigint;
  hash: Hex;
  timestamp: bigint;
  stateRoot: Hex;
  receiptsRoot: Hex;
  transactionsRoot: Hex;
  parentHash: Hex;
  logsBloom: Hex;
  /** The header itself, for the EVM's block context. */
  header: BlockHeader;
  /** The rules the block was made under, for executing calls against it. */
  common: Common;
};

export type VerifyBlockHeaderParameters = {
  chainId: number;
  /** An eth_getBlockByHash or eth_getBlockByNumber result, untrusted. */
  block: unknown;
  /** The hash the block was agreed by. */
  hash: Hex;
};

/**
 * Rebuilds the header from the fields an endpoint returned and checks that it
 * hashes (keccak of its RLP) to the agreed hash. The `hash` field the endpoint
 * sent is ignored: only the recomputed one counts. Throws ProofMismatchError.
 */
export function verifyBlockHeader({ chainId, block, hash }: VerifyBlockHeaderParameters): ProvenHeader {
  const parsed = rpcHeader.safeParse(block);
  if (!parsed.success) throw new ProofMismatchError('The block header is not well formed', { details: parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ') });
  const fields = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== null));
  const common = chainCommon({ chainId, fields });
  let header: BlockHeader;
  try {
    // Consensus rules (a PoS header's zero difficulty, extraData length) differ on rollups and local chains; only the hash matters here.
    header = createBlockHeaderFromRPC(fields as unknown as JSONRPCBlock, { common, skipConsensusFormatValidation: true });
  } catch (error) {
    throw new ProofMismatchError('The block header does not decode', { details: error instanceof Error ? error.message : String(error), cause: error });
  }
  const computed = bytesToHex(header.hash());
  if (computed !== hash.toLowerCase()) {
    throw new ProofMismatchError('The block header does not hash to the agreed block hash', { details: `block ${header.number}: header hashes to ${computed}, agreed ${hash}` });
  }
  return {
    number: header.number,
    hash: computed,
    timestamp: header.timestamp,
    stateRoot: bytesToHex(header.stateRoot),
    receiptsRoot: bytesToHex(header.receiptTrie),
    transactionsRoot: bytesToHex(header.transactionsTrie),
    parentHash: bytesToHex(header.parentHash),
    logsBloom: bytesToHex(header.logsBloom),
    header,
    common,
  };
}
