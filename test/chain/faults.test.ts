import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { freeLoopbackPort, startAnvil, type StartAnvilReturnType } from '../../devnet/anvil';
import { createChainAccess } from '../../lib/chain/access';
import { ChainUnavailableError, ContractRevertedError, RpcDisagreementError } from '../../lib/chain/errors';
import type { ChainReader, ChainRequestEvent } from '../../lib/chain/types';
import { logEmitterCode, revertingCode, rpcClient, sendMined, slotValue, storageAbi, storageCode, trustWithChain, type RpcCall } from './helpers/devnet-state';
import {
  startDelayProxy,
  startFaultServer,
  startJunkServer,
  startLaggingProxy,
  startTamperProxy,
  type FaultServer,
} from './helpers/fault-servers';

const storageContract: Hex = '0x00000000000000000000000000000000000000c1';
const reverting: Hex = '0x00000000000000000000000000000000000000c2';
const logEmitter: Hex = '0x00000000000000000000000000000000000000c3';

let anvil: StartAnvilReturnType;
let rpc: RpcCall;
const anvils: StartAnvilReturnType[] = [];
const servers: FaultServer[] = [];

async function startNode(chainId = 31337): Promise<{ node: StartAnvilReturnType; rpc: RpcCall }> {
  const node = await startAnvil({ chainId });
  anvils.push(node);
  const call = rpcClient(node.rpcUrl);
  await call('anvil_setCode', [storageContract, storageCode]);
  await call('anvil_setCode', [reverting, revertingCode()]);
  await call('anvil_setCode', [logEmitter, logEmitterCode]);
  await call('evm_mine');
  return { node, rpc: call };
}

/** Registers a fault server so afterAll closes it. */
async function serve(started: Promise<FaultServer>): Promise<string> {
  const server = await started;
  servers.push(server);
  return server.url;
}

/** A URL where nothing listens. */
async function closedUrl(): Promise<string> {
  return `http://127.0.0.1:${await freeLoopbackPort()}`;
}

beforeAll(async () => {
  ({ node: anvil, rpc } = await startNode());
  await rpc('anvil_setStorageAt', [storageContract, slotValue(1n), slotValue(11n)]);
  await rpc('evm_mine');
});

afterAll(async () => {
  await Promise.all([...servers.map((server) => server.close()), ...anvils.map((node) => node.stop())]);
});

function pass(rpcUrls: string[], options: { chainId?: number; timeoutMs?: number } = {}): { reader: ChainReader; requests: ChainRequestEvent[] } {
  const requests: ChainRequestEvent[] = [];
  const access = createChainAccess({ trust: trustWithChain(rpcUrls, options), timeoutMs: options.timeoutMs, onRequest: (event) => requests.push(event) });
  return { reader: access.reader(options.chainId ?? 31337)!, requests };
}

const readSlot = (reader: ChainReader, slot: bigint) => reader.readContract({ address: storageContract, abi: storageAbi, functionName: 'get', args: [slot] });

async function failureOf(promise: Promise<unknown>): Promise<ChainUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ChainUnavailableError);
  return error as ChainUnavailableError;
}

