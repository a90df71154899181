import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { startAnvil, type StartAnvilReturnType } from '../../devnet/anvil';
import { createChainAccess } from '../../lib/chain/access';
import { ContractRevertedError } from '../../lib/chain/errors';
import { ProofUnavailableError } from '../../lib/chain/proven/errors';
import type { ChainReader, ChainRequestEvent } from '../../lib/chain/types';
import { revertingCode, rpcClient, slotValue, storageAbi, storageCode, trustWithChain, type RpcCall } from './helpers/devnet-state';
import { startTamperProxy, type FaultServer } from './helpers/fault-servers';
import { lies, type LieName } from './helpers/lying-reads';

const storageContract: Hex = '0x00000000000000000000000000000000000000c1';
const reverting: Hex = '0x00000000000000000000000000000000000000c2';

let anvil: StartAnvilReturnType;
let rpc: RpcCall;
const servers: FaultServer[] = [];

beforeAll(async () => {
  anvil = await startAnvil({ chainId: 31337 });
  rpc = rpcClient(anvil.rpcUrl);
  await rpc('anvil_setCode', [storageContract, storageCode]);
  await rpc('anvil_setCode', [reverting, revertingCode()]);
  await rpc('anvil_setStorageAt', [storageContract, slotValue(1n), slotValue(11n)]);
  await rpc('evm_mine');
});

afterAll(async () => {
  await Promise.all([...servers.map((server) => server.close()), anvil.stop()]);
});

function provenPass(rpcUrls: string[]): { reader: ChainReader; requests: ChainRequestEvent[] } {
  const requests: ChainRequestEvent[] = [];
  const trust = trustWithChain(rpcUrls);
  trust.chains['31337']!.reads = 'proofs';
  const access = createChainAccess({ trust, onRequest: (event) => requests.push(event) });
  return { reader: access.reader(31337)!, requests };
}

const readSlot = (reader: ChainReader, slot: bigint) => reader.readContract({ address: storageContract, abi: storageAbi, functionName: 'get', args: [slot] });

describe('view calls over proven state', () => {
  it('executes the call locally over state proven against the agreed header', async () => {
    const { reader, requests } = provenPass([anvil.rpcUrl]);
    expect(await readSlot(reader, 1n)).toBe(11n);
    expect(await readSlot(reader, 2n)).toBe(0n);
    const methods = requests.flatMap(({ methods }) => methods);
    expect(methods).toContain('eth_getProof');
    expect(methods).toContain('eth_getCode');
    expect(methods).not.toContain('eth_call');
    expect(reader.endpoints()).toEqual([anvil.rpcUrl]);
    expect(reader.readBasis?.()).toBe(`Read with proofs against block ${(await reader.head()).number}, agreed by 1 of 1 RPC`);
  });

  it('says a quorum pass rested on the endpoints agreeing', async () => {
    const honestRelay = await startTamperProxy(anvil.rpcUrl);
    servers.push(honestRelay);
    const reader = createChainAccess({ trust: trustWithChain([anvil.rpcUrl, honestRelay.url]) }).reader(31337)!;
    expect(reader.readBasis?.()).toBeUndefined();
    expect(await readSlot(reader, 1n)).toBe(11n);
    expect(reader.readBasis?.()).toBe(`Agreed by 2 of 2 RPCs at block ${(await reader.head()).number}`);
  });

  it('a revert executed locally is the contract reverting', async () => {
    const { reader } = provenPass([anvil.rpcUrl]);
    const error = await reader.readContract({ address: reverting, abi: storageAbi, functionName: 'get', args: [1n] }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ContractRevertedError);
    expect((error as ContractRevertedError).details).toContain('nope');
  });
});

describe('an endpoint that lies about the reads a call rests on', () => {
  const liarOf = async (lie: LieName): Promise<string> => {
    const server = await startTamperProxy(anvil.rpcUrl, lies[lie]);
    servers.push(server);
    return server.url;
  };

  const provable: LieName[] = ['callResults', 'proofFields'];
  const caught: LieName[] = ['storageProofNodes', 'accountProofNodes', 'absentState', 'code', 'headers'];

  it.each(provable)('is not believed, and not needed, when it lies about %s', async (lie) => {
    const { reader } = provenPass([await liarOf(lie)]);
    expect(await readSlot(reader, 1n)).toBe(11n);
  });

  it.each(caught)('alone, makes the read unavailable when it lies about %s', async (lie) => {
    const { reader } = provenPass([await liarOf(lie)]);
    const error = await readSlot(reader, 1n).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ProofUnavailableError);
    expect((error as ProofUnavailableError).shortMessage).toMatch(/does not prove/);
  });

  it.each(caught)('beside an honest endpoint, is passed over when it lies about %s', async (lie) => {
    const liar = await liarOf(lie);
    const { reader } = provenPass([liar, anvil.rpcUrl]);
    expect(await readSlot(reader, 1n)).toBe(11n);
    expect(await readSlot(reader, 3n)).toBe(0n);
  });
});

describe('the access list hint', () => {
  it('is only a hint: a list naming hundreds of accounts proves at most a bounded few, and the answer still comes from the call', async () => {
    const padded = (index: number) => `0x${index.toString(16).padStart(40, '0')}`;
    const liar = await startTamperProxy(anvil.rpcUrl, (answer, { method }) =>
      method !== 'eth_createAccessList'
        ? answer
        : { id: answer.id, result: { gasUsed: '0x1', accessList: Array.from({ length: 500 }, (_, index) => ({ address: padded(index + 0x1000), storageKeys: [slotValue(7n)] })) } },
    );
    servers.push(liar);
    const { reader, requests } = provenPass([liar.url]);
    expect(await readSlot(reader, 1n)).toBe(11n);
    const proofs = requests.flatMap(({ methods }) => methods).filter((method) => method === 'eth_getProof');
    expect(proofs.length).toBeGreaterThan(32);
    expect(proofs.length).toBeLessThanOrEqual(32 + 3);
  });
});
