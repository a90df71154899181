import type { Hex, TransactionReceipt } from 'viem';
import type { EndpointOutcome } from './cross-check';
import type { RpcReply } from './endpoint';
import { invalidResultFailure, rpcErrorFailure, type EndpointFailure } from './endpoint-failure';
import { parseCallData, parseReceipt, type ParsedResult } from './rpc-results';

/** An eth_call's answer: its return data, or its revert data. */
export type CallAnswer = { reverted: boolean; data: Hex };
/** One endpoint's parsed reply, or why it is not an answer. */
export type Answer<value> = { ok: true; value: value } | { ok: false; failure: EndpointFailure };

/** A reply parsed, or the failure it is: an outage, an RPC error, or a result that does not parse. */
export function interpret<value>(reply: RpcReply, url: string, method: string, parse: (result: unknown) => ParsedResult<value>): Answer<value> {
  if (reply.kind === 'failure') return { ok: false, failure: reply.failure };
  if (reply.kind === 'error') return { ok: false, failure: rpcErrorFailure(url, method, reply) };
  const parsed = parse(reply.result);
  return parsed.ok ? parsed : { ok: false, failure: invalidResultFailure(url, method, parsed.problem) };
}

/** An eth_getTransactionReceipt answer, as of the pinned block. */
export function receiptOutcome(transactionHash: Hex, pinned: bigint) {
  return (reply: RpcReply, url: string): EndpointOutcome<TransactionReceipt | null> => {
    const answer = interpret(reply, url, 'eth_getTransactionReceipt', parseReceipt);
    if (!answer.ok) return { url, ...answer };
    if (answer.value && answer.value.receipt.transactionHash.toLowerCase() !== transactionHash) {
      return { url, ok: false, failure: invalidResultFailure(url, 'eth_getTransactionReceipt', `the receipt of another transaction, ${answer.value.receipt.transactionHash}`) };
    }
    // A transaction mined after the pinned block does not exist yet for this pass.
    const visible = answer.value && answer.value.receipt.blockNumber <= pinned ? answer.value : null;
    return { url, ok: true, value: visible?.receipt ?? null, comparable: visible?.comparable ?? 'no receipt' };
  };
}

/** A revert is an answer (code 3 is the standard; older nodes only say so in the message), compared like any other. */
export function callOutcome(reply: RpcReply, url: string): EndpointOutcome<CallAnswer> {
  if (reply.kind === 'error' && (reply.code === 3 || /revert/i.test(reply.message))) {
    const data = revertData(reply.data);
    return { url, ok: true, value: { reverted: true, data }, comparable: `revert ${data}` };
  }
  const answer = interpret(reply, url, 'eth_call', parseCallData);
  if (!answer.ok) return { url, ...answer };
  return { url, ok: true, value: { reverted: false, data: answer.value }, comparable: `return ${answer.value}` };
}

function revertData(data: unknown): Hex {
  const candidate = typeof data === 'object' && data !== null ? (data as { data?: unknown }).data : data;
  return typeof candidate === 'string' && /^0x(?:[0-9a-fA-F]{2})*$/.test(candidate) ? (candidate.toLowerCase() as Hex) : '0x';
}
