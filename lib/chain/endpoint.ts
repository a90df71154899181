import { http } from 'viem';
import { describeTransportError, invalidResultFailure, type EndpointFailure } from './endpoint-failure';
import { createRpcFetch, type RpcFetch } from './rpc-fetch';
import type { ChainRequestEvent } from './types';

export type RpcEndpointOptions = {
  /** Bound on each HTTP request, from sending to the last byte of the answer. */
  timeoutMs: number;
  /** At most this many JSON-RPC calls in one HTTP request. */
  batchSize: number;
  /** How long a batch waits for more calls before it is sent. */
  batchWaitMs: number;
  fetchFn?: RpcFetch | undefined;
  onRequest?: ((event: ChainRequestEvent) => void) | undefined;
};

export type CreateRpcEndpointParameters = RpcEndpointOptions & { chainId: number; url: string };

/** What one endpoint said to one call. */
export type RpcReply =
  | { kind: 'result'; result: unknown }
  /** A JSON-RPC error object: the node answered, but not with a result (a revert, or a call it could not make). */
  | { kind: 'error'; code: number; message: string; data?: unknown }
  /** No answer at all: unreachable, timed out, junk. */
  | { kind: 'failure'; failure: EndpointFailure };

export type RpcEndpoint = {
  readonly url: string;
  /** Never rejects: every outcome is a reply. */
  request(method: string, params: readonly unknown[]): Promise<RpcReply>;
};

/**
 * One RPC URL: a viem HTTP transport that batches the calls made close
 * together into one HTTP request, gives up after `timeoutMs` and never
 * retries (a pass that waits out retries on a dead node is worse than one
 * that reports it). The transport is raw, so JSON-RPC errors come back as
 * data and only transport failures throw.
 */
export function createRpcEndpoint({ chainId, url, timeoutMs, batchSize, batchWaitMs, fetchFn, onRequest }: CreateRpcEndpointParameters): RpcEndpoint {
  const transport = http(url, {
    batch: { batchSize, wait: batchWaitMs },
    fetchFn: createRpcFetch({ chainId, url, fetchFn, onRequest }),
    raw: true,
    retryCount: 0,
    timeout: timeoutMs,
  })({ retryCount: 0 });

  return {
    url,
    async request(method, params) {
      try {
        const reply = await transport.request({ method, params: [...params] });
        const { error } = reply as { error?: { code?: unknown; message?: unknown; data?: unknown } | null };
        if (error === undefined || error === null) return { kind: 'result', result: reply.result };
        if (typeof error.code !== 'number') return { kind: 'failure', failure: invalidResultFailure(url, method, 'an error without a numeric code') };
        return { kind: 'error', code: error.code, message: String(error.message), data: error.data };
      } catch (error) {
        return { kind: 'failure', failure: describeTransportError(error, { url, method, timeoutMs }) };
      }
    },
  };
}
