import { decodeEventLog, keccak256, numberToHex, toEventSelector, type AbiEvent, type Address, type Hex, type Log } from 'viem';
import { erc7007Abi } from '../abi/erc7007';
import type { ChainReader } from '../chain/types';

/** The events that carry a token's AIGC record: the standard's `AigcData` and the earlier draft's `Mint`. */
const recordEvents = erc7007Abi.filter((item): item is Extract<(typeof erc7007Abi)[number], { type: 'event'; name: 'AigcData' | 'Mint' }> =>
  item.type === 'event' && (item.name === 'AigcData' || item.name === 'Mint'),
);

/** Topic 0 of each record event; indexing a parameter or not leaves it unchanged. */
export const aigcRecordTopics: readonly Hex[] = recordEvents.map((event) => toEventSelector(event));

export type ReadAigcRecordLogsParameters = {
  reader: ChainReader;
  contract: Address;
  tokenId: bigint;
  /** The transaction the envelope names as the one that recorded the AIGC data. */
  tx?: Hex | undefined;
};

/** The logs where the record was looked for (the named transaction's, else the query's), or why the transaction has none. */
export type AigcRecordLogs =
  | { kind: 'logs'; tx?: Hex | undefined; logs: Log<bigint, number, false>[] }
  | { kind: 'no-transaction' | 'reverted'; tx: Hex };

/**
 * The contract's record logs for the token: from the receipt of `tx` when
 * the envelope names one, else by eth_getLogs over the contract from block 0
 * to the pinned block, filtered on topic 0 (either event) and topic 1 (the
 * token id, which every known layout indexes first). An RPC that refuses the
 * range rejects: the check is then `unavailable`, never `invalid`.
 */
export async function readAigcRecordLogs({ reader, contract, tokenId, tx }: ReadAigcRecordLogsParameters): Promise<AigcRecordLogs> {
  if (tx) {
    const receipt = await reader.getTransactionReceipt(tx);
    if (!receipt) return { kind: 'no-transaction', tx };
    if (receipt.status !== 'success') return { kind: 'reverted', tx };
    return { kind: 'logs', tx, logs: receipt.logs };
  }
  const logs = await reader.getLogs({ address: contract, topics: [aigcRecordTopics, numberToHex(tokenId, { size: 32 })], fromBlock: 0n });
  return { kind: 'logs', logs };
}

export type MatchAigcRecordParameters = {
  log: Log<bigint, number, false>;
  contract: Address;
  tokenId: bigint;
  prompt: Hex;
  aigcData: Hex;
};

/** How one log relates to the claim: not a record of the token, or its record with each field compared. */
export type AigcRecordMatch =
  | { ofToken: false }
  | { ofToken: true; event: 'AigcData' | 'Mint'; promptMatches: boolean; aigcDataMatches: boolean };

/**
 * Reads one log as an AIGC record of `tokenId` from `contract`. Contracts
 * differ in which parameters they index, and a log only shows how many
 * topics it has, so every layout with that many indexed parameters is
 * tried: a field is then either a topic (keccak256 of the bytes for a
 * `bytes` field) or decoded from the data. The best reading wins: one that
 * binds both fields, else one of this token.
 */
export function matchAigcRecord({ log, contract, tokenId, prompt, aigcData }: MatchAigcRecordParameters): AigcRecordMatch {
  const [topic0] = log.topics;
  const event = recordEvents.find((candidate) => toEventSelector(candidate) === topic0?.toLowerCase());
  if (!event || log.address.toLowerCase() !== contract.toLowerCase()) return { ofToken: false };

  let best: AigcRecordMatch = { ofToken: false };
  for (const layout of indexLayouts(event, log.topics.length - 1)) {
    const args = decodeWithLayout(layout, log);
    if (!args || args.tokenId !== tokenId) continue;
    const reading = {
      ofToken: true as const,
      event: event.name,
      promptMatches: fieldMatches(layout, 'prompt', args.prompt, prompt),
      aigcDataMatches: fieldMatches(layout, 'aigcData', args.aigcData, aigcData),
    };
    if (reading.promptMatches && reading.aigcDataMatches) return reading;
    if (!best.ofToken) best = reading;
  }
  return best;
}

/** The event with each choice of `count` indexed parameters, in parameter order. */
function indexLayouts(event: AbiEvent, count: number): AbiEvent[] {
  const { inputs } = event;
  if (count < 0 || count > 3 || count > inputs.length) return [];
  const layouts: AbiEvent[] = [];
  const choose = (start: number, chosen: number[]) => {
    if (chosen.length === count) {
      layouts.push({ ...event, inputs: inputs.map((input, position) => ({ ...input, indexed: chosen.includes(position) })) });
      return;
    }
    for (let position = start; position < inputs.length; position++) choose(position + 1, [...chosen, position]);
  };
  choose(0, []);
  return layouts;
}

type RecordArgs = { tokenId: bigint; prompt: Hex; aigcData: Hex };

function decodeWithLayout(layout: AbiEvent, log: Log<bigint, number, false>): RecordArgs | undefined {
  try {
    const { args } = decodeEventLog({ abi: [layout], data: log.data, topics: log.topics as [Hex, ...Hex[]], strict: true });
    return args as unknown as RecordArgs;
  } catch {
    return undefined;
  }
}

/** An indexed `bytes` field holds keccak256 of the bytes; an unindexed one the bytes themselves. */
function fieldMatches(layout: AbiEvent, name: 'prompt' | 'aigcData', value: Hex, expected: Hex): boolean {
  const indexed = layout.inputs.find((input) => input.name === name)?.indexed ?? false;
  return value.toLowerCase() === (indexed ? keccak256(expected) : expected.toLowerCase());
}
