import { Interface } from 'ethers';
import type { Address, Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { batchSettlementTopic, individualSettlementTopic } from '../abi/settlement-relay';
import { parseBatchSettlementLogs, parseIndividualSettlementLogs, type SettlementReceiptLog } from './settlement-logs';

// Encoded with ethers from the Solidity declarations, independently of the viem ABI under test.
const relayInterface = new Interface([
  'event IndividualSettlement(bytes32 indexed teeId, address indexed ethAddress, bytes32 inputHash, bytes32 outputHash, uint256 timestamp, bytes walrusBlobId, bytes signature)',
  'event BatchSettlement(bytes32 indexed merkleRoot, uint256 batchSize, bytes walrusBlobId)',
]);

const relay: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const otherContract: Address = '0xe7f1725e7734ce288f8367e1bb143e90bb3f0512';
const teeId: Hex = `0x${'11'.repeat(32)}`;
const ethAddress: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const inputHash: Hex = `0x${'22'.repeat(32)}`;
const outputHash: Hex = `0x${'33'.repeat(32)}`;
const signature: Hex = `0x${'44'.repeat(256)}`;
const merkleRoot: Hex = `0x${'55'.repeat(32)}`;

function log(address: Address, logIndex: number, encoded: { topics: readonly string[]; data: string }): SettlementReceiptLog {
  return { address, logIndex, topics: encoded.topics as [Hex, ...Hex[]], data: encoded.data as Hex };
}

function individual(address: Address, logIndex: number, timestamp = 1_750_000_000n): SettlementReceiptLog {
  const event = relayInterface.getEvent('IndividualSettlement')!;
  return log(address, logIndex, relayInterface.encodeEventLog(event, [teeId, ethAddress, inputHash, outputHash, timestamp, '0xb10b', signature]));
}

function batch(address: Address, logIndex: number, root = merkleRoot): SettlementReceiptLog {
  const event = relayInterface.getEvent('BatchSettlement')!;
  return log(address, logIndex, relayInterface.encodeEventLog(event, [root, 8n, '0x']));
}

describe('parseIndividualSettlementLogs', () => {
  it('decodes every field of the event, with the emitter and log index', () => {
    expect(individual(relay, 3).topics[0]).toBe(individualSettlementTopic);
    expect(parseIndividualSettlementLogs({ logs: [individual(relay, 3)] })).toEqual([
      {
        relay: relay.toLowerCase(),
        logIndex: 3,
        teeId,
        ethAddress: ethAddress.toLowerCase(),
        inputHash,
        outputHash,
        timestamp: 1_750_000_000n,
        walrusBlobId: '0xb10b',
        signature,
      },
    ]);
  });

  it('keeps only the named relay, whatever the address case, and only this event', () => {
    const logs = [individual(otherContract, 0), batch(relay, 1), individual(relay, 2), individual(relay.toLowerCase() as Address, 4)];
    expect(parseIndividualSettlementLogs({ logs, relay: relay.toLowerCase() as Address }).map((entry) => entry.logIndex)).toEqual([2, 4]);
    expect(parseIndividualSettlementLogs({ logs }).map((entry) => entry.logIndex)).toEqual([0, 2, 4]);
  });

  it('leaves out a log with the event topic that does not decode as the event', () => {
    const good = individual(relay, 1);
    const truncated = { ...individual(relay, 2), data: good.data.slice(0, 66) as Hex };
    const missingIndexedTopic = { ...individual(relay, 3), topics: good.topics.slice(0, 2) as [Hex, ...Hex[]] };
    expect(parseIndividualSettlementLogs({ logs: [truncated, missingIndexedTopic, good] }).map((entry) => entry.logIndex)).toEqual([1]);
  });

  it('finds nothing in a receipt without logs or with anonymous logs', () => {
    expect(parseIndividualSettlementLogs({ logs: [] })).toEqual([]);
    expect(parseIndividualSettlementLogs({ logs: [{ address: relay, logIndex: 0, topics: [], data: '0x' }] })).toEqual([]);
  });
});

describe('parseBatchSettlementLogs', () => {
  it('decodes the root and batch size, only from the named relay', () => {
    expect(batch(relay, 0).topics[0]).toBe(batchSettlementTopic);
    const logs = [batch(otherContract, 0, `0x${'66'.repeat(32)}`), individual(relay, 1), batch(relay, 2)];
    expect(parseBatchSettlementLogs({ logs, relay })).toEqual([
      { relay: relay.toLowerCase(), logIndex: 2, merkleRoot, batchSize: 8n, walrusBlobId: '0x' },
    ]);
    expect(parseBatchSettlementLogs({ logs }).map((entry) => entry.logIndex)).toEqual([0, 2]);
  });
});
