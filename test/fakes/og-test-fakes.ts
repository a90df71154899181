/**
 * In-memory stand-ins for unit tests of the OpenGradient verifiers' decision
 * logic. They are not a chain: real-chain behaviour is tested against anvil.
 */
import {
  bytesToHex,
  encodeAbiParameters,
  encodeEventTopics,
  hexToBytes,
  keccak256,
  parseAbiParameters,
  stringToBytes,
  type Address,
  type Hex,
  type Log,
  type TransactionReceipt,
} from 'viem';
import { settlementRelayAbi } from '../../lib/abi/settlement-relay';
import { ContractRevertedError } from '../../lib/chain/errors';
import type { ChainAccess, ChainReader } from '../../lib/chain/types';
import { teeMessageHash } from '../../lib/og/message-hash';
import type { ChainConfig, TrustConfig } from '../../lib/trust/schema';
import type { Check } from '../../lib/verdict/types';
import { worstState, type VerdictState } from '../../lib/verdict/states';

/** An RSA-PSS key pair standing in for an enclave's signing key. */
export type FakeTee = {
  publicKeyDer: Hex;
  teeId: Hex;
  /** Signs teeMessageHash(...) as a TEE does; returns the raw signature bytes. */
  sign(parameters: { inputHash: Hex; outputHash: Hex; timestamp: number | bigint }): Promise<Uint8Array>;
};

export async function generateFakeTee(): Promise<FakeTee> {
  const keys = await crypto.subtle.generateKey(
    { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  const publicKeyDer = bytesToHex(new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey)));
  return {
    publicKeyDer,
    teeId: keccak256(publicKeyDer),
    async sign(parameters) {
      const message = new Uint8Array(hexToBytes(teeMessageHash(parameters)));
      return new Uint8Array(await crypto.subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, keys.privateKey, message));
    },
  };
}

export type FakeRegistryEntry = { publicKey: Hex; enabled: boolean; active: boolean };

export type FakeChainReaderParameters = {
  chainId: number;
  config?: Partial<ChainConfig>;
  headNumber?: bigint;
  /** Registry address (lowercase) → teeId (lowercase) → entry. Unknown TEEs read as empty key, false, false. */
  registries?: Record<Address, Record<Hex, FakeRegistryEntry>>;
  receipts?: Record<Hex, TransactionReceipt>;
  /** Makes `head()` reject with this error. */
  headError?: Error;
  /** Makes a read reject: return the error for the calls that should fail. */
  readError?: (call: FakeChainCall) => Error | undefined;
  /** When set, reads settle only once this promise resolves. */
  gate?: Promise<void>;
};

export type FakeChainCall =
  | { kind: 'head' }
  | { kind: 'readContract'; address: Address; functionName: string; args: readonly unknown[] }
  | { kind: 'getTransactionReceipt'; hash: Hex }
  | { kind: 'getLogs'; address: Address };

export type FakeChainReader = ChainReader & { calls: FakeChainCall[] };

export function fakeChainReader({
  chainId,
  config,
  headNumber = 100n,
  registries = {},
  receipts = {},
  headError,
  readError,
  gate,
}: FakeChainReaderParameters): FakeChainReader {
  const calls: FakeChainCall[] = [];
  const answer = async <value>(call: FakeChainCall, value: () => value): Promise<value> => {
    calls.push(call);
    await gate;
    const error = readError?.(call);
    if (error) throw error;
    return value();
  };
  const readContract = (({ address, functionName, args }: { address: Address; functionName: string; args: readonly [Hex] }) => {
    const call: FakeChainCall = { kind: 'readContract', address, functionName, args };
    return answer(call, () => {
      const registry = registries[address.toLowerCase() as Address];
      if (!registry) throw new ContractRevertedError({ details: `no registry at ${address}` });
      const entry = registry[args[0].toLowerCase() as Hex];
      if (functionName === 'getTEEPublicKey') return entry?.publicKey ?? '0x';
      if (functionName === 'isTEEEnabled') return entry?.enabled ?? false;
      if (functionName === 'isTEEActive') return entry?.active ?? false;
      throw new Error(`fakeChainReader: no ${functionName}`);
    });
  }) as ChainReader['readContract'];

  return {
    chainId,
    config: { name: 'Fake chain', rpc: ['http://fake.invalid'], confirmations: 1, explorer: null, ...config },
    calls,
    async head() {
      calls.push({ kind: 'head' });
      if (headError) throw headError;
      return { number: headNumber, hash: `0x${'ab'.repeat(32)}`, timestamp: 1_700_000_000n };
    },
    readContract,
    getTransactionReceipt: (hash) => answer({ kind: 'getTransactionReceipt', hash }, () => receipts[hash.toLowerCase() as Hex] ?? null),
    // OpenGradient proofs query no logs; this chain holds none.
    getLogs: ({ address }) => answer({ kind: 'getLogs', address }, () => []),
    endpoints: () => ['http://fake.invalid'],
  };
}

