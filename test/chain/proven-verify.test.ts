import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex, keccak256, type Hex } from 'viem';
import { startAnvil, type StartAnvilReturnType } from '../../devnet/anvil';
import { verifyBlockHeader } from '../../lib/chain/proven/block-header';
import { ProofMismatchError } from '../../lib/chain/proven/errors';
import { verifyStateProof } from '../../lib/chain/proven/state-proof';
import { verifyCode } from '../../lib/chain/proven/verify-code';
import { rpcClient, slotValue, storageCode, type RpcCall } from './helpers/devnet-state';

/** Header, state and code verification on data a real node (anvil, Prague headers) made. */
const contract: Hex = '0x00000000000000000000000000000000000000c1';
const nobody: Hex = '0x00000000000000000000000000000000000000e7';

let anvil: StartAnvilReturnType;
let rpc: RpcCall;
type RpcBlock = Record<string, string> & { hash: Hex; stateRoot: Hex };

beforeAll(async () => {
  anvil = await startAnvil({ chainId: 31337 });
  rpc = rpcClient(anvil.rpcUrl);
  await rpc('anvil_setCode', [contract, storageCode]);
  await rpc('anvil_setStorageAt', [contract, slotValue(1n), slotValue(11n)]);
  await rpc('anvil_setStorageAt', [contract, slotValue(2n), slotValue(0xdeadn)]);
  await rpc('evm_mine');
});

afterAll(async () => {
  await anvil.stop();
});

const latest = async () => (await rpc('eth_getBlockByNumber', ['latest', false])) as RpcBlock;

function mismatch(run: () => unknown): ProofMismatchError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProofMismatchError);
    return error as ProofMismatchError;
  }
  throw new Error('expected a ProofMismatchError');
}

describe('verifyBlockHeader', () => {
  it('rebuilds the header of the latest and the genesis block to their hashes', async () => {
    const block = await latest();
    const proven = verifyBlockHeader({ chainId: 31337, block, hash: block.hash });
    expect(proven).toMatchObject({ hash: block.hash, stateRoot: block.stateRoot, number: BigInt(block.number!) });
    expect(block.requestsHash).toBeDefined();
    const genesis = (await rpc('eth_getBlockByNumber', ['0x0', false])) as RpcBlock;
    expect(verifyBlockHeader({ chainId: 31337, block: genesis, hash: genesis.hash }).number).toBe(0n);
  });

  it.each(['stateRoot', 'receiptsRoot', 'transactionsRoot', 'timestamp', 'parentHash', 'requestsHash', 'baseFeePerGas'])('refuses a header whose %s was changed', async (field) => {
    const block = await latest();
    const changed = block[field]!.replace(/.$/, (digit) => (digit === '1' ? '2' : '1'));
    expect(mismatch(() => verifyBlockHeader({ chainId: 31337, block: { ...block, [field]: changed }, hash: block.hash })).shortMessage).toMatch(/does not hash to the agreed/);
  });

  it('refuses a header that leaves out a field of its hardfork, or names another block', async () => {
    const { requestsHash: _dropped, ...older } = await latest();
    mismatch(() => verifyBlockHeader({ chainId: 31337, block: older, hash: (older as RpcBlock).hash }));
    const genesis = (await rpc('eth_getBlockByNumber', ['0x0', false])) as RpcBlock;
    mismatch(() => verifyBlockHeader({ chainId: 31337, block: genesis, hash: (older as RpcBlock).hash }));
    mismatch(() => verifyBlockHeader({ chainId: 31337, block: { ...genesis, stateRoot: 'root' }, hash: genesis.hash }));
  });
});

describe('verifyStateProof', () => {
  const slots = [slotValue(1n), slotValue(2n), slotValue(3n)];

  it('takes values only from proofs: set slots, a zero slot, and an absent account', async () => {
    const { stateRoot, number } = await latest();
    const proof = await rpc('eth_getProof', [contract, slots, number]);
    const { account, storage } = await verifyStateProof({ stateRoot, address: contract, slots, proof });
    expect(bytesToHex(account!.codeHash)).toBe(keccak256(storageCode));
    expect([...storage.values()].map((value) => bytesToHex(value))).toEqual(['0x0b', '0xdead', '0x']);

    const absent = await verifyStateProof({ stateRoot, address: nobody, slots: [slotValue(1n)], proof: await rpc('eth_getProof', [nobody, [slotValue(1n)], number]) });
    expect(absent.account).toBeUndefined();
    expect(bytesToHex(absent.storage.get(slotValue(1n))!)).toBe('0x');
  });

  it('refuses a proof made at another state, or of another slot', async () => {
    const before = await latest();
    const proof = (await rpc('eth_getProof', [contract, slots, before.number])) as { storageProof: { key: string; proof: string[] }[] };
    await rpc('anvil_setStorageAt', [contract, slotValue(1n), slotValue(12n)]);
    await rpc('evm_mine');
    const after = await latest();
    await expect(verifyStateProof({ stateRoot: after.stateRoot, address: contract, slots, proof })).rejects.toBeInstanceOf(ProofMismatchError);

    const [first, second] = proof.storageProof;
    const swapped = { ...proof, storageProof: [{ ...first!, proof: second!.proof }, { ...second!, proof: first!.proof }, proof.storageProof[2]] };
    await expect(verifyStateProof({ stateRoot: before.stateRoot, address: contract, slots, proof: swapped })).rejects.toBeInstanceOf(ProofMismatchError);
    await expect(verifyStateProof({ stateRoot: before.stateRoot, address: contract, slots, proof: { ...proof, storageProof: [] } })).rejects.toThrow(/leaves out a slot/);
  });
});

describe('verifyCode', () => {
  it('takes code only when it hashes to the proven code hash', () => {
    expect(bytesToHex(verifyCode({ address: contract, codeHash: keccak256(storageCode), code: storageCode }))).toBe(storageCode);
    expect(mismatch(() => verifyCode({ address: contract, codeHash: keccak256(storageCode), code: '0x600160005260206000f3' })).shortMessage).toMatch(/does not hash/);
    mismatch(() => verifyCode({ address: contract, codeHash: keccak256(storageCode), code: 42 }));
  });
});
