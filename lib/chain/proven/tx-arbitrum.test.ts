import { describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { arbitrumOneBlock350790042, arbitrumSepoliaBlock241934433, arbitrumSepoliaTransactions, nitroContractTransaction } from '../../../test/fixtures/arbitrum-recorded';
import { verifyBlockHeader } from './block-header';
import { verifyBlockReceipts } from './block-receipts';
import { verifyBlockTransactions } from './block-transactions';
import { ProofMismatchError, UnrebuildableBlockError } from './errors';
import { encodeArbitrumTransaction } from './tx-arbitrum';

const arbos = '0x00000000000000000000000000000000000a4b05';
const block = arbitrumOneBlock350790042;
const header = () => verifyBlockHeader({ chainId: 42161, block, hash: block.hash as Hex });
const withTransaction = (index: number, change: Record<string, unknown>) => ({
  ...block,
  transactions: block.transactions.map((transaction, at) => (at === index ? { ...transaction, ...change } : transaction)),
});

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  return run().catch((reason: unknown) => reason);
}

describe('Arbitrum transactions against recorded ones', () => {
  it('re-encodes each of Nitro’s types to the bytes and hash its node recorded', () => {
    for (const [index, recorded] of [...arbitrumSepoliaTransactions, nitroContractTransaction].entries()) {
      const { raw, hash } = encodeArbitrumTransaction({ transaction: recorded, index });
      expect({ type: recorded.type, raw, hash }).toEqual({ type: recorded.type, raw: recorded.raw, hash: recorded.hash });
    }
  });

  it('takes sender and recipient from encoded fields: ArbOS for its own, the retryable precompile for a submission', () => {
    const byType = (type: string) => arbitrumSepoliaTransactions.find((transaction) => transaction.type === type)!;
    expect(encodeArbitrumTransaction({ transaction: byType('0x6a'), index: 0 })).toMatchObject({ from: arbos, to: arbos });
    expect(encodeArbitrumTransaction({ transaction: { ...byType('0x69'), to: '0x0000000000000000000000000000000000000bad' }, index: 0 })).toMatchObject({
      from: byType('0x69').from,
      to: '0x000000000000000000000000000000000000006e',
    });
    expect(encodeArbitrumTransaction({ transaction: byType('0x64'), index: 0 })).toMatchObject({ from: byType('0x64').from, to: byType('0x64').to });
  });

  it('rebuilds a recorded Arbitrum One block: header, ArbOS’s transaction and the users’ to its transactions root', async () => {
    const proven = await verifyBlockTransactions({ block, transactionsRoot: header().transactionsRoot });
    expect(proven.map(({ hash }) => hash)).toEqual(block.transactions.map(({ hash }) => hash));
    expect(proven[0]!.transaction).toEqual({ type: 'deposit', from: arbos, to: arbos });
    expect(proven[1]!.transaction).toMatchObject({ type: 'eip1559', from: block.transactions[1]!.from });
  });

  it('rebuilds recorded Arbitrum receipts (0x6a, 0x69, 0x68) to their block’s receipts root', async () => {
    const { receipts, receiptsRoot } = arbitrumSepoliaBlock241934433;
    const proven = await verifyBlockReceipts({ receipts, receiptsRoot: receiptsRoot as Hex, count: 3 });
    expect(proven.map(({ status, logs }) => [status, logs.length])).toEqual([['success', 0], ['success', 2], ['success', 0]]);
    const reverted = receipts.map((receipt, index) => (index === 2 ? { ...receipt, status: '0x0' } : receipt));
    expect(await failure(() => verifyBlockReceipts({ receipts: reverted, receiptsRoot: receiptsRoot as Hex, count: 3 }))).toBeInstanceOf(ProofMismatchError);
  });

  it('falls back, never believes, when an encoding does not give the listed hash: Verity’s mistake cannot be told from a lie', async () => {
    const { transactionsRoot } = header();
    const error = await failure(() => verifyBlockTransactions({ block: withTransaction(0, { input: '0x6bf6a42d' }), transactionsRoot }));
    expect(error).toBeInstanceOf(UnrebuildableBlockError);
    expect((error as UnrebuildableBlockError).details).toBe('transaction 0 (type 0x6a) does not encode to the hash listed for it');
    const missing = await failure(() => verifyBlockTransactions({ block: withTransaction(0, { chainId: undefined }), transactionsRoot }));
    expect(missing).toBeInstanceOf(UnrebuildableBlockError);
    expect((missing as UnrebuildableBlockError).details).toMatch(/^transaction 0: chainId/);
  });

  it('does not believe a block whose Arbitrum transaction agrees with its hash but not with the header', async () => {
    // Another chain's ArbOS transaction: its fields and hash agree, the block's root does not hold it.
    const substituted = withTransaction(0, arbitrumSepoliaTransactions[0]!);
    const error = await failure(() => verifyBlockTransactions({ block: substituted, transactionsRoot: header().transactionsRoot }));
    expect(error).toBeInstanceOf(ProofMismatchError);
    expect((error as ProofMismatchError).shortMessage).toMatch(/transactions root/);
  });
});
