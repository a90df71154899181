import { decodeErrorResult, decodeFunctionResult, encodeFunctionData, numberToHex, type Abi, type Hex } from 'viem';
import { readsOf, type ChainConfig } from '../trust/schema';
import { crossCheck, type EndpointOutcome } from './cross-check';
import { createRpcEndpoint, type RpcEndpointOptions, type RpcReply } from './endpoint';
import { invalidResultFailure, truncate, type EndpointFailure } from './endpoint-failure';
import { ChainUnavailableError, ContractRevertedError } from './errors';
import { createProofFallback } from './proof-fallback';
import { createProvenReads, type ProvenReads } from './proven/proven-reads';
import { callOutcome, interpret, receiptOutcome, type Answer, type CallAnswer } from './rpc-outcomes';
import { parseBlock, parseChainId, parseLogs } from './rpc-results';
import { shortHex } from './short-hex';
import type { ChainGetLogsParameters, ChainReader, PinnedBlock } from './types';

export type CreateChainReaderParameters = RpcEndpointOptions & { chainId: number; config: ChainConfig };

/**
 * An endpoint whose latest block is older than the freshest one's by more
 * than this is left out of the pass: pinning to it would put every read on a
 * block that pruning nodes may no longer hold state for, and proofs would
 * stay pending for no reason.
 */
const maxHeadLagSeconds = 60n;


/**
 * The reader of one chain for one verification pass (see ChainReader).
 *
 * Pinning: head() asks every endpoint for eth_chainId and its latest block in
 * one batch, pins the lowest of their heads (so every endpoint has it) and,
 * when heads differ, asks the others for that block so its hash is
 * cross-checked too. Every later read names that block number.
 *
 * An endpoint that fails once (unreachable, timeout, junk, wrong chain, too
 * far behind, an RPC error) is not asked again in the pass, and still counts
 * as a missing answer in every cross-check: a pass does not wait out the same
 * dead node twice, and a chain never silently drops to fewer RPCs than the
 * cross-check needs.
 *
 * Results, failures included, are shared for the whole pass: a pass is short,
 * and asking again would multiply the cost of an outage.
 *
 * With `"reads": "proofs"`, only the head needs the endpoints' agreement: view
 * calls are executed locally over proven state, receipts and logs are read
 * from blocks whose transactions and receipts are proven, and older blocks
 * are shown to be ancestors of the pinned one (lib/chain/proven). A read
 * whose block Verity cannot rebuild is taken by quorum instead, and said so
 * in readBasis (proof-fallback.ts).
 */
