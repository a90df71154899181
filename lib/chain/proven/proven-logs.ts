import type { Hex } from 'viem';
import { maxWalkedHeaders, type Ancestry } from './ancestry';
import type { BlockContents } from './block-contents';
import { ProofUnavailableError } from './errors';
import { bloomMayContain } from './log-bloom';
import { blockLogs, type ProvenLog } from './proven-receipt';

/** An eth_getLogs query over one contract. */
export type LogQuery = { address: Hex; topics: readonly (Hex | readonly Hex[] | null)[]; fromBlock: bigint };

/** What the endpoints agreed eth_getLogs returns, for a range too long to scan: the logs, and how many endpoints gave them. */
export type AgreedLogs = { logs: readonly { blockNumber: bigint; logIndex: number }[]; agreedBy: number };

export type ProvenLogsParameters = {
  chainId: number;
  ancestry: Ancestry;
  contents: BlockContents;
  pinned: bigint;
  query: LogQuery;
  /** The quorum's eth_getLogs answer, asked only when the range is too long to scan. */
  agreed: () => Promise<AgreedLogs>;
};

/** The logs, and whether the whole range was scanned (absence proven) or the endpoints' answer was checked block by block. */
export type ProvenLogsReturnType = { logs: ProvenLog[]; scanned: boolean };

/**
 * The logs matching the query from `fromBlock` to the agreed block.
 *
 * Within maxWalkedHeaders blocks, nothing is asked of eth_getLogs: every
 * header of the range is proven (by the walk from the agreed block), the
 * blocks whose logs bloom may hold a match have their receipts proven, and
 * the logs are read from those. A missing log is then proven missing.
 *
 * Over a longer range the endpoints' agreed eth_getLogs answer says where to
 * look; each block it names is proven and its matching logs must be exactly
 * the ones named. What it leaves out rests on the endpoints' agreement, so an
 * empty answer counts only when two endpoints gave it (spec §6).
 */
export async function provenLogs({ chainId, ancestry, contents, pinned, query, agreed }: ProvenLogsParameters): Promise<ProvenLogsReturnType> {
  const matches = (log: ProvenLog) => logMatches(log, query);
  if (pinned - query.fromBlock <= maxWalkedHeaders) {
    const headers = await ancestry.headersFrom(query.fromBlock);
    const candidates = headers.filter((header) => bloomMayContain(header.logsBloom, query.address, query.topics));
    const blocks = await Promise.all(candidates.map(contents));
    return { logs: blocks.flatMap((block) => blockLogs(block).filter(matches)), scanned: true };
  }
  const answer = await agreed();
  if (answer.logs.length === 0 && answer.agreedBy < 2) {
    throw new ProofUnavailableError('Only one RPC says there are no such logs', {
      chainId,
      details: `logs of ${query.address} in blocks ${query.fromBlock} to ${pinned}: the range is over ${maxWalkedHeaders} blocks, too long to prove an absence, and an absence counts when two RPCs agree`,
    });
  }
  const named = [...new Set(answer.logs.map(({ blockNumber }) => blockNumber))].sort((a, b) => (a < b ? -1 : 1));
  const logs: ProvenLog[] = [];
  for (const block of await Promise.all(named.map(async (number) => contents(await ancestry.headerAt(number))))) {
    const proven = blockLogs(block).filter(matches);
    const claimed = answer.logs.filter(({ blockNumber }) => blockNumber === block.header.number).map(({ logIndex }) => logIndex);
    if (proven.map(({ logIndex }) => logIndex).join() !== [...claimed].sort((a, b) => a - b).join()) {
      throw new ProofUnavailableError('The logs the RPCs agree on are not the ones their blocks hold', { chainId, details: `block ${block.header.number}: named logs ${claimed.join(', ')}, the block's receipts have ${proven.map(({ logIndex }) => logIndex).join(', ') || 'none'}` });
    }
    logs.push(...proven);
  }
  return { logs, scanned: false };
}

function logMatches(log: ProvenLog, { address, topics }: LogQuery): boolean {
  if (log.address !== address.toLowerCase()) return false;
  return topics.every((wanted, position) => {
    const topic = log.topics[position];
    if (wanted === null) return true;
    return topic !== undefined && (typeof wanted === 'string' ? topic === wanted.toLowerCase() : wanted.some((value) => value.toLowerCase() === topic));
  });
}
