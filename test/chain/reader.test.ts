import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFunctionData, type Hex } from 'viem';
import { startAnvil, type StartAnvilReturnType } from '../../devnet/anvil';
import { createChainAccess } from '../../lib/chain/access';
import { ContractRevertedError } from '../../lib/chain/errors';
import type { ChainReader, ChainRequestEvent } from '../../lib/chain/types';
import {
  logEmitterCode,
  logTopic,
  revertingCode,
  rpcClient,
  sendMined,
  slotValue,
  storageAbi,
  storageCode,
  trustWithChain,
  type RpcCall,
} from './helpers/devnet-state';

const storageContract: Hex = '0x00000000000000000000000000000000000000b1';
const reverting: Hex = '0x00000000000000000000000000000000000000b2';
const logEmitter: Hex = '0x00000000000000000000000000000000000000b3';
const noContract: Hex = '0x00000000000000000000000000000000000000b4';

let anvil: StartAnvilReturnType;
let rpc: RpcCall;
let sender: Hex;

beforeAll(async () => {
  anvil = await startAnvil();
  rpc = rpcClient(anvil.rpcUrl);
  await rpc('anvil_setCode', [storageContract, storageCode]);
  await rpc('anvil_setCode', [reverting, revertingCode()]);
  await rpc('anvil_setCode', [logEmitter, logEmitterCode]);
  // Slot i holds 1000 + i, for the first 300 slots.
  for (let slot = 0n; slot < 300n; slot++) await rpc('anvil_setStorageAt', [storageContract, slotValue(slot), slotValue(1000n + slot)]);
  await rpc('evm_mine');
  [sender] = (await rpc('eth_accounts')) as Hex[];
});

afterAll(async () => {
  await anvil?.stop();
});

/** A pass over the local chain that counts HTTP requests and JSON-RPC calls. */
function countedPass(): { reader: ChainReader; requests: ChainRequestEvent[] } {
  const requests: ChainRequestEvent[] = [];
  const access = createChainAccess({ trust: trustWithChain([anvil.rpcUrl]), onRequest: (event) => requests.push(event) });
  return { reader: access.reader(31337)!, requests };
}

/** A real transaction, mined in a block of its own before this returns (anvil answers the hash first). */
async function store(slot: bigint, value: bigint): Promise<void> {
  const data = encodeFunctionData({ abi: storageAbi, functionName: 'set', args: [slot, value] });
  await sendMined(rpc, { from: sender, to: storageContract, data });
}

/** Sends a transaction to the log emitter, and waits until anvil has mined it. */
const emitMined = () => sendMined(rpc, { from: sender, to: logEmitter });

const readSlot = (reader: ChainReader, slot: bigint, blockNumber?: bigint) =>
  reader.readContract({ address: storageContract, abi: storageAbi, functionName: 'get', args: [slot], blockNumber });

