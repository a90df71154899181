import { getContractAddress, recoverTransactionAddress, type Hex, type Log, type TransactionReceipt } from 'viem';
import type { ProvenBlockContents } from './block-contents';

/** A log of a proven block, placed where the chain put it. */
export type ProvenLog = Log<bigint, number, false>;

/** Every log of a proven block, in block order, with its block-wide index. */
export function blockLogs({ header, transactions, receipts }: ProvenBlockContents): ProvenLog[] {
  let logIndex = 0;
  return receipts.flatMap((receipt, transactionIndex) =>
    receipt.logs.map(({ address, topics, data }) => ({
      address,
      topics: topics as [Hex, ...Hex[]] | [],
      data,
      blockHash: header.hash,
      blockNumber: header.number,
      transactionHash: transactions[transactionIndex]!.hash,
      transactionIndex,
      logIndex: logIndex++,
      removed: false,
    })),
  );
}

/**
 * The receipt of the block's transaction at `index`, in viem's shape, made
 * only of what the block's header proves: the receipt's status, gas and logs,
 * the transaction's own fields, and the sender recovered from its signature.
 */
export async function provenReceipt(contents: ProvenBlockContents, index: number): Promise<TransactionReceipt> {
  const { header, transactions, receipts } = contents;
  const { hash, raw, transaction } = transactions[index]!;
  const receipt = receipts[index]!;
  const from = transaction.type === 'deposit' ? transaction.from : ((await recoverTransactionAddress({ serializedTransaction: raw as Parameters<typeof recoverTransactionAddress>[0]['serializedTransaction'] })).toLowerCase() as Hex);
  const to = transaction.to?.toLowerCase() as Hex | null | undefined;
  const created = !to && transaction.type !== 'deposit' ? getContractAddress({ from, nonce: BigInt(transaction.nonce) }) : null;
  return {
    blockHash: header.hash,
    blockNumber: header.number,
    transactionHash: hash,
    transactionIndex: index,
    from,
    to: to ?? null,
    contractAddress: created,
    status: receipt.status,
    type: transaction.type,
    cumulativeGasUsed: receipt.cumulativeGasUsed,
    gasUsed: receipt.cumulativeGasUsed - (index === 0 ? 0n : receipts[index - 1]!.cumulativeGasUsed),
    effectiveGasPrice: effectiveGasPrice(transaction, header.header.baseFeePerGas),
    logsBloom: receipt.logsBloom,
    logs: blockLogs(contents).filter((log) => log.transactionIndex === index),
  };
}

/** What the sender paid per gas: the price it set, or under EIP-1559 the base fee and the tip it allowed. Deposits pay none on L2. */
function effectiveGasPrice(transaction: ProvenBlockContents['transactions'][number]['transaction'], baseFee: bigint | undefined): bigint {
  if (transaction.type === 'deposit') return 0n;
  if (transaction.gasPrice !== undefined) return transaction.gasPrice;
  const { maxFeePerGas = 0n, maxPriorityFeePerGas = 0n } = transaction;
  const base = baseFee ?? 0n;
  return base + (maxPriorityFeePerGas < maxFeePerGas - base ? maxPriorityFeePerGas : maxFeePerGas - base);
}
