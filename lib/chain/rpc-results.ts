import { formatLog, formatTransactionReceipt, type Log, type RpcLog, type RpcTransactionReceipt, type TransactionReceipt } from 'viem';
import { z } from 'zod';
import type { PinnedBlock } from './types';

/*
 * Shapes of the JSON-RPC results the reader uses. An RPC is not trusted to
 * answer well-formed data; anything else is an invalid response, not a value.
 */

const quantity = z
  .string()
  .regex(/^0x[0-9a-fA-F]{1,64}$/, 'is not a hex quantity')
  .transform((value) => BigInt(value));
const hash = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, 'is not a 32-byte hash')
  .transform((value) => value.toLowerCase() as `0x${string}`);
const bytes = z
  .string()
  .regex(/^0x(?:[0-9a-fA-F]{2})*$/, 'is not hex bytes')
  .transform((value) => value.toLowerCase() as `0x${string}`);
const address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'is not an address')
  .transform((value) => value.toLowerCase() as `0x${string}`);

const block = z.object({ number: quantity, hash, timestamp: quantity });

const receipt = z.looseObject({
  transactionHash: hash,
  transactionIndex: quantity,
  blockHash: hash,
  blockNumber: quantity,
  status: z.enum(['0x0', '0x1']),
  from: address,
  to: address.nullable(),
  contractAddress: address.nullish(),
  logs: z.array(z.object({ address, topics: z.array(hash), data: bytes, logIndex: quantity })),
});

const log = z.looseObject({
  address,
  topics: z.array(hash),
  data: bytes,
  blockNumber: quantity,
  blockHash: hash,
  transactionHash: hash,
  transactionIndex: quantity,
  logIndex: quantity,
});

export type ParsedResult<value> = { ok: true; value: value } | { ok: false; problem: string };

export function parseChainId(result: unknown): ParsedResult<bigint> {
  return parse(quantity, result);
}

export function parseBlock(result: unknown): ParsedResult<PinnedBlock | null> {
  return result === null ? { ok: true, value: null } : parse(block, result);
}

export function parseCallData(result: unknown): ParsedResult<`0x${string}`> {
  return parse(bytes, result);
}

export type ParsedReceipt = {
  receipt: TransactionReceipt;
  /** What two endpoints must agree on: where it was mined, whether it succeeded, and every log. */
  comparable: string;
};

export function parseReceipt(result: unknown): ParsedResult<ParsedReceipt | null> {
  if (result === null) return { ok: true, value: null };
  const parsed = parse(receipt, result);
  if (!parsed.ok) return parsed;
  const { transactionHash, transactionIndex, blockHash, blockNumber, status, from, to, contractAddress, logs } = parsed.value;
  const comparable = JSON.stringify(
    { transactionHash, transactionIndex, blockHash, blockNumber, status, from, to, contractAddress: contractAddress ?? null, logs },
    (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
  );
  return { ok: true, value: { receipt: formatTransactionReceipt(result as RpcTransactionReceipt), comparable } };
}

export type ParsedLogs = {
  logs: Log<bigint, number, false>[];
  /** What two endpoints must agree on: every log, where it was emitted and what it holds. */
  comparable: string;
};

export function parseLogs(result: unknown): ParsedResult<ParsedLogs> {
  const parsed = parse(z.array(log), result);
  if (!parsed.ok) return parsed;
  const comparable = JSON.stringify(
    parsed.value.map(({ address, topics, data, blockNumber, blockHash, transactionHash, transactionIndex, logIndex }) => ({
      address,
      topics,
      data,
      blockNumber,
      blockHash,
      transactionHash,
      transactionIndex,
      logIndex,
    })),
    (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
  );
  return { ok: true, value: { logs: (result as RpcLog[]).map((entry) => formatLog(entry) as Log<bigint, number, false>), comparable } };
}

function parse<output>(schema: z.ZodType<output>, value: unknown): ParsedResult<output> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const [issue] = parsed.error.issues;
  const where = issue?.path.length ? `${issue.path.join('.')} ` : '';
  return { ok: false, problem: `${where}${issue?.message ?? 'is malformed'}: ${JSON.stringify(value)?.slice(0, 120)}` };
}
