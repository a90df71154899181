import { RLP } from '@ethereumjs/rlp';
import { concatBytes, hexToBytes, type Hex } from 'viem';
import { z } from 'zod';
import { ProofMismatchError } from './errors';
import { orderedTrieRoot } from './ordered-trie';
import { bytes, quantity } from './rpc-hex';

/** The fields a receipt's consensus encoding is made of; the rest of a JSON receipt (hashes, gas price, …) is not committed to. */
const rpcReceipt = z.looseObject({
  type: quantity.optional(),
  /** Since Byzantium; before it, `root` (the state root after the transaction). */
  status: quantity.optional(),
  root: bytes.optional(),
  cumulativeGasUsed: quantity,
  logsBloom: bytes,
  logs: z.array(z.looseObject({ address: z.string().regex(/^0x[0-9a-fA-F]{40}$/), topics: z.array(z.string().regex(/^0x[0-9a-fA-F]{64}$/)), data: bytes })),
  /** OP Stack deposits: the nonce since Regolith, the version since Canyon. */
  depositNonce: quantity.nullish(),
  depositReceiptVersion: quantity.nullish(),
});

/** A receipt as the block's receipts root commits to it. */
export type ProvenReceipt = {
  status: 'success' | 'reverted';
  cumulativeGasUsed: bigint;
  logsBloom: Hex;
  logs: { address: Hex; topics: Hex[]; data: Hex }[];
};

export type VerifyBlockReceiptsParameters = {
  /** An eth_getBlockReceipts result, untrusted. */
  receipts: unknown;
  /** From the proven header. */
  receiptsRoot: Hex;
  /** How many transactions the proven block has: one receipt each. */
  count: number;
};

/**
 * Re-encodes every receipt of a block (the typed-receipt encoding of
 * EIP-2718, with the OP Stack deposit's nonce and version) and checks that
 * their trie has the header's receipts root: then each receipt's status and
 * logs are what the chain recorded for the transaction at that index.
 * Throws ProofMismatchError.
 */
export async function verifyBlockReceipts({ receipts, receiptsRoot, count }: VerifyBlockReceiptsParameters): Promise<ProvenReceipt[]> {
  const parsed = z.array(rpcReceipt).safeParse(receipts);
  if (!parsed.success) throw new ProofMismatchError('The block receipts are not well formed', { details: `${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}` });
  if (parsed.data.length !== count) throw new ProofMismatchError('The block receipts do not match its transactions', { details: `${parsed.data.length} receipts for ${count} transactions` });
  const root = await orderedTrieRoot(parsed.data.map(encodeReceipt));
  if (root !== receiptsRoot.toLowerCase()) {
    throw new ProofMismatchError('The block receipts do not match the header receipts root', { details: `${count} receipts make root ${root}, the header has ${receiptsRoot}` });
  }
  return parsed.data.map((receipt) => ({
    status: receipt.status === undefined || BigInt(receipt.status) === 1n ? 'success' : 'reverted',
    cumulativeGasUsed: BigInt(receipt.cumulativeGasUsed),
    logsBloom: receipt.logsBloom.toLowerCase() as Hex,
    logs: receipt.logs.map(({ address, topics, data }) => ({ address: address.toLowerCase() as Hex, topics: topics.map((topic) => topic.toLowerCase() as Hex), data: data.toLowerCase() as Hex })),
  }));
}

function encodeReceipt(receipt: z.infer<typeof rpcReceipt>): Uint8Array {
  const outcome = receipt.root !== undefined ? hexToBytes(receipt.root as Hex) : BigInt(receipt.status ?? '0x0');
  const fields = [
    outcome,
    BigInt(receipt.cumulativeGasUsed),
    hexToBytes(receipt.logsBloom as Hex),
    receipt.logs.map(({ address, topics, data }) => [hexToBytes(address as Hex), topics.map((topic) => hexToBytes(topic as Hex)), hexToBytes(data as Hex)]),
    // Since Canyon a deposit's receipt commits to its nonce and receipt version. Before it (Regolith) the nonce
    // was served but not hashed into the receipts root: op-geth's Receipts.EncodeIndex adds both only with a version.
    ...(receipt.depositReceiptVersion != null && receipt.depositNonce != null ? [BigInt(receipt.depositNonce), BigInt(receipt.depositReceiptVersion)] : []),
  ];
  const type = Number(receipt.type ?? '0x0');
  const encoded = RLP.encode(fields);
  return type === 0 ? encoded : concatBytes([new Uint8Array([type]), encoded]);
}
