import { encodeAbiParameters, encodeEventTopics, type Address, type Hex, type Log } from 'viem';
import { describe, expect, it } from 'vitest';
import type { TrustConfig } from '../trust/schema';
import { fakeBatchSettlementLog, fakeChainAccess, fakeChainReader, fakeIndividualSettlementLog, fakeReceipt, fakeTrust } from '../../test/fakes/og-test-fakes';
import { easAbi } from '../abi/eas';
import { ChainUnavailableError, RpcDisagreementError } from './errors';
import { resolveReference, type ChainReference } from './resolve-reference';

/**
 * The decisions, on stand-in chains; the reads themselves, and the
 * envelopes verifying, are tested on the devnet (test/chain/resolve-reference.test.ts).
 */

const chainId = 8453;
const relay: Address = '0x00000000000000000000000000000000000000a1';
const rogueRelay: Address = '0x00000000000000000000000000000000000000b2';
const eas: Address = '0x00000000000000000000000000000000000000e5';
const rogueEas: Address = '0x00000000000000000000000000000000000000f6';
const tx: Hex = `0x${'12'.repeat(31)}ab`;
const uid: Hex = `0x${'34'.repeat(32)}`;

const trust: TrustConfig = {
  ...fakeTrust({ chainId, teeRegistry: '0x00000000000000000000000000000000000000c3', settlementRelays: [relay] }),
  eas: { [chainId]: { eas, schemaRegistry: '0x00000000000000000000000000000000000000d4' } },
};

function settlement(address: Address, logIndex: number): Log<bigint, number, false> {
  return fakeIndividualSettlementLog({ address, logIndex, teeId: `0x${'01'.repeat(32)}`, inputHash: `0x${'02'.repeat(32)}`, outputHash: `0x${'03'.repeat(32)}`, timestamp: 1, signature: '0x' });
}

function attested(address: Address, logIndex: number): Log<bigint, number, false> {
  // Another event's log, with the Attested topics and data.
  return {
    ...settlement(address, logIndex),
    topics: encodeEventTopics({ abi: easAbi, eventName: 'Attested', args: { recipient: relay, attester: relay, schemaUID: `0x${'09'.repeat(32)}` } }) as [Hex, ...Hex[]],
    data: encodeAbiParameters([{ type: 'bytes32' }], [uid]),
  };
}

function withReceipt(logs: Log<bigint, number, false>[]) {
  return fakeChainReader({ chainId, config: { name: 'Base' }, receipts: { [tx]: fakeReceipt({ hash: tx, blockNumber: 90n, logs }) } });
}

async function resolveOn(reference: ChainReference, reader = withReceipt([]), config = trust) {
  return resolveReference({ reference, trust: config, chains: fakeChainAccess(reader) });
}

