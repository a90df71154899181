import { parseEventLogs, type Address, type Hex, type Log } from 'viem';
import { easAbi } from '../abi/eas';

export type AttestedLog = {
  /** The contract that emitted the log, lowercase. */
  eas: Address;
  logIndex: number;
  uid: Hex;
};

export type ParseAttestedLogsParameters = {
  /** A receipt's logs. */
  logs: readonly Log<bigint, number, false>[];
};

/** The Attested events among `logs`, in log order, from whichever contract; undecodable ones are left out. */
export function parseAttestedLogs({ logs }: ParseAttestedLogsParameters): AttestedLog[] {
  return parseEventLogs({ abi: easAbi, eventName: 'Attested', logs: [...logs], strict: true }).map((log) => ({
    eas: log.address.toLowerCase() as Address,
    logIndex: log.logIndex,
    uid: log.args.uid.toLowerCase() as Hex,
  }));
}
