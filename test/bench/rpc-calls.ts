import { toFunctionSelector, type Abi, type Address } from 'viem';
import type { DevnetContracts } from '../../devnet/deploy';
import { easAbi, schemaRegistryAbi } from '../../lib/abi/eas';
import { erc7007Abi } from '../../lib/abi/erc7007';
import { teeRegistryAbi } from '../../lib/abi/tee-registry';
import type { RpcCall } from './rpc-recorder';

/** Which verifier makes a read, and what it waits for first. */
const madeBy: Record<string, string> = {
  eth_chainId: 'all: head()',
  'eth_getBlockByNumber latest': 'all: head()',
  eth_getTransactionReceipt: 'og-tee (settled), og-settlement; after head',
  getTEEPublicKey: 'og-tee after head; og-settlement after its receipt',
  isTEEEnabled: 'og-tee after head; og-settlement after its receipt',
  isTEEActive: 'og-tee after head; og-settlement after its receipt',
  getSchema: 'eas-offchain after head; eas-onchain after getAttestation',
  getRevokeOffchain: 'eas-offchain; after head',
  getAttestation: 'eas-onchain; after head',
  verify: 'erc7007; after head',
  ownerOf: 'erc7007; after head',
  eth_getLogs: 'erc7007 without tx; after head',
};

export type DescribedCall = {
  /** E.g. "getSchema on SchemaRegistry". */
  read: string;
  /** The verifiers that make this read, and after what. */
  issuedBy: string;
};

export type DescribeCall = (call: RpcCall) => DescribedCall;

/**
 * Names each JSON-RPC call of a pass: the method, or for eth_call the
 * function and the devnet contract it asks. `pinnedBlock` (hex) tells the
 * eth_calls of an earlier block (eas-onchain's confirmation read) apart.
 */
export function createCallDescriber({ contracts, pinnedBlock }: { contracts: DevnetContracts; pinnedBlock: string | undefined }): DescribeCall {
  const functions = new Map<string, string>();
  for (const abi of [teeRegistryAbi, easAbi, schemaRegistryAbi, erc7007Abi] as Abi[]) {
    for (const item of abi) if (item.type === 'function') functions.set(toFunctionSelector(item), item.name);
  }
  const names = contractNames(contracts);

  return ({ method, params }) => {
    if (method === 'eth_getBlockByNumber') {
      const read = params[0] === 'latest' ? 'eth_getBlockByNumber latest' : 'eth_getBlockByNumber (a given block)';
      return { read, issuedBy: madeBy[read] ?? 'all: head() with several RPCs' };
    }
    if (method !== 'eth_call') return { read: method, issuedBy: madeBy[method] ?? '?' };
    const [{ to, data }, block] = params as [{ to: Address; data: string }, string];
    const name = functions.get(data.slice(0, 10)) ?? data.slice(0, 10);
    const earlier = pinnedBlock !== undefined && block !== pinnedBlock ? ', an earlier block' : '';
    return { read: `${name} on ${names.get(to.toLowerCase()) ?? to}${earlier}`, issuedBy: madeBy[name] ?? '?' };
  };
}

function contractNames(contracts: DevnetContracts): Map<string, string> {
  const entries: [Address, string][] = [
    [contracts.teeRegistry, 'TEERegistry'],
    [contracts.settlementRelay, 'relay'],
    [contracts.schemaRegistry, 'SchemaRegistry'],
    [contracts.eas, 'EAS'],
    [contracts.erc7007, 'TestERC7007'],
    [contracts.rogue.teeRegistry, 'rogue TEERegistry'],
    [contracts.rogue.settlementRelay, 'rogue relay'],
    [contracts.rogue.schemaRegistry, 'rogue SchemaRegistry'],
    [contracts.rogue.eas, 'rogue EAS'],
    [contracts.rogue.erc7007, 'rogue TestERC7007'],
  ];
  return new Map(entries.map(([address, name]) => [address.toLowerCase(), name]));
}

/** The block every eth_call of a pass names, but for earlier-block reads: the highest one. */
export function pinnedBlockOf(calls: readonly RpcCall[]): string | undefined {
  const blocks = calls.filter((call) => call.method === 'eth_call').map((call) => BigInt(call.params[1] as string));
  if (blocks.length === 0) return undefined;
  const highest = blocks.reduce((a, b) => (a > b ? a : b));
  return `0x${highest.toString(16)}`;
}
