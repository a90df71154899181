import { createChainAccess } from '../../lib/chain/access';
import type { TrustConfig } from '../../lib/trust/schema';
import type { VerdictState } from '../../lib/verdict/states';
import { createRpcRecorder, type RecordedRequest } from './rpc-recorder';
import { findSnippets } from './snippets';
import { formatNumber } from './table';
import { verifySnippets } from './verify-snippets';

export type CountedPass = {
  /** Every HTTP request of the pass, timed from the start of verification. */
  requests: RecordedRequest[];
  /** Parsing the page and findProofs. */
  findMs: number;
  /** From creating the ChainAccess to the last verdict. */
  verifyMs: number;
  states: VerdictState[];
};

/**
 * One verification pass over a page exactly as the CLI makes it (parse,
 * findProofs, one createChainAccess, Promise.all(verifySnippet)), with
 * every HTTP request recorded.
 */
export async function verifyPageCounting({ html, trust }: { html: string; trust: TrustConfig }): Promise<CountedPass> {
  const finding = performance.now();
  const snippets = findSnippets(html);
  const findMs = performance.now() - finding;

  const recorder = createRpcRecorder();
  const verifying = performance.now();
  const chains = createChainAccess({ trust, onRequest: recorder.onRequest, fetchFn: recorder.fetchFn });
  const verdicts = await verifySnippets({ snippets, trust, chains });
  return { requests: recorder.requests(), findMs, verifyMs: performance.now() - verifying, states: verdicts.map((verdict) => verdict.state) };
}

export function callCount(requests: readonly RecordedRequest[]): number {
  return requests.reduce((sum, request) => sum + request.event.methods.length, 0);
}

export function waveCount(requests: readonly RecordedRequest[]): number {
  return Math.max(0, ...requests.map((request) => request.wave));
}

/** "1 + 2 + 1": the HTTP requests of each wave, in wave order. */
export function perWave(requests: readonly RecordedRequest[], measure: (request: RecordedRequest) => number = () => 1): string {
  const totals = Array.from({ length: waveCount(requests) }, () => 0);
  for (const request of requests) totals[request.wave - 1]! += measure(request);
  return totals.join(' + ');
}

/**
 * "6.0 + 71.3": per wave, the ms the client held its first request back:
 * from the latest answer before it (for wave 1, the start of verification)
 * to its sending. Answers come back in a few ms from anvil; the rest is the
 * batch wait and the work done in the same tick.
 */
export function heldPerWave(requests: readonly RecordedRequest[]): string {
  const held: string[] = [];
  for (let wave = 1; wave <= waveCount(requests); wave++) {
    const sent = Math.min(...requests.filter((request) => request.wave === wave).map((request) => request.startMs));
    held.push(formatNumber(sent - latestAnswerBefore(requests, sent), 1));
  }
  return held.join(' + ');
}

/** When the last request answered before `ms` came back; 0 (the start of verification) if none had. */
export function latestAnswerBefore(requests: readonly RecordedRequest[], ms: number): number {
  return Math.max(0, ...requests.filter((request) => request.endMs <= ms).map((request) => request.endMs));
}