export function createChainReader({ chainId, config, ...endpointOptions }: CreateChainReaderParameters): ChainReader {
  const endpoints = config.rpc.map((url) => createRpcEndpoint({ chainId, url, ...endpointOptions }));
  const failed = new Map<string, EndpointFailure>();
  const used = new Set<string>();
  const shared = new Map<string, Promise<unknown>>();
  let pinned: Promise<PinnedBlock> | undefined;
  let pinnedNumber: bigint | undefined;
  /** How many endpoints answered the pinned block's hash alike. */
  let agreedBy = 0;
  const proven = readsOf(config) === 'proofs' ? createProvenReads({ chainId, endpoints, head, onProven: (url) => used.add(url) }) : undefined;
  const fallback = proven && createProofFallback({ chainId, proven, endpointCount: endpoints.length });

  function share<value>(key: string, read: () => Promise<value>): Promise<value> {
    let promise = shared.get(key) as Promise<value> | undefined;
    if (!promise) {
      promise = read();
      shared.set(key, promise);
    }
    return promise;
  }

  /** Cross-checks fresh outcomes together with the endpoints that failed earlier in the pass; the value and the endpoints that gave it. */
  function settleAgreed<value>(what: string, fresh: readonly EndpointOutcome<value>[]): { value: value; urls: string[] } {
    for (const outcome of fresh) if (!outcome.ok) failed.set(outcome.url, outcome.failure);
    const outcomes = endpoints.map(
      ({ url }): EndpointOutcome<value> => fresh.find((outcome) => outcome.url === url) ?? { url, ok: false, failure: failed.get(url)! },
    );
    const agreed = crossCheck({ chainId, what, outcomes });
    for (const url of agreed.urls) used.add(url);
    return agreed;
  }

  function settle<value>(what: string, fresh: readonly EndpointOutcome<value>[]): value {
    return settleAgreed(what, fresh).value;
  }

  /** One call to every endpoint still in the pass. The requests are made synchronously, so concurrent asks share HTTP batches. */
  async function askAgreed<value>(what: string, method: string, params: unknown[], toOutcome: (reply: RpcReply, url: string) => EndpointOutcome<value>): Promise<{ value: value; urls: string[] }> {
    const live = endpoints.filter(({ url }) => !failed.has(url));
    const outcomes = await Promise.all(live.map(async (endpoint) => toOutcome(await endpoint.request(method, params), endpoint.url)));
    return settleAgreed(what, outcomes);
  }

  async function pinHead(): Promise<PinnedBlock> {
    const heads = await Promise.all(
      endpoints.map(async ({ url, request }): Promise<EndpointOutcome<PinnedBlock>> => {
        const [idReply, blockReply] = await Promise.all([request('eth_chainId', []), request('eth_getBlockByNumber', ['latest', false])]);
        const answeredId = interpret(idReply, url, 'eth_chainId', parseChainId);
        if (!answeredId.ok) return { url, ...answeredId };
        if (answeredId.value !== BigInt(chainId)) {
          const failure = { kind: 'wrong-chain' as const, url, message: `RPC answered for chain ${answeredId.value}, not ${chainId}`, details: `eth_chainId: ${answeredId.value}` };
          return { url, ok: false, failure };
        }
        const latest = interpret(blockReply, url, 'eth_getBlockByNumber', parseBlock);
        if (!latest.ok) return { url, ...latest };
        if (!latest.value) return { url, ok: false, failure: invalidResultFailure(url, 'eth_getBlockByNumber', 'no latest block') };
        // Heads differ between healthy endpoints; only the pinned block is compared.
        return { url, ok: true, value: latest.value, comparable: '' };
      }),
    );
    const freshest = heads.reduce((newest, head) => (head.ok && head.value.timestamp > newest ? head.value.timestamp : newest), 0n);
    const current = heads.map((head): EndpointOutcome<PinnedBlock> => {
      if (!head.ok || freshest - head.value.timestamp <= maxHeadLagSeconds) return head;
      const behind = freshest - head.value.timestamp;
      return { url: head.url, ok: false, failure: { kind: 'lagging', url: head.url, message: `RPC is ${behind} s behind the others`, details: `latest block ${head.value.number}` } };
    });
    settle('the latest block', current);

    const number = current.reduce<bigint | undefined>((lowest, head) => (head.ok && (lowest === undefined || head.value.number < lowest) ? head.value.number : lowest), undefined)!;
    const atPinned = await Promise.all(
      current.flatMap((head) => (head.ok ? [head] : [])).map(async (head): Promise<EndpointOutcome<PinnedBlock>> => {
        const block = head.value.number === number ? { ok: true as const, value: head.value } : await blockAt(head.url, number);
        if (!block.ok) return { url: head.url, ...block };
        if (!block.value) return { url: head.url, ok: false, failure: invalidResultFailure(head.url, 'eth_getBlockByNumber', `no block ${number}`) };
        return { url: head.url, ok: true, value: block.value, comparable: `hash ${block.value.hash}, timestamp ${block.value.timestamp}` };
      }),
    );
    const agreed = settle(`block ${number}`, atPinned);
    agreedBy = atPinned.filter((outcome) => outcome.ok).length;
    return agreed;
  }

  async function blockAt(url: string, number: bigint): Promise<Answer<PinnedBlock | null>> {
    const endpoint = endpoints.find((candidate) => candidate.url === url)!;
    const answer = interpret(await endpoint.request('eth_getBlockByNumber', [numberToHex(number), false]), url, 'eth_getBlockByNumber', parseBlock);
    if (answer.ok && answer.value && answer.value.number !== number) {
      return { ok: false, failure: invalidResultFailure(url, 'eth_getBlockByNumber', `asked for block ${number}, got ${answer.value.number}`) };
    }
    return answer;
  }

  function head(): Promise<PinnedBlock> {
    pinned ??= pinHead().then((block) => {
      pinnedNumber = block.number;
      return block;
    });
    return pinned;
  }

  return {
    chainId,
    config,
    async head() {
      const block = await head();
      await fallback?.checkHeader();
      return block;
    },

    async readContract(parameters) {
      const { address, abi, functionName, args, blockNumber } = parameters as unknown as {
        address: Hex;
        abi: Abi;
        functionName: string;
        args?: readonly unknown[];
        blockNumber?: bigint;
      };
      const to = address.toLowerCase() as Hex;
      const data = encodeFunctionData({ abi, functionName, args });
      const answer = await share(`eth_call ${to} ${data} ${blockNumber ?? 'pinned'}`, async () => {
        const pinnedBlock = await head();
        const at = blockNumber ?? pinnedBlock.number;
        if (at > pinnedBlock.number) throw new ChainUnavailableError(`Block ${at} is after the pinned block ${pinnedBlock.number}`, { chainId });
        const what = `${functionName} on ${to} at block ${at}`;
        const agreed = () => askAgreed(what, 'eth_call', [{ to, data }, numberToHex(at)], callOutcome);
        if (fallback) return fallback.read({ what, proof: (reads) => reads.call({ to, data, blockNumber: at }), quorum: agreed });
        return (await agreed()).value;
      });
      return decodeCall(answer, { abi, functionName, to }) as never;
    },

    getTransactionReceipt(hash) {
      const transactionHash = hash.toLowerCase() as Hex;
      return share(`receipt ${transactionHash}`, async () => {
        const agreed = async () => {
          const pinned = (await head()).number;
          return askAgreed(`the receipt of ${transactionHash} by block ${pinned}`, 'eth_getTransactionReceipt', [transactionHash], receiptOutcome(transactionHash, pinned));
        };
        if (fallback) return fallback.read({ what: `the receipt of ${shortHex(transactionHash)}`, proof: (reads) => reads.receipt(transactionHash), quorum: agreed });
        return (await agreed()).value;
      });
    },

    getLogs({ address, topics, fromBlock }) {
      const filter = { address: address.toLowerCase() as Hex, topics: topics.map(lowercaseTopic) };
      return share(`logs ${JSON.stringify(filter)} from ${fromBlock}`, async () => {
        const pinnedBlock = await head();
        if (fromBlock > pinnedBlock.number) throw new ChainUnavailableError(`Block ${fromBlock} is after the pinned block ${pinnedBlock.number}`, { chainId });
        const range = { fromBlock: numberToHex(fromBlock), toBlock: numberToHex(pinnedBlock.number) };
        const agreed = () =>
          askAgreed(`the logs of ${filter.address} in blocks ${fromBlock} to ${pinnedBlock.number}`, 'eth_getLogs', [{ ...filter, ...range }], (reply, url) => {
            const answer = interpret(reply, url, 'eth_getLogs', parseLogs);
            if (!answer.ok) return { url, ...answer };
            // An RPC is not trusted to have applied the filter: a log outside it is a wrong answer, not a record.
            const stray = answer.value.logs.find((log) => !logMatches(log, { ...filter, fromBlock, toBlock: pinnedBlock.number }));
            if (stray) return { url, ok: false, failure: invalidResultFailure(url, 'eth_getLogs', `log ${stray.logIndex} of block ${stray.blockNumber} is outside the filter`) };
            return { url, ok: true, value: answer.value.logs, comparable: answer.value.comparable };
          });
        if (fallback) {
          const proof = async (reads: ProvenReads) => {
            const { logs } = await reads.logs({ ...filter, fromBlock }, async () => {
              const { value, urls } = await agreed();
              return { logs: value, agreedBy: urls.length };
            });
            return logs;
          };
          return fallback.read({ what: `the logs of ${shortHex(filter.address)} from block ${fromBlock}`, proof, quorum: agreed });
        }
        return (await agreed()).value;
      });
    },

    endpoints() {
      return config.rpc.filter((url) => used.has(url));
    },

    readBasis() {
      if (pinnedNumber === undefined) return undefined;
      const agreement = `${agreedBy} of ${endpoints.length} RPC${endpoints.length === 1 ? '' : 's'}`;
      if (!proven || !fallback) return `Agreed by ${agreement} at block ${pinnedNumber}`;
      if (fallback.headerUnrebuilt()) return `Agreed by ${agreement} at block ${pinnedNumber} (its header could not be rebuilt to check proofs)`;
      return [`Read with proofs against block ${pinnedNumber}, agreed by ${agreement}`, ...proven.agreements(), ...fallback.notes()].join('; ');
    },
  };
}

