import type { RpcFetch } from '../../lib/chain/rpc-fetch';
import type { ChainRequestEvent } from '../../lib/chain/types';

/** One JSON-RPC call as it went over the wire. */
export type RpcCall = { method: string; params: unknown[] };

/** One HTTP request to the RPC, timed from sending to the last byte of the answer. */
export type RecordedRequest = {
  /** What onRequest reported: the methods of its calls. */
  event: ChainRequestEvent;
  calls: RpcCall[];
  /** Milliseconds since the recorder was made. */
  startMs: number;
  endMs: number;
  /** Its place among sequential rounds: 1 + the deepest request that had finished before it started. */
  wave: number;
};

export type RpcRecorder = {
  onRequest: (event: ChainRequestEvent) => void;
  /** Passes every request on to the global fetch, timing it. */
  fetchFn: RpcFetch;
  /** The requests so far, in the order they were sent. */
  requests(): RecordedRequest[];
};

type Timing = { calls: RpcCall[]; startMs: number; endMs: number };

/**
 * Counts HTTP requests through createChainAccess's `onRequest` and times
 * them through its `fetchFn`. Both are called once per request, in the same
 * order (onRequest just before the fetch), so the n-th of each is the same
 * request.
 */
export function createRpcRecorder(): RpcRecorder {
  const origin = performance.now();
  const events: ChainRequestEvent[] = [];
  const timings: Timing[] = [];
  return {
    onRequest: (event) => events.push(event),
    fetchFn: async (input, init) => {
      const timing: Timing = { calls: callsOf(init?.body), startMs: performance.now() - origin, endMs: Number.NaN };
      timings.push(timing);
      try {
        // The whole body is read here, so the request ends with its last byte.
        const response = await fetch(input, init);
        const text = await response.text();
        return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
      } finally {
        timing.endMs = performance.now() - origin;
      }
    },
    requests: () => withWaves(events.map((event, index) => ({ event, ...timings[index]! }))),
  };
}

function callsOf(body: unknown): RpcCall[] {
  if (typeof body !== 'string') return [];
  const parsed = JSON.parse(body) as RpcCall | RpcCall[];
  return Array.isArray(parsed) ? parsed : [parsed];
}

function withWaves(requests: Omit<RecordedRequest, 'wave'>[]): RecordedRequest[] {
  const waved: RecordedRequest[] = [];
  for (const request of requests) {
    const before = waved.filter((earlier) => earlier.endMs <= request.startMs);
    waved.push({ ...request, wave: 1 + Math.max(0, ...before.map((earlier) => earlier.wave)) });
  }
  return waved;
}
