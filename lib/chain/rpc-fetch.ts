import { BaseError } from '../errors';
import type { ChainRequestEvent } from './types';

export type RpcFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export type CreateRpcFetchParameters = {
  chainId: number;
  url: string;
  fetchFn?: RpcFetch | undefined;
  onRequest?: ((event: ChainRequestEvent) => void) | undefined;
};

/** The answer could not be a JSON-RPC answer to what was asked. */
export class InvalidRpcResponseError extends BaseError {
  override name = 'InvalidRpcResponseError';
}

/** Large enough for a batch of receipts with many logs; a bound so a junk server cannot fill memory. */
const maxResponseBytes = 10 * 1024 * 1024;

/**
 * The fetch viem's HTTP transport uses for one endpoint. It reports each
 * request, and checks that a JSON-RPC answer carries exactly the ids that were
 * asked: viem pairs batch answers with requests by position after sorting by
 * id, so a server (or proxy) that drops, repeats or invents ids would
 * otherwise hand one call's answer to another.
 */
export function createRpcFetch({ chainId, url, fetchFn = (input, init) => fetch(input, init), onRequest }: CreateRpcFetchParameters): RpcFetch {
  return async (input, init) => {
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const calls = (Array.isArray(body) ? body : [body]) as { id?: unknown; method?: unknown }[];
    onRequest?.({ chainId, url, methods: calls.map(({ method }) => String(method)) });

    const response = await fetchFn(input, init);
    // viem turns a non-2xx status into its own error, with the status.
    if (!response.ok) return response;
    const text = await readText(response);
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      throw new InvalidRpcResponseError(`the body is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
    }
    checkIds(Array.isArray(body), calls, answer);
    return new Response(text, { status: response.status, statusText: response.statusText, headers: { 'content-type': 'application/json' } });
  };
}

function checkIds(isBatch: boolean, calls: { id?: unknown }[], answer: unknown): void {
  if (isBatch && !Array.isArray(answer)) {
    // A server that refuses a whole batch answers with one error object, which viem gives to every call.
    if (isErrorObject(answer)) return;
    throw new InvalidRpcResponseError('a batch was answered with something other than a list');
  }
  const answers = (Array.isArray(answer) ? answer : [answer]) as unknown[];
  const asked = calls.map(({ id }) => id);
  const answered = answers.map((item) => (typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined));
  const sameIds = asked.length === answered.length && new Set(answered).size === answered.length && answered.every((id) => asked.includes(id));
  // A lone error with id null is how a server says it could not read the request at all.
  if (!sameIds && !(answers.length === 1 && isErrorObject(answers[0]))) {
    throw new InvalidRpcResponseError(`answered ids ${JSON.stringify(answered).slice(0, 80)} for ids ${JSON.stringify(asked).slice(0, 80)}`);
  }
}

function isErrorObject(value: unknown): boolean {
  const error = typeof value === 'object' && value !== null ? (value as { error?: { code?: unknown } }).error : undefined;
  return typeof error?.code === 'number';
}

async function readText(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxResponseBytes) {
      await reader.cancel();
      throw new InvalidRpcResponseError(`the body is larger than ${maxResponseBytes / 1024 / 1024} MB`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
