import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keccak256, numberToHex, type Hex } from 'viem';
import { startAnvil, type StartAnvilReturnType } from '../../devnet/anvil';
import { createChainAccess } from '../../lib/chain/access';
import { ProofUnavailableError } from '../../lib/chain/proven/errors';
import type { ChainReader, ChainRequestEvent } from '../../lib/chain/types';
import { logEmitterCode, logTopic, rpcClient, sendMined, slotValue, storageAbi, storageCode, trustWithChain, type RpcCall } from './helpers/devnet-state';
import { startTamperProxy, type FaultServer } from './helpers/fault-servers';
import { lies } from './helpers/lying-reads';

/** Receipts, logs and older blocks read with proofs from a real node (anvil, Prague: it has the EIP-2935 history contract). */
const emitter: Hex = '0x00000000000000000000000000000000000000e1';
const storage: Hex = '0x00000000000000000000000000000000000000c1';
const historyContract: Hex = '0x0000F90827F1C53a10cb7A02335B175320002935';

let anvil: StartAnvilReturnType;
let rpc: RpcCall;
let honestRelay: FaultServer;
const servers: FaultServer[] = [];
let emitted: { transactionHash: Hex; blockNumber: Hex; logs: { logIndex: Hex; data: Hex }[] };
let storedAt: bigint;

beforeAll(async () => {
  anvil = await startAnvil({ chainId: 31337 });
  rpc = rpcClient(anvil.rpcUrl);
  honestRelay = await startTamperProxy(anvil.rpcUrl);
  servers.push(honestRelay);
  await rpc('anvil_setCode', [emitter, logEmitterCode]);
  await rpc('anvil_setCode', [storage, storageCode]);
  await rpc('anvil_setStorageAt', [storage, slotValue(1n), slotValue(11n)]);
  await rpc('evm_mine');
  storedAt = BigInt((await rpc('eth_blockNumber')) as Hex);
  const [from] = (await rpc('eth_accounts')) as Hex[];
  const hash = await sendMined(rpc, { from, to: emitter, data: '0x01' });
  emitted = (await rpc('eth_getTransactionReceipt', [hash])) as typeof emitted;
  await rpc('anvil_setStorageAt', [storage, slotValue(1n), slotValue(22n)]);
  await rpc('anvil_mine', ['0xa']);
});

afterAll(async () => {
  await Promise.all([...servers.map((server) => server.close()), anvil.stop()]);
});

function provenPass(rpcUrls: string[]): { reader: ChainReader; methods: () => string[] } {
  const requests: ChainRequestEvent[] = [];
  const trust = trustWithChain(rpcUrls);
  trust.chains['31337']!.reads = 'proofs';
  const reader = createChainAccess({ trust, onRequest: (event) => requests.push(event) }).reader(31337)!;
  return { reader, methods: () => requests.flatMap(({ methods }) => methods) };
}

describe('receipts read with proofs', () => {
  it('takes the receipt from its block, proven against the header, and the block from the history contract', async () => {
    const { reader, methods } = provenPass([anvil.rpcUrl]);
    const receipt = (await reader.getTransactionReceipt(emitted.transactionHash))!;
    expect(receipt).toMatchObject({ transactionHash: emitted.transactionHash, blockNumber: BigInt(emitted.blockNumber), status: 'success', to: emitter });
    expect(receipt.logs).toEqual([expect.objectContaining({ address: emitter, topics: [logTopic], logIndex: Number(emitted.logs[0]!.logIndex), data: emitted.logs[0]!.data })]);
    expect(receipt.from).toBe(((await rpc('eth_accounts')) as Hex[])[0]!.toLowerCase());
    expect(methods()).toEqual(expect.arrayContaining(['eth_getBlockReceipts', 'eth_getProof']));
    // The anchor was found by its hash in the history contract, not by walking headers.
    expect(methods().filter((method) => method === 'eth_getBlockByNumber')).toHaveLength(1);
    expect(reader.readBasis?.()).toBe(`Read with proofs against block ${(await reader.head()).number}, agreed by 1 of 1 RPC`);
  });

  it('counts a missing transaction only when two endpoints say so', async () => {
    const unknown = keccak256('0x00');
    const lone = await provenPass([anvil.rpcUrl]).reader.getTransactionReceipt(unknown).catch((error: unknown) => error);
    expect(lone).toBeInstanceOf(ProofUnavailableError);
    expect((lone as ProofUnavailableError).shortMessage).toBe('Only one RPC says the transaction does not exist');
    const { reader } = provenPass([anvil.rpcUrl, honestRelay.url]);
    expect(await reader.getTransactionReceipt(unknown)).toBeNull();
    expect(reader.readBasis?.()).toMatch(/agreed by 2 of 2 RPCs; a missing transaction agreed by 2 RPCs$/);
  });

  it('does not believe an endpoint that names the wrong block, and finds the receipt at the next', async () => {
    const liar = await startTamperProxy(anvil.rpcUrl, lies.receiptBlocks);
    servers.push(liar);
    const { reader } = provenPass([liar.url, anvil.rpcUrl]);
    expect((await reader.getTransactionReceipt(emitted.transactionHash))?.blockNumber).toBe(BigInt(emitted.blockNumber));
    expect(reader.endpoints()).toEqual([liar.url, anvil.rpcUrl]);
  });
});

