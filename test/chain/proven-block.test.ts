import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGwei, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { serializeTransaction as serializeDeposit } from 'viem/op-stack';
import { startAnvil, type StartAnvilReturnType } from '../../devnet/anvil';
import { devnetPrivateKeys } from '../../devnet/keys';
import { verifyBlockHeader } from '../../lib/chain/proven/block-header';
import { verifyBlockReceipts } from '../../lib/chain/proven/block-receipts';
import { verifyBlockTransactions } from '../../lib/chain/proven/block-transactions';
import { ProofMismatchError, UnrebuildableBlockError } from '../../lib/chain/proven/errors';
import { logEmitterCode, logTopic, revertingCode, rpcClient, type RpcCall } from './helpers/devnet-state';

/** Transactions and receipts of one anvil block holding every Ethereum transaction type but blobs, checked against its header. */
const emitter: Hex = '0x00000000000000000000000000000000000000e1';
const reverting: Hex = '0x00000000000000000000000000000000000000e2';
const chainId = 31337;

let anvil: StartAnvilReturnType;
let rpc: RpcCall;
type RpcBlock = Record<string, unknown> & { hash: Hex; number: Hex; transactions: { hash: Hex; type: Hex }[] };
let block: RpcBlock;
let receipts: Record<string, unknown>[];

beforeAll(async () => {
  anvil = await startAnvil({ chainId });
  rpc = rpcClient(anvil.rpcUrl);
  await rpc('anvil_setCode', [emitter, logEmitterCode]);
  await rpc('anvil_setCode', [reverting, revertingCode()]);
  await rpc('evm_setAutomine', [false]);
  const sender = privateKeyToAccount(devnetPrivateKeys.deployer);
  const other = privateKeyToAccount(devnetPrivateKeys.trustedAttester);
  const fees = { maxFeePerGas: parseGwei('20'), maxPriorityFeePerGas: parseGwei('1') };
  const signed = [
    await sender.signTransaction({ type: 'legacy', chainId, nonce: 0, to: emitter, gas: 100_000n, gasPrice: parseGwei('20') }),
    await sender.signTransaction({ type: 'eip2930', chainId, nonce: 1, to: emitter, gas: 100_000n, gasPrice: parseGwei('20'), accessList: [{ address: emitter, storageKeys: [] }] }),
    await sender.signTransaction({ type: 'eip1559', chainId, nonce: 2, to: reverting, gas: 100_000n, data: '0x12345678', ...fees }),
    await sender.signTransaction({
      type: 'eip7702',
      chainId,
      nonce: 3,
      to: other.address,
      gas: 200_000n,
      ...fees,
      authorizationList: [await other.signAuthorization({ chainId, nonce: 0, contractAddress: emitter })],
    }),
    // Unprotected (pre-EIP-155): signs no chain id.
    await privateKeyToAccount(devnetPrivateKeys.untrustedAttester).signTransaction({ type: 'legacy', nonce: 0, to: emitter, gas: 100_000n, gasPrice: parseGwei('20') }),
  ];
  for (const raw of signed) await rpc('eth_sendRawTransaction', [raw]);
  await rpc('evm_mine');
  block = (await rpc('eth_getBlockByNumber', ['latest', true])) as RpcBlock;
  receipts = (await rpc('eth_getBlockReceipts', [block.hash])) as Record<string, unknown>[];
});

afterAll(async () => {
  await anvil.stop();
});

const header = () => verifyBlockHeader({ chainId, block, hash: block.hash });

async function mismatch(run: () => Promise<unknown>): Promise<ProofMismatchError> {
  const error = await run().catch((reason: unknown) => reason);
  expect(error).toBeInstanceOf(ProofMismatchError);
  return error as ProofMismatchError;
}