describe('batching', () => {
  it('checks the chain id and pins the head in one HTTP request', async () => {
    const { reader, requests } = countedPass();
    const head = await reader.head();
    expect(head.number).toBeGreaterThan(0n);
    expect(head.hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(requests).toEqual([{ chainId: 31337, url: anvil.rpcUrl, methods: ['eth_chainId', 'eth_getBlockByNumber'] }]);
  });

  it('sends 100 reads made after head() in one HTTP request', async () => {
    const { reader, requests } = countedPass();
    await reader.head();
    const values = await Promise.all(Array.from({ length: 100 }, (_, slot) => readSlot(reader, BigInt(slot))));
    expect(values).toEqual(Array.from({ length: 100 }, (_, slot) => 1000n + BigInt(slot)));
    expect(requests).toHaveLength(2);
    expect(requests[1]!.methods).toEqual(Array(100).fill('eth_call'));
  });

  it('batches reads made without awaiting head() first: one request for the head, one for the reads', async () => {
    const { reader, requests } = countedPass();
    await Promise.all(Array.from({ length: 50 }, (_, slot) => readSlot(reader, BigInt(slot))));
    expect(requests.map(({ methods }) => methods.length)).toEqual([2, 50]);
  });

  it('puts a page of mixed proofs, each awaiting head() and then reading, in one HTTP request', async () => {
    const hash = await emitMined();
    const { reader, requests } = countedPass();
    // 100 verifiers, as verifySnippet runs them: each awaits the head, then asks for what it needs.
    await Promise.all(
      Array.from({ length: 100 }, async (_, index) => {
        await reader.head();
        const reads: Promise<unknown>[] = [readSlot(reader, BigInt(index % 40))];
        if (index % 3 === 0) reads.push(reader.getTransactionReceipt(hash));
        if (index % 5 === 0) reads.push(readSlot(reader, 200n + BigInt(index)));
        await Promise.all(reads);
      }),
    );
    expect(requests).toHaveLength(2);
    // 40 distinct slots, 20 more, one shared receipt.
    expect(requests[1]!.methods).toHaveLength(61);
  });

  it('splits more reads than the batch size into batches of at most 100 calls', async () => {
    const { reader, requests } = countedPass();
    await reader.head();
    await Promise.all(Array.from({ length: 250 }, (_, slot) => readSlot(reader, BigInt(slot))));
    expect(requests.slice(1).map(({ methods }) => methods.length)).toEqual([100, 100, 50]);
  });
});

describe('sharing', () => {
  it('makes the same read once however many callers ask', async () => {
    const { reader, requests } = countedPass();
    const values = await Promise.all(Array.from({ length: 30 }, () => readSlot(reader, 7n)));
    expect(new Set(values)).toEqual(new Set([1007n]));
    await readSlot(reader, 7n);
    expect(requests.map(({ methods }) => methods)).toEqual([['eth_chainId', 'eth_getBlockByNumber'], ['eth_call']]);
  });

  it('shares receipts too', async () => {
    const hash = await emitMined();
    const { reader, requests } = countedPass();
    const receipts = await Promise.all(Array.from({ length: 10 }, () => reader.getTransactionReceipt(hash)));
    expect(new Set(receipts).size).toBe(1);
    expect(requests[1]!.methods).toEqual(['eth_getTransactionReceipt']);
  });
});

describe('pinned block', () => {
  it('keeps every read of a pass at the block pinned by head(), however many blocks follow', async () => {
    const { reader } = countedPass();
    const pinned = await reader.head();
    await store(299n, 5n);
    await rpc('evm_mine');

    expect((await reader.head()).number).toBe(pinned.number);
    // Never read before in this pass, so this goes to the chain: at the pinned block.
    expect(await readSlot(reader, 299n)).toBe(1299n);
    // The next pass pins the new head.
    expect(await readSlot(countedPass().reader, 299n)).toBe(5n);
  });

  it('reads at an earlier block when asked, and refuses a block after the pinned one', async () => {
    const { reader } = countedPass();
    const before = await reader.head();
    await store(298n, 6n);
    const next = countedPass().reader;
    const pinned = await next.head();
    expect(await readSlot(next, 298n)).toBe(6n);
    expect(await readSlot(next, 298n, before.number)).toBe(1298n);
    await expect(readSlot(next, 298n, pinned.number + 1n)).rejects.toThrow(/after the pinned block/);
  });
});

describe('receipts', () => {
  it('returns the receipt with its logs', async () => {
    const hash = await emitMined();
    const { reader } = countedPass();
    const receipt = await reader.getTransactionReceipt(hash);
    expect(receipt?.status).toBe('success');
    expect(receipt?.transactionHash).toBe(hash);
    expect(receipt?.logs).toHaveLength(1);
    expect(receipt?.logs[0]).toMatchObject({ address: logEmitter, topics: [logTopic], data: slotValue(42n) });
    expect(receipt!.blockNumber).toBeLessThanOrEqual((await reader.head()).number);
  });

  it('is null for an unknown transaction', async () => {
    expect(await countedPass().reader.getTransactionReceipt(`0x${'12'.repeat(32)}`)).toBeNull();
  });

  it('is null for a transaction mined after the pinned block, until the next pass', async () => {
    const { reader } = countedPass();
    await reader.head();
    const hash = await emitMined();
    expect(await reader.getTransactionReceipt(hash)).toBeNull();
    expect(await countedPass().reader.getTransactionReceipt(hash)).not.toBeNull();
  });
});

describe('contract answers', () => {
  it('turns a revert into ContractRevertedError with the decoded reason', async () => {
    const read = countedPass().reader.readContract({ address: reverting, abi: storageAbi, functionName: 'get', args: [1n] });
    await expect(read).rejects.toBeInstanceOf(ContractRevertedError);
    await expect(read).rejects.toMatchObject({ details: expect.stringContaining('Error(nope)') });
  });

  it('turns a call to an address without code into ContractRevertedError, not an outage', async () => {
    const read = countedPass().reader.readContract({ address: noContract, abi: storageAbi, functionName: 'get', args: [1n] });
    await expect(read).rejects.toBeInstanceOf(ContractRevertedError);
    await expect(read).rejects.toMatchObject({ details: expect.stringContaining('no contract at that address') });
  });
});

describe('access', () => {
  it('gives one reader per chain per pass, none for a chain that is not configured', () => {
    const access = createChainAccess({ trust: trustWithChain([anvil.rpcUrl]) });
    expect(access.reader(31337)).toBe(access.reader(31337));
    expect(access.reader(1)).toBeUndefined();
  });

  it('lists the endpoints whose answers were used', async () => {
    const { reader } = countedPass();
    expect(reader.endpoints()).toEqual([]);
    await reader.head();
    expect(reader.endpoints()).toEqual([anvil.rpcUrl]);
  });
});