function lowercaseTopic(topic: ChainGetLogsParameters['topics'][number]): Hex | Hex[] | null {
  if (topic === null) return null;
  return typeof topic === 'string' ? (topic.toLowerCase() as Hex) : topic.map((value) => value.toLowerCase() as Hex);
}

type LogFilter = { address: Hex; topics: (Hex | Hex[] | null)[]; fromBlock: bigint; toBlock: bigint };

function logMatches(log: { address: Hex; topics: readonly Hex[]; blockNumber: bigint }, { address, topics, fromBlock, toBlock }: LogFilter): boolean {
  if (log.address.toLowerCase() !== address || log.blockNumber < fromBlock || log.blockNumber > toBlock) return false;
  return topics.every((wanted, position) => {
    const topic = log.topics[position]?.toLowerCase() as Hex | undefined;
    if (wanted === null) return true;
    return topic !== undefined && (typeof wanted === 'string' ? topic === wanted : wanted.includes(topic));
  });
}

/**
 * The chain's answer, decoded. A revert, an empty answer (no contract at the
 * address) and an answer that does not fit the ABI are all definite answers
 * from the chain, not outages: ContractRevertedError.
 */
function decodeCall({ reverted, data }: CallAnswer, { abi, functionName, to }: { abi: Abi; functionName: string; to: Hex }): unknown {
  if (reverted) throw new ContractRevertedError({ details: `${functionName} on ${to} reverted${describeRevert(abi, data)}`, revertData: data });
  try {
    return decodeFunctionResult({ abi, functionName, data });
  } catch (error) {
    const details =
      data === '0x'
        ? `${functionName} on ${to} returned nothing: there is no contract at that address, or it has no such function`
        : `${functionName} on ${to} returned data that does not fit its ABI: ${truncate((error as { shortMessage?: string }).shortMessage ?? String(error), 200)}`;
    throw new ContractRevertedError({ details });
  }
}

function describeRevert(abi: Abi, data: Hex): string {
  if (data === '0x') return ' without a reason';
  try {
    const { errorName, args } = decodeErrorResult({ abi, data });
    return `: ${errorName}(${(args ?? []).map(String).join(', ')})`;
  } catch {
    return `: ${truncate(data, 74)}`;
  }
}