export function fakeChainAccess(...readers: ChainReader[]): ChainAccess {
  return { reader: (chainId) => readers.find((reader) => reader.chainId === chainId) };
}

export type FakeTrustParameters = {
  chainId: number;
  teeRegistry?: Address;
  settlementRelays?: Address[];
};

/** A trust configuration naming `chainId`, with OpenGradient contracts when a registry is given. */
export function fakeTrust({ chainId, teeRegistry, settlementRelays = [] }: FakeTrustParameters): TrustConfig {
  return {
    chains: { [chainId]: { name: 'Fake chain', rpc: ['http://fake.invalid'], confirmations: 1, explorer: null } },
    opengradient: teeRegistry ? { [chainId]: { teeRegistry, settlementRelays } } : {},
    eas: {},
    erc7007: {},
    trustedAttesters: [],
  };
}

export type FakeReceiptParameters = {
  hash: Hex;
  blockNumber: bigint;
  logs: Log<bigint, number, false>[];
  status?: TransactionReceipt['status'];
};

/** A receipt with the fields the verifiers read; the rest are placeholders. */
export function fakeReceipt({ hash, blockNumber, logs, status = 'success' }: FakeReceiptParameters): TransactionReceipt {
  return {
    transactionHash: hash,
    blockNumber,
    blockHash: `0x${'cd'.repeat(32)}`,
    status,
    logs: logs.map((log) => ({ ...log, transactionHash: hash, blockNumber })),
    transactionIndex: 0,
    from: '0x0000000000000000000000000000000000000001',
    to: logs[0]?.address ?? null,
    contractAddress: null,
    cumulativeGasUsed: 0n,
    gasUsed: 0n,
    effectiveGasPrice: 0n,
    logsBloom: '0x',
    type: 'eip1559',
  };
}

export type FakeIndividualSettlementLogParameters = {
  address: Address;
  logIndex: number;
  teeId: Hex;
  inputHash: Hex;
  outputHash: Hex;
  timestamp: number | bigint;
  signature: Hex;
  ethAddress?: Address;
  walrusBlobId?: Hex;
};

export function fakeIndividualSettlementLog(parameters: FakeIndividualSettlementLogParameters): Log<bigint, number, false> {
  const { address, logIndex, teeId, ethAddress = '0x00000000000000000000000000000000000000e7', walrusBlobId = '0x' } = parameters;
  return fakeLog({
    address,
    logIndex,
    topics: encodeEventTopics({ abi: settlementRelayAbi, eventName: 'IndividualSettlement', args: { teeId, ethAddress } }) as [Hex, ...Hex[]],
    data: encodeAbiParameters(parseAbiParameters('bytes32, bytes32, uint256, bytes, bytes'), [
      parameters.inputHash,
      parameters.outputHash,
      BigInt(parameters.timestamp),
      walrusBlobId,
      parameters.signature,
    ]),
  });
}

export function fakeBatchSettlementLog({ address, logIndex, merkleRoot, batchSize = 1n }: { address: Address; logIndex: number; merkleRoot: Hex; batchSize?: bigint }): Log<bigint, number, false> {
  return fakeLog({
    address,
    logIndex,
    topics: encodeEventTopics({ abi: settlementRelayAbi, eventName: 'BatchSettlement', args: { merkleRoot } }) as [Hex, ...Hex[]],
    data: encodeAbiParameters(parseAbiParameters('uint256, bytes'), [batchSize, '0x']),
  });
}

function fakeLog({ address, logIndex, topics, data }: { address: Address; logIndex: number; topics: [Hex, ...Hex[]]; data: Hex }): Log<bigint, number, false> {
  return {
    address,
    logIndex,
    topics,
    data,
    blockHash: `0x${'cd'.repeat(32)}`,
    blockNumber: 0n,
    transactionHash: `0x${'00'.repeat(32)}`,
    transactionIndex: 0,
    removed: false,
  };
}

/** The state the checks force, as the verdict's precedence rule (spec §6) picks it. */
export function stateOf(checks: Check[]): VerdictState {
  return worstState(checks.flatMap((check) => (check.implies ? [check.implies] : [])));
}

export function checkById(checks: Check[], id: Check['id']): Check {
  const check = checks.find((candidate) => candidate.id === id);
  if (!check) throw new Error(`no ${id} check among ${checks.map((candidate) => candidate.id).join(', ')}`);
  return check;
}

export function textHash(text: string): Hex {
  return keccak256(stringToBytes(text));
}
