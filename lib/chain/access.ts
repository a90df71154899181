import type { TrustConfig } from '../trust/schema';
import { createChainReader } from './reader';
import type { RpcFetch } from './rpc-fetch';
import type { ChainAccess, ChainReader, ChainRequestEvent } from './types';

export type CreateChainAccessParameters = {
  trust: TrustConfig;
  /** Bound on each HTTP request to an RPC. Default 8 s: public endpoints answer in well under a second, and a reader should not wait longer for an `unavailable`. */
  timeoutMs?: number | undefined;
  /** At most this many JSON-RPC calls in one HTTP request. Default 100, under the limits public endpoints set on batches. */
  batchSize?: number | undefined;
  /** How long a batch waits for more calls before it is sent. Default 5 ms: enough to collect the reads verifiers make after a little work of their own (a signature check), too little to notice. */
  batchWaitMs?: number | undefined;
  /** The fetch to use; the global one when omitted. */
  fetchFn?: RpcFetch | undefined;
  /** Called for every HTTP request to an RPC. */
  onRequest?: ((event: ChainRequestEvent) => void) | undefined;
};

export const defaultChainTimeoutMs = 8_000;

/**
 * The chains of the trust configuration for one verification pass: create
 * one per pass (a page load, a CLI run), and every verifier of the pass
 * shares its readers, so their reads are pinned to one block per chain,
 * shared and batched.
 */
export function createChainAccess({
  trust,
  timeoutMs = defaultChainTimeoutMs,
  batchSize = 100,
  batchWaitMs = 5,
  fetchFn,
  onRequest,
}: CreateChainAccessParameters): ChainAccess {
  const readers = new Map<number, ChainReader>();
  return {
    reader(chainId) {
      const key = String(chainId);
      if (!Object.hasOwn(trust.chains, key)) return undefined;
      let reader = readers.get(chainId);
      if (!reader) {
        reader = createChainReader({ chainId, config: trust.chains[key]!, timeoutMs, batchSize, batchWaitMs, fetchFn, onRequest });
        readers.set(chainId, reader);
      }
      return reader;
    },
  };
}