describe('verifyBlockTransactions', () => {
  it('re-encodes legacy, unprotected, access-list, fee-market and set-code transactions to the header root', async () => {
    expect(block.transactions.map(({ type }) => type)).toEqual(['0x0', '0x1', '0x2', '0x4', '0x0']);
    const proven = await verifyBlockTransactions({ block, transactionsRoot: header().transactionsRoot });
    expect(proven.map(({ hash }) => hash)).toEqual(block.transactions.map(({ hash }) => hash));
  });

  it('does not believe a block whose transaction was changed, dropped or reordered', async () => {
    const { transactionsRoot } = header();
    const changed = { ...block, transactions: block.transactions.map((transaction, index) => (index === 2 ? { ...transaction, to: emitter } : transaction)) };
    expect((await mismatch(() => verifyBlockTransactions({ block: changed, transactionsRoot }))).shortMessage).toMatch(/transactions root/);
    await mismatch(() => verifyBlockTransactions({ block: { ...block, transactions: block.transactions.slice(1) }, transactionsRoot }));
    await mismatch(() => verifyBlockTransactions({ block: { ...block, transactions: [...block.transactions].reverse() }, transactionsRoot }));
  });

  it('says a block holding a type it does not know cannot be rebuilt, apart from a mismatch', async () => {
    const unknown = { ...block, transactions: [{ ...block.transactions[0]!, type: '0x78' }] };
    const error = await verifyBlockTransactions({ block: unknown, transactionsRoot: header().transactionsRoot }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(UnrebuildableBlockError);
    expect(error).not.toBeInstanceOf(ProofMismatchError);
    expect((error as UnrebuildableBlockError).details).toBe('transaction 0 has type 0x78');
  });

  it('says a block listing an unsigned transaction (a Polygon state sync) cannot be rebuilt', async () => {
    const zero = `0x${'00'.repeat(20)}`;
    const stateSync = { ...block.transactions[0]!, type: '0x0', from: zero, to: zero, gas: '0x0', gasPrice: '0x0', input: '0x', nonce: '0x0', value: '0x0', v: '0x0', r: '0x0', s: '0x0' };
    const error = await verifyBlockTransactions({ block: { ...block, transactions: [...block.transactions, stateSync] }, transactionsRoot: header().transactionsRoot }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(UnrebuildableBlockError);
  });
});

describe('verifyBlockReceipts', () => {
  it('re-encodes every typed receipt to the header root, with statuses and logs', async () => {
    const proven = await verifyBlockReceipts({ receipts, receiptsRoot: header().receiptsRoot, count: 5 });
    expect(proven.map(({ status }) => status)).toEqual(['success', 'success', 'reverted', 'success', 'success']);
    expect(proven[0]!.logs).toEqual([{ address: emitter, topics: [logTopic], data: `0x${'00'.repeat(31)}2a` }]);
    // The set-code transaction called the delegated emitter code at the signer's own address.
    expect(proven[3]!.logs.map(({ address }) => address)).toEqual([privateKeyToAccount(devnetPrivateKeys.trustedAttester).address.toLowerCase()]);
  });

  it('does not believe receipts with a changed status, a dropped log or a missing receipt', async () => {
    const { receiptsRoot } = header();
    const flipped = receipts.map((receipt, index) => (index === 2 ? { ...receipt, status: '0x1' } : receipt));
    expect((await mismatch(() => verifyBlockReceipts({ receipts: flipped, receiptsRoot, count: 5 }))).shortMessage).toMatch(/receipts root/);
    const dropped = receipts.map((receipt, index) => (index === 0 ? { ...receipt, logs: [] } : receipt));
    await mismatch(() => verifyBlockReceipts({ receipts: dropped, receiptsRoot, count: 5 }));
    await mismatch(() => verifyBlockReceipts({ receipts: receipts.slice(1), receiptsRoot, count: 5 }));
  });
});

describe('an OP Stack block with a deposit', () => {
  const depositor = '0x00000000000000000000000000000000000d0d0d';
  let opStack: StartAnvilReturnType;
  let opBlock: RpcBlock;
  let opReceipts: Record<string, unknown>[];

  beforeAll(async () => {
    opStack = await startAnvil({ chainId: 10, optimism: true });
    const call = rpcClient(opStack.rpcUrl);
    await call('anvil_setCode', [emitter, logEmitterCode]);
    await call('evm_setAutomine', [false]);
    const sender = privateKeyToAccount(devnetPrivateKeys.deployer);
    // A deposit needs no signature; from another account, so the pool does not take the signed one as its replacement.
    const deposit = serializeDeposit({ type: 'deposit', sourceHash: `0x${'11'.repeat(32)}`, from: depositor, to: emitter, mint: 10n, value: 1n, gas: 100_000n, data: '0x1234' });
    await call('eth_sendRawTransaction', [deposit]);
    await call('eth_sendRawTransaction', [await sender.signTransaction({ type: 'eip1559', chainId: 10, nonce: 0, to: emitter, gas: 100_000n, maxFeePerGas: parseGwei('20'), maxPriorityFeePerGas: 1n })]);
    await call('evm_mine');
    opBlock = (await call('eth_getBlockByNumber', ['latest', true])) as RpcBlock;
    opReceipts = (await call('eth_getBlockReceipts', [opBlock.hash])) as Record<string, unknown>[];
  });

  afterAll(async () => {
    await opStack?.stop();
  });

  it('re-encodes the deposit and its receipt (nonce and version) to the header roots', async () => {
    const opHeader = verifyBlockHeader({ chainId: 10, block: opBlock, hash: opBlock.hash });
    // The node orders the block as it likes: find the deposit.
    const at = opBlock.transactions.findIndex(({ type }) => type.toLowerCase() === '0x7e');
    expect(opBlock.transactions.map(({ type }) => type.toLowerCase()).toSorted()).toEqual(['0x2', '0x7e']);
    expect(opReceipts[at]).toMatchObject({ depositNonce: expect.any(String), depositReceiptVersion: '0x1' });
    const proven = await verifyBlockTransactions({ block: opBlock, transactionsRoot: opHeader.transactionsRoot });
    expect(proven[at]!.transaction).toEqual({ type: 'deposit', from: depositor, to: emitter });
    const receipts = await verifyBlockReceipts({ receipts: opReceipts, receiptsRoot: opHeader.receiptsRoot, count: 2 });
    expect(receipts.map(({ logs }) => logs.length)).toEqual([1, 1]);
    // The nonce is committed to: another one does not prove.
    const renumbered = opReceipts.map((receipt, index) => (index === at ? { ...receipt, depositNonce: '0x9' } : receipt));
    await mismatch(() => verifyBlockReceipts({ receipts: renumbered, receiptsRoot: opHeader.receiptsRoot, count: 2 }));
    const minted = { ...opBlock, transactions: opBlock.transactions.map((transaction, index) => (index === at ? { ...transaction, mint: '0xb' } : transaction)) };
    await mismatch(() => verifyBlockTransactions({ block: minted, transactionsRoot: opHeader.transactionsRoot }));
  });

});
