/**
 * In-memory stand-ins for unit tests of the EAS and ERC-7007 verifiers'
 * decision logic. They are not a chain: real-chain behaviour is tested
 * against anvil with the real EAS contracts.
 */
import { zeroAddress, zeroHash, type Address, type Hex, type Log, type TransactionReceipt } from 'viem';
import { ContractRevertedError } from '../../lib/chain/errors';
import type { ChainAccess, ChainReader } from '../../lib/chain/types';
import type { TrustConfig } from '../../lib/trust/schema';
import { worstState, type VerdictState } from '../../lib/verdict/states';
import type { Check } from '../../lib/verdict/types';

export const fakeEas = '0x00000000000000000000000000000000000e0a50' as Address;
export const fakeSchemaRegistry = '0x00000000000000000000000000000000005c4e3a' as Address;
export const fakeHead = { number: 1_000n, timestamp: 1_800_000_000n };

/** An on-chain attestation and the block it was made in. */
export type FakeAttestation = {
  uid: Hex;
  schema: Hex;
  attester: Address;
  data: Hex;
  block: bigint;
  time?: bigint;
  expirationTime?: bigint;
  revocationTime?: bigint;
};

export type FakeContractCall = { address: Address; functionName: string; args: readonly unknown[]; blockNumber?: bigint };

export type FakeEasChainParameters = {
  chainId: number;
  confirmations?: number;
  /** Schema UID (lowercase) → schema string. */
  schemas?: Record<Hex, string>;
  attestations?: FakeAttestation[];
  /** `${revoker}:${uid}` (lowercase) → revocation time. */
  offchainRevocations?: Record<string, bigint>;
  /** ERC-7007 contracts (lowercase) → their verify(). */
  erc7007?: Record<Address, (args: readonly unknown[]) => boolean>;
  /** ERC-7007 contracts (lowercase) → token id (decimal) → owner; ownerOf() reverts for any other token. */
  erc7007Owners?: Record<Address, Record<string, Address>>;
  /** Every log on the chain, for getLogs(). */
  logs?: Log<bigint, number, false>[];
  /** Transaction hash (lowercase) → receipt. */
  receipts?: Record<Hex, TransactionReceipt>;
  /** Makes `head()` reject with this error. */
  headError?: Error;
  /** Makes a read reject: return the error for the calls that should fail. */
  readError?: (call: FakeContractCall) => Error | undefined;
  /** When set, reads settle only once this promise resolves. */
  gate?: Promise<void>;
};

export type FakeEasChainReader = ChainReader & { calls: FakeContractCall[] };

