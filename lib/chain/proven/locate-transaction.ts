import type { Hex, TransactionReceipt } from 'viem';
import { invalidResultFailure, rpcErrorFailure } from '../endpoint-failure';
import type { Ancestry } from './ancestry';
import type { BlockContents } from './block-contents';
import { ProofMismatchError, ProofUnavailableError } from './errors';
import type { ProvenEndpoints } from './first-proven';
import { provenReceipt } from './proven-receipt';

export type LocateTransactionParameters = {
  endpoints: ProvenEndpoints;
  ancestry: Ancestry;
  contents: BlockContents;
  /** The agreed block's number: a transaction mined after it does not exist yet for this pass. */
  pinned: bigint;
  hash: Hex;
};

/** The proven receipt, or how many endpoints agreed there is none by the agreed block. */
export type LocateTransactionReturnType = { receipt: TransactionReceipt } | { receipt: null; absentBy: number };

/** The receipt, or null when at least this many endpoints say there is none by the agreed block. */
const agreedAbsence = 2;

/**
 * The receipt of a transaction, proven: an endpoint's eth_getTransactionReceipt
 * only says which block to look in; that block is shown to be an ancestor of
 * the agreed one, its transactions and receipts are proven against its
 * header, and the receipt is taken from there. An endpoint that points at a
 * block without the transaction is not believed, and the next is asked.
 *
 * "There is no such transaction" cannot be proven (it would take every
 * block), so it counts only when two endpoints say so (spec §6): one
 * endpoint's absence is `unavailable`.
 */
export async function locateTransaction({ endpoints, ancestry, contents, pinned, hash }: LocateTransactionParameters): Promise<LocateTransactionReturnType> {
  const absentAt: string[] = [];
  const unprovable: string[] = [];
  for (const endpoint of endpoints.endpoints) {
    if (endpoints.failed.has(endpoint.url)) continue;
    const reply = await endpoint.request('eth_getTransactionReceipt', [hash]);
    if (reply.kind === 'failure') {
      endpoints.failed.set(endpoint.url, reply.failure);
      continue;
    }
    if (reply.kind === 'error') {
      endpoints.failed.set(endpoint.url, rpcErrorFailure(endpoint.url, 'eth_getTransactionReceipt', reply));
      continue;
    }
    const number = blockNumberOf(reply.result);
    if (number === undefined) {
      endpoints.failed.set(endpoint.url, invalidResultFailure(endpoint.url, 'eth_getTransactionReceipt', 'no block number'));
      continue;
    }
    if (number === null || number > pinned) {
      absentAt.push(endpoint.url);
      continue;
    }
    // The block named may be one no endpoint can prove (too old, a type this code cannot encode): the next endpoint may name another.
    const block = await ancestry
      .headerAt(number)
      .then(contents)
      .catch((error: unknown) => {
        if (!(error instanceof ProofUnavailableError)) throw error;
        unprovable.push(`${endpoint.url} names block ${number}: ${error.shortMessage}`);
        return undefined;
      });
    if (!block) continue;
    const index = block.transactions.findIndex((transaction) => transaction.hash === hash);
    if (index === -1) {
      const failure = new ProofMismatchError('The transaction is not in the block the RPC named', { details: `${hash} is not among the ${block.transactions.length} transactions of block ${number}` });
      endpoints.failed.set(endpoint.url, { kind: 'invalid-response', url: endpoint.url, message: `RPC answer does not prove: ${failure.shortMessage}`, details: failure.details });
      continue;
    }
    endpoints.onProven?.(endpoint.url);
    return { receipt: await provenReceipt(block, index) };
  }
  if (absentAt.length >= agreedAbsence) return { receipt: null, absentBy: absentAt.length };
  const said = absentAt.length === 1 ? `Only ${absentAt[0]} says there is no transaction ${hash}; an absence counts when two RPCs agree` : `No RPC gave a receipt of ${hash} that proves`;
  const reasons = [...unprovable, ...[...endpoints.failed].map(([url, failure]) => `${url}: ${failure.message} (${failure.details})`)];
  throw new ProofUnavailableError(absentAt.length === 1 ? 'Only one RPC says the transaction does not exist' : 'No RPC gave a receipt that proves against the agreed block', {
    chainId: endpoints.chainId,
    details: [said, ...reasons].join('\n'),
  });
}

/** The block number a receipt names: null for no receipt, undefined when the answer is not a receipt. */
function blockNumberOf(result: unknown): bigint | null | undefined {
  if (result === null) return null;
  const number = typeof result === 'object' ? (result as { blockNumber?: unknown }).blockNumber : undefined;
  return typeof number === 'string' && /^0x[0-9a-fA-F]{1,16}$/.test(number) ? BigInt(number) : undefined;
}
