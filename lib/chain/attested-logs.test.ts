import { encodeAbiParameters, encodeEventTopics, type Hex, type Log } from 'viem';
import { describe, expect, it } from 'vitest';
import { easAbi } from '../abi/eas';
import { parseAttestedLogs } from './attested-logs';

const eas: Hex = '0xA1207F3BBa224E2c9c3c6D5aF63D0eb1582Ce587';
const uid: Hex = `0x${'Cd'.repeat(32)}`;

function log(overrides: Partial<Log<bigint, number, false>> = {}): Log<bigint, number, false> {
  return {
    address: eas,
    topics: encodeEventTopics({
      abi: easAbi,
      eventName: 'Attested',
      args: { recipient: `0x${'11'.repeat(20)}`, attester: `0x${'22'.repeat(20)}`, schemaUID: `0x${'33'.repeat(32)}` },
    }) as [Hex, ...Hex[]],
    data: encodeAbiParameters([{ type: 'bytes32' }], [uid]),
    logIndex: 4,
    blockHash: `0x${'00'.repeat(32)}`,
    blockNumber: 1n,
    transactionHash: `0x${'44'.repeat(32)}`,
    transactionIndex: 0,
    removed: false,
    ...overrides,
  };
}

describe('parseAttestedLogs', () => {
  it('reads the UID and the emitting contract of an Attested log, lowercase', () => {
    expect(parseAttestedLogs({ logs: [log()] })).toEqual([{ eas: eas.toLowerCase(), logIndex: 4, uid: uid.toLowerCase() }]);
  });

  it('leaves out other events and logs that do not decode as Attested', () => {
    const other = log({ topics: [`0x${'ab'.repeat(32)}`] });
    const truncated = log({ data: '0x1234', logIndex: 5 });
    expect(parseAttestedLogs({ logs: [other, truncated, log({ logIndex: 9 })] }).map((entry) => entry.logIndex)).toEqual([9]);
  });
});
