import type { Hex } from 'viem';
import type { ProvenHeader } from './block-header';
import { verifyBlockReceipts, type ProvenReceipt } from './block-receipts';
import { verifyBlockTransactions, type ProvenTransaction } from './block-transactions';
import { firstProven, type ProvenEndpoints } from './first-proven';

/** A block's transactions and their receipts, both proven against its header. */
export type ProvenBlockContents = {
  header: ProvenHeader;
  transactions: ProvenTransaction[];
  receipts: ProvenReceipt[];
};

/** The contents of proven blocks, each read once per pass. */
export type BlockContents = (header: ProvenHeader) => Promise<ProvenBlockContents>;

/**
 * Reads a block's transactions (eth_getBlockByHash with full transactions)
 * and all its receipts (eth_getBlockReceipts: no standard method serves one
 * receipt with a proof, so the whole block's are rebuilt into its trie).
 * The two may come from different endpoints; each proves on its own.
 */
export function createBlockContents(endpoints: ProvenEndpoints): BlockContents {
  const byHash = new Map<Hex, Promise<ProvenBlockContents>>();
  return (header) => {
    let known = byHash.get(header.hash);
    if (!known) {
      known = (async () => {
        // Asked in the same tick, so both go out in one HTTP batch.
        const transactions = firstProven(endpoints, {
          what: `the transactions of block ${header.number} (${header.hash})`,
          method: 'eth_getBlockByHash',
          params: [header.hash, true],
          verify: (block) => verifyBlockTransactions({ block, transactionsRoot: header.transactionsRoot }),
        });
        const receipts = firstProven(endpoints, {
          what: `the receipts of block ${header.number} (${header.hash})`,
          method: 'eth_getBlockReceipts',
          params: [header.hash],
          verify: async (answer) => verifyBlockReceipts({ receipts: answer, receiptsRoot: header.receiptsRoot, count: (await transactions).length }),
        });
        const [proven, matched] = await Promise.all([transactions, receipts]);
        return { header, transactions: proven, receipts: matched };
      })();
      byHash.set(header.hash, known);
      known.catch(() => byHash.delete(header.hash));
    }
    return known;
  };
}
