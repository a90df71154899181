import { formatTransaction, hexToBytes, keccak256, type Hex, type RpcTransaction, type Transaction, type TransactionSerializable } from 'viem';
import { serializeTransaction } from 'viem/op-stack';
import { z } from 'zod';
import { ProofMismatchError, UnrebuildableBlockError } from './errors';
import { orderedTrieRoot } from './ordered-trie';
import { encodeArbitrumTransaction, isArbitrumTransactionType } from './tx-arbitrum';
import { encodeScrollL1Message } from './tx-scroll';

const hex = z.string().regex(/^0x[0-9a-fA-F]*$/, 'is not hex');

/** The fields an OP Stack deposit (type 0x7e) is encoded from; it has no signature. */
const depositFields = z.looseObject({
  type: z.literal('0x7e'),
  sourceHash: hex,
  from: hex,
  to: hex.nullable(),
  mint: hex.nullish(),
  value: hex,
  gas: hex,
  isSystemTx: z.boolean().nullish(),
  input: hex,
});

/** Ethereum's signed types, encoded by viem; with 0x7e (OP Stack deposits, Scroll L1 messages) and Arbitrum's (tx-arbitrum.ts), the types encoded here. Anything else cannot be proven. */
const signedTypes = new Set(['0x0', '0x1', '0x2', '0x3', '0x4']);

/** One transaction of a block, as the block's transactions root commits to it. */
export type ProvenTransaction = {
  hash: Hex;
  index: number;
  /** The consensus encoding: the RLP of a legacy transaction, else its type byte and RLP. */
  raw: Hex;
  /** The transaction decoded from the same JSON the encoding was built from, so its fields are as proven as `raw`. */
  transaction: Transaction | DepositTransaction;
};

/** A transaction the rollup put in the block (an OP Stack deposit, a Scroll L1 message, Arbitrum's ArbOS and inbox types): unsigned, its sender is one of its fields. */
export type DepositTransaction = { type: 'deposit'; from: Hex; to: Hex | null };

export type VerifyBlockTransactionsParameters = {
  /** An eth_getBlockByHash(hash, true) result, untrusted. */
  block: unknown;
  /** From the proven header. */
  transactionsRoot: Hex;
};

/**
 * Re-encodes every transaction of a block from its JSON fields (viem's
 * serializers for Ethereum's types and OP Stack deposits, tx-scroll.ts for
 * Scroll's L1 messages, tx-arbitrum.ts for Arbitrum's) and checks that the
 * trie of those encodings has the header's transactions root: then each
 * transaction, its hash and its index are what the block holds. A type this
 * code cannot encode (Celo's fee-currency ones, Arbitrum's pre-Nitro
 * wrapper, Polygon's state syncs) makes the block unprovable:
 * UnrebuildableBlockError, which the reader answers with a quorum read (see
 * lib/chain/reader.ts). Anything else that does not prove: ProofMismatchError.
 */
export async function verifyBlockTransactions({ block, transactionsRoot }: VerifyBlockTransactionsParameters): Promise<ProvenTransaction[]> {
  const listed = z.looseObject({ transactions: z.array(z.looseObject({ type: hex.optional() })) }).safeParse(block);
  if (!listed.success) throw new ProofMismatchError('The block does not list its transactions', { details: listed.error.issues[0]?.message });
  const proven = listed.data.transactions.map((listedTransaction, index) => {
    // Some nodes spell the type in capitals (anvil's 0x7E).
    const type = listedTransaction.type?.toLowerCase() ?? '0x0';
    const rpc: Record<string, unknown> = { ...listedTransaction, type };
    if (!signedTypes.has(type) && type !== '0x7e' && !isArbitrumTransactionType(type)) throw new UnrebuildableBlockError('The block holds a transaction type Verity cannot rebuild', { details: `transaction ${index} has type ${type}` });
    // Bor lists a block's Polygon state sync as an unsigned type 0 transaction that is in neither trie.
    if (signedTypes.has(type) && isZero(rpc.r) && isZero(rpc.s)) throw new UnrebuildableBlockError('The block holds a transaction type Verity cannot rebuild', { details: `transaction ${index} is unsigned (a state sync)` });
    try {
      return encode(rpc, index);
    } catch (error) {
      if (error instanceof ProofMismatchError || error instanceof UnrebuildableBlockError) throw error;
      throw new ProofMismatchError('A transaction of the block does not encode', { details: `transaction ${index}: ${error instanceof Error ? error.message : String(error)}`, cause: error });
    }
  });
  const root = await orderedTrieRoot(proven.map(({ raw }) => hexToBytes(raw)));
  if (root !== transactionsRoot.toLowerCase()) {
    throw new ProofMismatchError('The block transactions do not match the header transactions root', { details: `${proven.length} transactions make root ${root}, the header has ${transactionsRoot}` });
  }
  return proven;
}

function encode(rpc: Record<string, unknown>, index: number): ProvenTransaction {
  if (isArbitrumTransactionType(rpc.type as string)) {
    const { raw, hash, from, to } = encodeArbitrumTransaction({ transaction: rpc, index });
    return { hash, index, raw, transaction: { type: 'deposit', from, to } };
  }
  // Two rollups use 0x7e, told apart by their fields. Claiming the other layout gains nothing: a deposit is a list
  // of eight items and an L1 message of six, so no bytes are both, and only the chain's own bytes match its root.
  if (rpc.type === '0x7e' && rpc.queueIndex !== undefined) {
    const { raw, from, to } = encodeScrollL1Message({ transaction: rpc, index });
    return { hash: keccak256(raw), index, raw, transaction: { type: 'deposit', from, to } };
  }
  if (rpc.type === '0x7e') {
    const deposit = depositFields.safeParse(rpc);
    if (!deposit.success) throw new ProofMismatchError('A deposit transaction is not well formed', { details: `transaction ${index}: ${deposit.error.issues[0]?.message}` });
    const { sourceHash, from, to, mint, value, gas, isSystemTx, input } = deposit.data;
    const raw = serializeTransaction({
      type: 'deposit',
      sourceHash: sourceHash as Hex,
      from: from as Hex,
      ...(to && { to: to as Hex }),
      ...(mint && { mint: BigInt(mint) }),
      value: BigInt(value),
      gas: BigInt(gas),
      isSystemTx: isSystemTx ?? false,
      data: input as Hex,
    });
    return { hash: keccak256(raw), index, raw, transaction: { type: 'deposit', from: from.toLowerCase() as Hex, to: (to?.toLowerCase() ?? null) as Hex | null } };
  }
  const transaction = formatTransaction(rpc as unknown as RpcTransaction);
  const { r, s, v, yParity } = transaction;
  if (r === undefined || s === undefined) throw new ProofMismatchError('A transaction has no signature', { details: `transaction ${index}` });
  // viem's formatted transaction calls its calldata `input`; its serializers read `data`.
  const serializable = { ...transaction, data: transaction.input } as TransactionSerializable & { chainId?: number };
  // An unprotected legacy transaction (v 27 or 28) signs no chain id; encoding one would change it.
  if (transaction.type === 'legacy' && v !== undefined && v < 35n) delete serializable.chainId;
  const raw = serializeTransaction(serializable, transaction.type === 'legacy' ? { r, s, v: v! } : { r, s, yParity: yParity! });
  return { hash: keccak256(raw), index, raw, transaction };
}

function isZero(value: unknown): boolean {
  return typeof value === 'string' && /^0x0*$/.test(value);
}