describe('one RPC that fails', () => {
  it('times out after the per-request timeout, without retrying', async () => {
    const slow = await serve(startDelayProxy(anvil.rpcUrl, 3_000));
    const { reader, requests } = pass([slow], { timeoutMs: 300 });
    const started = Date.now();
    const error = await failureOf(reader.head());
    expect(error.message).toBe('RPC timed out after 0.3 s');
    expect(error.details).toContain(slow);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(requests).toHaveLength(1);
  });

  it('waits for a slow RPC within the timeout', async () => {
    const slowish = await serve(startDelayProxy(anvil.rpcUrl, 100));
    expect(await readSlot(pass([slowish], { timeoutMs: 2_000 }).reader, 1n)).toBe(11n);
  });

  it('reports a closed port as unreachable', async () => {
    const closed = await closedUrl();
    const error = await failureOf(pass([closed]).reader.head());
    expect(error.message).toBe(`Could not reach RPC ${closed}`);
    expect(error.details).toMatch(/ECONNREFUSED/);
  });

  it('reports a page of junk as an invalid response', async () => {
    const junk = await serve(startJunkServer('<html><body>Welcome to nginx!</body></html>'));
    const error = await failureOf(pass([junk]).reader.head());
    expect(error.message).toBe('RPC returned an invalid response');
    expect(error.details).toContain('not JSON');
  });

  it('reports an HTTP error status', async () => {
    const unavailable = await serve(startJunkServer('busy', 503, 'text/plain'));
    expect((await failureOf(pass([unavailable]).reader.head())).message).toBe('RPC answered HTTP 503');
  });

  it('rejects JSON-RPC answers whose ids do not match the calls', async () => {
    const shuffled = await serve(
      startFaultServer((_request, body, response) => {
        const calls = JSON.parse(body) as { id: number }[];
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(calls.map(({ id }) => ({ jsonrpc: '2.0', id: id + 1000, result: '0x7a69' }))));
      }),
    );
    const error = await failureOf(pass([shuffled]).reader.head());
    expect(error.message).toBe('RPC returned an invalid response');
    expect(error.details).toContain('answered ids');
  });

  it('rejects well-formed JSON-RPC answers with nonsense results', async () => {
    const nonsense = await serve(
      startFaultServer((_request, body, response) => {
        const calls = JSON.parse(body) as { id: number }[];
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(calls.map(({ id }) => ({ jsonrpc: '2.0', id, result: 'banana' }))));
      }),
    );
    const error = await failureOf(pass([nonsense]).reader.head());
    expect(error.message).toBe('RPC returned an invalid response');
    expect(error.details).toContain('eth_chainId');
  });

  it('reports an RPC that serves another chain', async () => {
    const { node } = await startNode(5);
    const error = await failureOf(pass([node.rpcUrl], { chainId: 31337 }).reader.head());
    expect(error.message).toBe('RPC answered for chain 5, not 31337');
  });

  it('reports a JSON-RPC error that is not a revert as unavailable', async () => {
    const pruned = await serve(
      startTamperProxy(anvil.rpcUrl, (answer, { method }) =>
        method === 'eth_call' ? { id: answer.id, error: { code: -32000, message: 'header not found' } } : answer,
      ),
    );
    const error = await failureOf(readSlot(pass([pruned]).reader, 1n));
    expect(error.message).toBe('RPC returned an error: header not found');
  });

  it('fails every read of the pass with the head failure', async () => {
    const { reader } = pass([await closedUrl()]);
    await failureOf(readSlot(reader, 1n));
    await failureOf(reader.getTransactionReceipt(`0x${'12'.repeat(32)}`));
    expect(reader.endpoints()).toEqual([]);
  });
});

