import { describe, expect, it } from 'vitest';
import { scrollDevnetChainId, scrollL1MessageBlock, scrollL1MessageReceipts } from '../../../test/fixtures/scroll-l1-message-block';
import { verifyBlockHeader } from './block-header';
import { verifyBlockReceipts } from './block-receipts';
import { verifyBlockTransactions } from './block-transactions';
import { ProofMismatchError } from './errors';
import { provenReceipt } from './proven-receipt';
import { encodeScrollL1Message } from './tx-scroll';

/** A real Scroll block of five L1 messages, its roots as the chain recorded them (see the fixture). */
const block = scrollL1MessageBlock;
const header = () => verifyBlockHeader({ chainId: scrollDevnetChainId, block, hash: block.hash as `0x${string}` });
const withMessage = (index: number, change: Record<string, unknown>) => ({
  ...block,
  transactions: block.transactions.map((transaction, at) => (at === index ? { ...transaction, ...change } : transaction)),
});

async function mismatch(run: () => Promise<unknown>): Promise<ProofMismatchError> {
  const error = await run().catch((reason: unknown) => reason);
  expect(error).toBeInstanceOf(ProofMismatchError);
  return error as ProofMismatchError;
}

describe('Scroll L1 messages against a recorded block', () => {
  it('rebuilds the header, so its roots are the chain’s', () => {
    expect(header().transactionsRoot).toBe(block.transactionsRoot);
    expect(header().receiptsRoot).toBe(block.receiptsRoot);
  });

  it('re-encodes each message to its recorded hash and all five to the transactions root', async () => {
    const proven = await verifyBlockTransactions({ block, transactionsRoot: header().transactionsRoot });
    expect(proven.map(({ hash }) => hash)).toEqual(block.transactions.map(({ hash }) => hash));
    expect(proven[0]!.transaction).toEqual({ type: 'deposit', from: block.transactions[0]!.sender, to: block.transactions[0]!.to });
  });

  it('rebuilds the receipts to the receipts root, and a receipt takes its sender from the message', async () => {
    const { transactionsRoot, receiptsRoot } = header();
    const transactions = await verifyBlockTransactions({ block, transactionsRoot });
    const receipts = await verifyBlockReceipts({ receipts: scrollL1MessageReceipts, receiptsRoot, count: transactions.length });
    expect(receipts.map(({ status }) => status)).toEqual(Array(5).fill('reverted'));
    const receipt = await provenReceipt({ header: header(), transactions, receipts }, 2);
    expect(receipt).toMatchObject({ from: block.transactions[2]!.sender, to: block.transactions[2]!.to, gasUsed: 24_000n, effectiveGasPrice: 0n, contractAddress: null });
  });

  it('does not believe a message whose queue index, sender or data was changed', async () => {
    const { transactionsRoot } = header();
    for (const change of [{ queueIndex: '0x0' }, { sender: '0x0000000000000000000000000000000000000001' }, { input: '0x' }]) {
      const error = await mismatch(() => verifyBlockTransactions({ block: withMessage(1, change), transactionsRoot }));
      expect(error.shortMessage).toMatch(/transactions root/);
    }
  });

  it('does not believe a message passed off as an OP Stack deposit', async () => {
    const { queueIndex: _queueIndex, ...deposit } = block.transactions[0]!;
    const error = await mismatch(() => verifyBlockTransactions({ block: { ...block, transactions: [deposit, ...block.transactions.slice(1)] }, transactionsRoot: header().transactionsRoot }));
    expect(error.shortMessage).toBe('A deposit transaction is not well formed');
  });

  it('does not believe a receipt that claims a message succeeded', async () => {
    const { receiptsRoot } = header();
    const claimed = scrollL1MessageReceipts.map((receipt, index) => (index === 3 ? { ...receipt, status: '0x1' } : receipt));
    expect((await mismatch(() => verifyBlockReceipts({ receipts: claimed, receiptsRoot, count: 5 }))).shortMessage).toMatch(/receipts root/);
  });

  it('rejects a message without its sender, or one that creates a contract, saying which', () => {
    const { sender: _sender, ...unsent } = block.transactions[0]!;
    expect(() => encodeScrollL1Message({ transaction: unsent, index: 0 })).toThrow(expect.objectContaining({ shortMessage: 'A Scroll L1 message is not well formed', details: expect.stringMatching(/^transaction 0: sender/) }));
    expect(() => encodeScrollL1Message({ transaction: { ...block.transactions[0]!, to: null }, index: 4 })).toThrow(expect.objectContaining({ details: expect.stringMatching(/^transaction 4: to/) }));
  });
});
