import { HttpRequestError, ResponseBodyTooLargeError, TimeoutError } from 'viem';
import { walkErrors } from '../errors';
import { InvalidRpcResponseError } from './rpc-fetch';

/**
 * What kind of failure: `unreachable` (fetch itself failed: refused, reset,
 * DNS, TLS, CORS), `timeout`, `http-status` (a non-2xx answer),
 * `invalid-response` (an answer that cannot be what was asked), `rpc-error`
 * (a JSON-RPC error that is not a revert), `wrong-chain` (the endpoint serves
 * another chain) or `lagging` (its head is far behind the others').
 */
export type EndpointFailureKind = 'unreachable' | 'timeout' | 'http-status' | 'invalid-response' | 'rpc-error' | 'wrong-chain' | 'lagging';

/** Why one RPC endpoint gave no usable answer. */
export type EndpointFailure = {
  kind: EndpointFailureKind;
  url: string;
  /** Short, for people: "RPC timed out after 8 s". */
  message: string;
  /** What was asked and what came back, for the details view. */
  details: string;
};

export type DescribeTransportErrorParameters = { url: string; method: string; timeoutMs: number };

/** Names an error thrown by viem's HTTP transport (it never throws for a JSON-RPC error: the transport is raw). */
export function describeTransportError(error: unknown, { url, method, timeoutMs }: DescribeTransportErrorParameters): EndpointFailure {
  const details = `${method}: ${causes(error).map((item) => readableMessage(item)).filter(Boolean).join(' ← ')}`;
  const causeOf = <kind>(type: abstract new (...args: never[]) => kind) => walkErrors(error, (item) => item instanceof type) as kind | null;

  if (causeOf(TimeoutError)) return { kind: 'timeout', url, message: `RPC timed out after ${formatSeconds(timeoutMs)}`, details };
  const status = causeOf(HttpRequestError)?.status;
  if (status !== undefined) return { kind: 'http-status', url, message: `RPC answered HTTP ${status}`, details };
  if (causeOf(InvalidRpcResponseError) || causeOf(SyntaxError) || causeOf(ResponseBodyTooLargeError)) {
    return { kind: 'invalid-response', url, message: 'RPC returned an invalid response', details };
  }
  // What is left is fetch itself failing: refused, reset, DNS, TLS, CORS.
  return { kind: 'unreachable', url, message: `Could not reach RPC ${url}`, details };
}

/** An answer that the endpoint gave but that cannot be what was asked for. */
export function invalidResultFailure(url: string, method: string, problem: string): EndpointFailure {
  return { kind: 'invalid-response', url, message: 'RPC returned an invalid response', details: `${method}: ${problem}` };
}

/** A JSON-RPC error answer that is not a revert: the node could not do the call. */
export function rpcErrorFailure(url: string, method: string, { code, message }: { code: number; message: string }): EndpointFailure {
  return { kind: 'rpc-error', url, message: `RPC returned an error: ${truncate(message, 80)}`, details: `${method}: error ${code}: ${truncate(message, 500)}` };
}

export function formatSeconds(milliseconds: number): string {
  return `${Number((milliseconds / 1000).toFixed(2))} s`;
}

export function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function causes(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let item = error; item instanceof Error && chain.length < 8; item = item.cause) chain.push(item);
  return chain;
}

function readableMessage(error: Error): string {
  const shortMessage = (error as { shortMessage?: string }).shortMessage;
  const code = (error as { code?: unknown }).code;
  return truncate(`${shortMessage ?? error.message}${typeof code === 'string' ? ` (${code})` : ''}`, 200);
}