describe('several RPCs', () => {
  it('asks every RPC and uses the answer when they agree', async () => {
    const relay = await serve(startTamperProxy(anvil.rpcUrl));
    const { reader, requests } = pass([anvil.rpcUrl, relay]);
    expect(await readSlot(reader, 1n)).toBe(11n);
    expect(requests.map(({ url, methods }) => [url, methods.length])).toEqual([
      [anvil.rpcUrl, 2],
      [relay, 2],
      [anvil.rpcUrl, 1],
      [relay, 1],
    ]);
    expect(reader.endpoints()).toEqual([anvil.rpcUrl, relay]);
  });

  it('passes on a revert both RPCs agree on', async () => {
    const relay = await serve(startTamperProxy(anvil.rpcUrl));
    const read = pass([anvil.rpcUrl, relay]).reader.readContract({ address: reverting, abi: storageAbi, functionName: 'get', args: [1n] });
    await expect(read).rejects.toBeInstanceOf(ContractRevertedError);
  });

  it('finds two anvils with different state in disagreement', async () => {
    const { node: other, rpc: otherRpc } = await startNode();
    await otherRpc('anvil_setStorageAt', [storageContract, slotValue(1n), slotValue(99n)]);
    await otherRpc('evm_mine');
    const error = await failureOf(readSlot(pass([anvil.rpcUrl, other.rpcUrl]).reader, 1n));
    expect(error).toBeInstanceOf(RpcDisagreementError);
    expect(error.message).toBe('RPC endpoints disagree');
    expect(error.details).toContain(anvil.rpcUrl);
    expect(error.details).toContain(other.rpcUrl);
  });

  it('finds a relay that alters a call result in disagreement, naming the read', async () => {
    const liar = await serve(
      startTamperProxy(anvil.rpcUrl, (answer, { method }) => (method === 'eth_call' ? { ...answer, result: slotValue(12n) } : answer)),
    );
    const { reader } = pass([anvil.rpcUrl, liar]);
    const error = await failureOf(readSlot(reader, 1n));
    expect(error).toBeInstanceOf(RpcDisagreementError);
    expect(error.details).toMatch(new RegExp(`^get on ${storageContract} at block \\d+`));
    expect(error.details).toContain(`${anvil.rpcUrl} answered return ${slotValue(11n)}`);
    expect(error.details).toContain(`${liar} answered return ${slotValue(12n)}`);
  });

  it('finds a relay that hides a receipt log in disagreement', async () => {
    const [sender] = (await rpc('eth_accounts')) as Hex[];
    const hash = await sendMined(rpc, { from: sender, to: logEmitter });
    const liar = await serve(
      startTamperProxy(anvil.rpcUrl, (answer, { method }) =>
        method === 'eth_getTransactionReceipt' ? { ...answer, result: { ...(answer.result as object), logs: [] } } : answer,
      ),
    );
    const error = await failureOf(pass([anvil.rpcUrl, liar]).reader.getTransactionReceipt(hash));
    expect(error).toBeInstanceOf(RpcDisagreementError);
    expect(error.details).toContain(`the receipt of ${hash}`);
  });

  it('is unavailable when one of two RPCs is down, naming it', async () => {
    const closed = await closedUrl();
    const error = await failureOf(readSlot(pass([anvil.rpcUrl, closed]).reader, 1n));
    expect(error).not.toBeInstanceOf(RpcDisagreementError);
    expect(error.message).toBe(`Could not reach RPC ${closed}; 1 of 2 RPCs answered, the cross-check needs 2`);
  });

  it('goes on with two agreeing RPCs when a third is down, and stops asking the dead one', async () => {
    const relay = await serve(startTamperProxy(anvil.rpcUrl));
    const junk = await serve(startJunkServer('not an RPC'));
    const { reader, requests } = pass([anvil.rpcUrl, junk, relay]);
    expect(await readSlot(reader, 1n)).toBe(11n);
    expect(await readSlot(reader, 2n)).toBe(0n);
    expect(reader.endpoints()).toEqual([anvil.rpcUrl, relay]);
    expect(requests.filter(({ url }) => url === junk)).toHaveLength(1);
  });

  it('pins the lowest head, cross-checking the block hash with the RPCs ahead of it', async () => {
    const behind = await serve(startLaggingProxy(anvil.rpcUrl, 1));
    const head = await pass([anvil.rpcUrl]).reader.head();
    const { reader, requests } = pass([anvil.rpcUrl, behind]);
    expect((await reader.head()).number).toBe(head.number - 1n);
    // The RPC ahead was asked for the pinned block.
    expect(requests.filter(({ url }) => url === anvil.rpcUrl).map(({ methods }) => methods)).toEqual([
      ['eth_chainId', 'eth_getBlockByNumber'],
      ['eth_getBlockByNumber'],
    ]);
  });

  it('leaves out an RPC more than a minute behind the others', async () => {
    const { node, rpc: nodeRpc } = await startNode();
    const { timestamp } = (await nodeRpc('eth_getBlockByNumber', ['latest', false])) as { timestamp: Hex };
    await nodeRpc('evm_mine', [Number(BigInt(timestamp)) + 120]);
    const behind = await serve(startLaggingProxy(node.rpcUrl, 1));
    const relay = await serve(startTamperProxy(node.rpcUrl));

    const error = await failureOf(pass([node.rpcUrl, behind]).reader.head());
    expect(error.message).toMatch(new RegExp(`^RPC is 12\\d s behind the others \\(${behind}\\)`));

    const { reader } = pass([node.rpcUrl, behind, relay]);
    await reader.head();
    expect(reader.endpoints()).toEqual([node.rpcUrl, relay]);
  });
});