/** A chain holding EAS at fakeEas and a SchemaRegistry at fakeSchemaRegistry; any other address has no contract. */
export function fakeEasChainReader({
  chainId,
  confirmations = 1,
  schemas = {},
  attestations = [],
  offchainRevocations = {},
  erc7007 = {},
  erc7007Owners = {},
  logs = [],
  receipts = {},
  headError,
  readError,
  gate,
}: FakeEasChainParameters): FakeEasChainReader {
  const calls: FakeContractCall[] = [];
  const answer = (call: FakeContractCall): unknown => {
    const address = call.address.toLowerCase() as Address;
    const block = call.blockNumber ?? fakeHead.number;
    if (address === fakeSchemaRegistry && call.functionName === 'getSchema') {
      const uid = (call.args[0] as Hex).toLowerCase() as Hex;
      const schema = schemas[uid];
      return schema === undefined
        ? { uid: zeroHash, resolver: zeroAddress, revocable: false, schema: '' }
        : { uid, resolver: zeroAddress, revocable: true, schema };
    }
    if (address === fakeEas && call.functionName === 'getAttestation') {
      const found = attestations.find((attestation) => attestation.uid.toLowerCase() === (call.args[0] as Hex).toLowerCase() && attestation.block <= block);
      return found
        ? {
            uid: found.uid.toLowerCase(),
            schema: found.schema,
            time: found.time ?? 1_700_000_000n,
            expirationTime: found.expirationTime ?? 0n,
            revocationTime: found.revocationTime ?? 0n,
            refUID: zeroHash,
            recipient: zeroAddress,
            attester: found.attester,
            revocable: true,
            data: found.data,
          }
        : { uid: zeroHash, schema: zeroHash, time: 0n, expirationTime: 0n, revocationTime: 0n, refUID: zeroHash, recipient: zeroAddress, attester: zeroAddress, revocable: false, data: '0x' };
    }
    if (address === fakeEas && call.functionName === 'getRevokeOffchain') {
      return offchainRevocations[`${(call.args[0] as Address).toLowerCase()}:${(call.args[1] as Hex).toLowerCase()}`] ?? 0n;
    }
    const verify = erc7007[address];
    if (verify && call.functionName === 'verify') return verify(call.args);
    const owners = erc7007Owners[address];
    if (owners && call.functionName === 'ownerOf') {
      const owner = owners[String(call.args[0])];
      if (owner === undefined) throw new ContractRevertedError({ details: `ownerOf on ${call.address} reverted: ERC721NonexistentToken(${String(call.args[0])})` });
      return owner;
    }
    throw new ContractRevertedError({ details: `${call.functionName} on ${call.address} returned nothing: there is no contract at that address` });
  };

  const read = async <value>(call: FakeContractCall, value: () => value): Promise<value> => {
    calls.push(call);
    await gate;
    const error = readError?.(call);
    if (error) throw error;
    return value();
  };
  const readContract = (({ address, functionName, args, blockNumber }: FakeContractCall) => {
    const call: FakeContractCall = { address, functionName, args, ...(blockNumber !== undefined && { blockNumber }) };
    return read(call, () => answer(call));
  }) as ChainReader['readContract'];
  const topicMatches = (wanted: Hex | readonly Hex[] | null, topic: Hex | undefined) =>
    wanted === null || (topic !== undefined && (typeof wanted === 'string' ? [wanted] : wanted).some((value) => value.toLowerCase() === topic.toLowerCase()));

  return {
    chainId,
    config: { name: 'Fake chain', rpc: ['http://fake.invalid'], confirmations, explorer: null },
    calls,
    async head() {
      if (headError) throw headError;
      return { number: fakeHead.number, hash: `0x${'ab'.repeat(32)}`, timestamp: fakeHead.timestamp };
    },
    readContract,
    // A receipt names no contract: its call carries the zero address.
    getTransactionReceipt: (hash) =>
      read({ address: zeroAddress, functionName: 'getTransactionReceipt', args: [hash] }, () => receipts[hash.toLowerCase() as Hex] ?? null),
    getLogs: ({ address, topics, fromBlock }) =>
      read({ address, functionName: 'getLogs', args: [topics, fromBlock] }, () =>
        logs.filter(
          (log) =>
            log.address.toLowerCase() === address.toLowerCase() &&
            log.blockNumber >= fromBlock &&
            log.blockNumber <= fakeHead.number &&
            topics.every((wanted, position) => topicMatches(wanted, log.topics[position])),
        ),
      ),
    endpoints: () => ['http://fake.invalid'],
  };
}

export function fakeChainAccess(...readers: ChainReader[]): ChainAccess {
  return { reader: (chainId) => readers.find((reader) => reader.chainId === chainId) };
}

/** A trust configuration naming the fake EAS on `chainId`, with the given attesters and ERC-7007 contracts. */
export function fakeTrust({
  chainId,
  attesters = [],
  erc7007 = [],
}: {
  chainId: number;
  attesters?: { address: Address; label: string }[];
  erc7007?: Address[];
}): TrustConfig {
  return {
    chains: { [chainId]: { name: 'Fake chain', rpc: ['http://fake.invalid'], confirmations: 1, explorer: null } },
    opengradient: {},
    eas: { [chainId]: { eas: fakeEas, schemaRegistry: fakeSchemaRegistry } },
    erc7007: { [chainId]: erc7007 },
    trustedAttesters: attesters,
  };
}

/** The state the checks force, as verifySnippet computes it. */
export function stateOf(checks: Check[]): VerdictState {
  return worstState(checks.flatMap((check) => (check.implies ? [check.implies] : [])));
}

/** The check with `id`; fails the test when there is none. */
export function checkOf(checks: Check[], id: Check['id']): Check {
  const check = checks.find((candidate) => candidate.id === id);
  if (!check) throw new Error(`no ${id} check in ${checks.map((candidate) => candidate.id).join(', ')}`);
  return check;
}