describe('resolveReference', () => {
  it('offers every settlement log of a configured relay and every attestation on the configured EAS, in log order', async () => {
    const reader = withReceipt([settlement(relay, 1), settlement(rogueRelay, 2), attested(eas, 3), attested(rogueEas, 4), settlement(relay, 5)]);
    const resolved = await resolveOn({ kind: 'transaction', hash: tx }, reader);
    expect(resolved).toEqual({
      ok: true,
      proofs: [
        { label: 'OpenGradient settlement, log 1 of tx 0x1212…12ab on Base', raw: JSON.stringify({ v: 1, proof: { type: 'og-settlement', chainId, tx, logIndex: 1 } }) },
        { label: 'OpenGradient settlement, log 5 of tx 0x1212…12ab on Base', raw: JSON.stringify({ v: 1, proof: { type: 'og-settlement', chainId, tx, logIndex: 5 } }) },
        { label: 'EAS attestation 0x3434…3434 on Base', raw: JSON.stringify({ v: 1, proof: { type: 'eas-onchain', chainId, uid } }) },
      ],
    });
  });

  it('explains a transaction with nothing Verity can verify', async () => {
    const cases: [Log<bigint, number, false>[], RegExp][] = [
      [[fakeBatchSettlementLog({ address: relay, logIndex: 0, merkleRoot: `0x${'77'.repeat(32)}`, batchSize: 3n })], /settles a batch of 3 inferences \(Merkle root 0x7777…7777\)\. A batch settlement cannot be verified on its own/],
      [[settlement(rogueRelay, 0)], new RegExp(`has a settlement log from ${rogueRelay}, which is not a configured OpenGradient relay on Base\\.$`)],
      [[attested(rogueEas, 0)], new RegExp(`has an attestation on ${rogueEas}, which is not the configured EAS contract on Base\\.$`)],
      [[], /^Transaction 0x1212…12ab on Base carries no AI proof: no OpenGradient settlement and no EAS attestation\.$/],
    ];
    for (const [logs, reason] of cases) {
      expect(await resolveOn({ kind: 'hash', value: tx }, withReceipt(logs))).toEqual({ ok: false, reason: expect.stringMatching(reason) });
    }
  });

  it('asks for the receipt and the attestation together, once the head is known', async () => {
    const reader = withReceipt([]);
    await resolveOn({ kind: 'hash', value: uid }, reader);
    expect(reader.calls.map((call) => call.kind)).toEqual(['head', 'getTransactionReceipt', 'readContract']);
  });

  it('does not look for an attestation where no EAS contract is configured', async () => {
    const reader = withReceipt([]);
    const withoutEas = { ...trust, eas: {} };
    expect(await resolveOn({ kind: 'attestation', uid }, reader, withoutEas)).toEqual({ ok: false, reason: 'No EAS contract is configured for Base.' });
    expect(reader.calls).toEqual([]);
    expect(await resolveOn({ kind: 'hash', value: uid }, reader, withoutEas)).toEqual({ ok: false, reason: 'Transaction or EAS attestation 0x3434…3434 not found on Base.' });
  });

  it('is unavailable when a read fails, naming the chain and the failure', async () => {
    const disagreeing = fakeChainReader({ chainId, config: { name: 'Base' }, readError: () => new RpcDisagreementError({ chainId, details: 'a ≠ b' }) });
    expect(await resolveOn({ kind: 'transaction', hash: tx }, disagreeing)).toEqual({
      ok: false,
      unavailable: true,
      reason: 'Could not look up transaction 0x1212…12ab on Base (RPC endpoints disagree).',
    });
    const headless = fakeChainReader({ chainId, config: { name: 'Base' }, headError: new ChainUnavailableError('RPC timed out after 8 s', { chainId }) });
    expect(await resolveOn({ kind: 'attestation', uid, chainId }, headless)).toMatchObject({ ok: false, unavailable: true, reason: expect.stringContaining('on Base (RPC timed out after 8 s)') });
  });

  it('answers with the proofs one chain found without waiting for a chain that has not answered', async () => {
    const slowChainId = 10;
    const silent = { ...fakeChainReader({ chainId: slowChainId, config: { name: 'OP Mainnet' } }), head: () => new Promise<never>(() => {}) };
    const both: TrustConfig = { ...trust, chains: { ...trust.chains, [slowChainId]: { ...trust.chains[chainId]!, name: 'OP Mainnet' } } };
    const found = resolveReference({ reference: { kind: 'hash', value: tx }, trust: both, chains: fakeChainAccess(withReceipt([settlement(relay, 1)]), silent) });
    expect(await found).toMatchObject({ ok: true, proofs: [{ label: 'OpenGradient settlement, log 1 of tx 0x1212…12ab on Base' }] });
  });

  it('waits for every chain before saying a hash is not there', async () => {
    const slowChainId = 10;
    let answer: (head: Awaited<ReturnType<ReturnType<typeof fakeChainReader>['head']>>) => void = () => {};
    const late = { ...fakeChainReader({ chainId: slowChainId, config: { name: 'OP Mainnet' } }), head: () => new Promise<never>((resolve) => (answer = resolve as never)) };
    const both: TrustConfig = { ...trust, chains: { ...trust.chains, [slowChainId]: { ...trust.chains[chainId]!, name: 'OP Mainnet' } } };
    let settled = false;
    const resolving = resolveReference({ reference: { kind: 'hash', value: tx }, trust: both, chains: fakeChainAccess(fakeChainReader({ chainId, config: { name: 'Base' } }), late) });
    void resolving.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    answer({ number: 100n, hash: `0x${'ab'.repeat(32)}`, timestamp: 1_700_000_000n });
    expect(await resolving).toEqual({ ok: false, reason: 'Transaction or EAS attestation 0x1212…12ab not found on OP Mainnet and Base.' });
  });

  it('needs a configured chain to ask', async () => {
    const none = { ...trust, chains: {} };
    expect(await resolveOn({ kind: 'hash', value: tx }, withReceipt([]), none)).toEqual({ ok: false, reason: 'No chain is configured to look this up on.' });
  });
});
