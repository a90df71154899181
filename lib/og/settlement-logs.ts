import { decodeEventLog, type Address, type Hex, type Log } from 'viem';
import { batchSettlementTopic, individualSettlementTopic, settlementRelayAbi } from '../abi/settlement-relay';

/** The parts of a receipt's log that decoding needs. */
export type SettlementReceiptLog = Pick<Log<bigint, number, false>, 'address' | 'topics' | 'data' | 'logIndex'>;

export type ParseSettlementLogsParameters = {
  logs: readonly SettlementReceiptLog[];
  /** Keep only logs this contract emitted; all emitters when omitted. */
  relay?: Address;
};

export type IndividualSettlementLog = {
  /** The contract that emitted the log, lowercase. */
  relay: Address;
  logIndex: number;
  teeId: Hex;
  ethAddress: Address;
  inputHash: Hex;
  outputHash: Hex;
  timestamp: bigint;
  walrusBlobId: Hex;
  /** The raw RSA-PSS signature bytes. */
  signature: Hex;
};

export type BatchSettlementLog = {
  /** The contract that emitted the log, lowercase. */
  relay: Address;
  logIndex: number;
  merkleRoot: Hex;
  batchSize: bigint;
  walrusBlobId: Hex;
};

/**
 * The IndividualSettlement events among `logs`, in log order. A log with the
 * event's topic0 that does not decode as the event (another contract reusing
 * the signature with other indexing) is not a settlement and is left out.
 */
export function parseIndividualSettlementLogs({ logs, relay }: ParseSettlementLogsParameters): IndividualSettlementLog[] {
  return logsWithTopic(logs, individualSettlementTopic, relay).flatMap((log) => {
    try {
      const { args } = decodeEventLog({
        abi: settlementRelayAbi,
        eventName: 'IndividualSettlement',
        topics: log.topics,
        data: log.data,
        strict: true,
      });
      return [{ relay: lowercase(log.address), logIndex: log.logIndex, ...args, ethAddress: lowercase(args.ethAddress) }];
    } catch {
      return [];
    }
  });
}

/** The BatchSettlement events among `logs`, in log order; undecodable ones are left out. */
export function parseBatchSettlementLogs({ logs, relay }: ParseSettlementLogsParameters): BatchSettlementLog[] {
  return logsWithTopic(logs, batchSettlementTopic, relay).flatMap((log) => {
    try {
      const { args } = decodeEventLog({
        abi: settlementRelayAbi,
        eventName: 'BatchSettlement',
        topics: log.topics,
        data: log.data,
        strict: true,
      });
      return [{ relay: lowercase(log.address), logIndex: log.logIndex, ...args }];
    } catch {
      return [];
    }
  });
}

type TopicLog = SettlementReceiptLog & { topics: [Hex, ...Hex[]] };

function logsWithTopic(logs: readonly SettlementReceiptLog[], topic: Hex, relay: Address | undefined): TopicLog[] {
  return logs.filter(
    (log): log is TopicLog =>
      log.topics[0]?.toLowerCase() === topic && (relay === undefined || lowercase(log.address) === lowercase(relay)),
  );
}

function lowercase(address: Address): Address {
  return address.toLowerCase() as Address;
}
