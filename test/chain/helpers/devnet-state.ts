import { encodeErrorResult, parseAbi, type Hex } from 'viem';
import { expect, vi } from 'vitest';
import type { TrustConfig } from '../../../lib/trust/schema';

/*
 * Tiny hand-assembled contracts, installed with anvil_setCode: the chain
 * tests need views, reverts and logs, not a compiler.
 */

/**
 * `get(uint256 slot)` returns storage slot `slot`; `set(uint256 slot, uint256 value)` stores it.
 * Any selector: 68 bytes of calldata store (JUMPI to 0x13), anything else reads.
 */
export const storageCode: Hex = '0x366044146013576004355460005260206000f35b6024356004355500';
export const storageAbi = parseAbi(['function get(uint256 slot) view returns (uint256)', 'function set(uint256 slot, uint256 value)']);

/** Reverts every call with Error("nope"): CODECOPY the reason appended to the code, then REVERT it. */
export function revertingCode(): Hex {
  const reason = encodeErrorResult({ abi: parseAbi(['error Error(string)']), errorName: 'Error', args: ['nope'] }).slice(2);
  const length = (reason.length / 2).toString(16).padStart(2, '0');
  return `0x60${length}600c60003960${length}6000fd${reason}`;
}

export const logTopic: Hex = `0x${'ab'.repeat(32)}`;

/** Emits LOG1(logTopic) with data 42 on every call. */
export const logEmitterCode: Hex = `0x602a6000527f${logTopic.slice(2)}60206000a100`;

export type RpcCall = (method: string, params?: unknown[]) => Promise<unknown>;

export function rpcClient(rpcUrl: string): RpcCall {
  return async (method, params = []) => {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    });
    const { result, error } = (await response.json()) as { result?: unknown; error?: { message: string } };
    if (error) throw new Error(`${method}: ${error.message}`);
    return result;
  };
}

/**
 * Sends a transaction from an unlocked account and returns its hash once anvil has mined it: anvil answers the hash
 * first, and under load its receipt can lag the answer by a moment.
 */
export async function sendMined(rpc: RpcCall, transaction: { from: Hex; to: Hex; data?: Hex }): Promise<Hex> {
  const hash = (await rpc('eth_sendTransaction', [transaction])) as Hex;
  await vi.waitFor(async () => expect(await rpc('eth_getTransactionReceipt', [hash])).not.toBeNull(), { timeout: 10_000 });
  return hash;
}

export function slotValue(value: bigint): Hex {
  return `0x${value.toString(16).padStart(64, '0')}`;
}

export function trustWithChain(rpc: string[], { chainId = 31337 }: { chainId?: number } = {}): TrustConfig {
  return {
    chains: { [String(chainId)]: { name: 'Local', rpc, confirmations: 1, explorer: null } },
    opengradient: {},
    eas: {},
    erc7007: {},
    trustedAttesters: [],
  };
}
