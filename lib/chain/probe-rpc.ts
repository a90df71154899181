import { defaultChainTimeoutMs } from './access';
import { createChainReader } from './reader';
import type { RpcFetch } from './rpc-fetch';

export type ProbeRpcParameters = {
  url: string;
  chainId: number;
  timeoutMs?: number | undefined;
  fetchFn?: RpcFetch | undefined;
};

export type ProbeRpcReturnType = { ok: true; blockNumber: bigint; latencyMs: number } | { ok: false; error: string };

/** For the options page: can this RPC be reached, and is it the chain it claims? The same checks as a verification pass's head(). */
export async function probeRpc({ url, chainId, timeoutMs = defaultChainTimeoutMs, fetchFn }: ProbeRpcParameters): Promise<ProbeRpcReturnType> {
  const reader = createChainReader({
    chainId,
    config: { name: `Chain ${chainId}`, rpc: [url], confirmations: 1, explorer: null },
    timeoutMs,
    batchSize: 2,
    batchWaitMs: 0,
    fetchFn,
  });
  const started = Date.now();
  try {
    const { number } = await reader.head();
    return { ok: true, blockNumber: number, latencyMs: Date.now() - started };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