describe('logs read with proofs', () => {
  it('over a short range, reads them from proven receipts without asking eth_getLogs', async () => {
    const { reader, methods } = provenPass([anvil.rpcUrl]);
    const logs = await reader.getLogs({ address: emitter, topics: [logTopic], fromBlock: 0n });
    expect(logs.map(({ transactionHash, blockNumber, logIndex }) => ({ transactionHash, blockNumber, logIndex }))).toEqual([
      { transactionHash: emitted.transactionHash, blockNumber: BigInt(emitted.blockNumber), logIndex: Number(emitted.logs[0]!.logIndex) },
    ]);
    expect(methods()).not.toContain('eth_getLogs');
    // Only the block whose bloom may hold the log has its receipts read.
    expect(methods().filter((method) => method === 'eth_getBlockReceipts')).toHaveLength(1);
    expect(await reader.getLogs({ address: emitter, topics: [`0x${'cd'.repeat(32)}`], fromBlock: 0n })).toEqual([]);
  });
});

describe('calls at an older block', () => {
  it('run over the state of a block shown to be an ancestor of the agreed one', async () => {
    const { reader } = provenPass([anvil.rpcUrl]);
    expect(await reader.readContract({ address: storage, abi: storageAbi, functionName: 'get', args: [1n], blockNumber: storedAt })).toBe(11n);
    expect(await reader.readContract({ address: storage, abi: storageAbi, functionName: 'get', args: [1n] })).toBe(22n);
  });
});

/* These change the chain (long ranges, no history contract), so they run last. */
describe('a chain past what is scanned, or without the history contract', () => {
  it('over more than 1024 blocks, checks the endpoints’ logs against their blocks, and takes an empty answer only from two', async () => {
    await rpc('anvil_mine', [numberToHex(1100)]);
    const { reader, methods } = provenPass([anvil.rpcUrl]);
    const logs = await reader.getLogs({ address: emitter, topics: [logTopic], fromBlock: 0n });
    expect(logs.map(({ blockNumber }) => blockNumber)).toEqual([BigInt(emitted.blockNumber)]);
    expect(methods()).toContain('eth_getLogs');
    expect(reader.readBasis?.()).toMatch(/; logs over more than 1024 blocks agreed by 1 RPC$/);

    const liar = await startTamperProxy(anvil.rpcUrl, lies.absentLogs);
    servers.push(liar);
    const lone = await provenPass([liar.url]).reader.getLogs({ address: emitter, topics: [logTopic], fromBlock: 0n }).catch((error: unknown) => error);
    expect((lone as ProofUnavailableError).shortMessage).toBe('Only one RPC says there are no such logs');
  });

  it('walks the headers back by parent hash when the chain has no history contract', async () => {
    await rpc('anvil_setCode', [historyContract, '0x']);
    await rpc('evm_mine');
    const { reader, methods } = provenPass([anvil.rpcUrl]);
    const head = (await reader.head()).number;
    expect(await reader.readContract({ address: storage, abi: storageAbi, functionName: 'get', args: [1n], blockNumber: head - 20n })).toBe(22n);
    expect(methods().filter((method) => method === 'eth_getBlockByNumber')).toHaveLength(1 + 20);

    const liar = await startTamperProxy(anvil.rpcUrl, lies.olderHeaders);
    servers.push(liar);
    const error = await provenPass([liar.url]).reader.readContract({ address: storage, abi: storageAbi, functionName: 'get', args: [1n], blockNumber: head - 20n }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ProofUnavailableError);
    expect((error as ProofUnavailableError).shortMessage).toMatch(/does not prove: The block header does not hash/);
  });
});
