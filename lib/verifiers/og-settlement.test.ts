import { bytesToHex, type Address, type Hex, type Log } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChainUnavailableError } from '../chain/errors';
import type { OgSettlementProof } from '../envelope/schema';
import { keyFingerprint } from '../og/tee-key';
import { verifyOgSettlement } from './og-settlement';
import {
  checkById,
  fakeBatchSettlementLog,
  fakeChainAccess,
  fakeChainReader,
  fakeIndividualSettlementLog,
  fakeReceipt,
  fakeTrust,
  generateFakeTee,
  stateOf,
  textHash,
  type FakeChainReaderParameters,
  type FakeTee,
} from '../../test/fakes/og-test-fakes';

// Decision logic only, over an in-memory fake reader: these tests make no claim about a real chain.

const chainId = 31337;
const registry: Address = `0x${'7e'.repeat(20)}`;
const relay: Address = `0x${'a1'.repeat(20)}`;
const rogueRelay: Address = `0x${'b2'.repeat(20)}`;
const tx: Hex = `0x${'c3'.repeat(32)}`;
const text = 'Settled answer: 42.';
const otherText = 'Another settled answer.';
const inputHash: Hex = `0x${'12'.repeat(32)}`;
const timestamp = 1_750_000_000;

let tee: FakeTee;
let signatureOfText: Hex;
let signatureOfOtherText: Hex;

beforeAll(async () => {
  tee = await generateFakeTee();
  signatureOfText = bytesToHex(await tee.sign({ inputHash, outputHash: textHash(text), timestamp }));
  signatureOfOtherText = bytesToHex(await tee.sign({ inputHash, outputHash: textHash(otherText), timestamp }));
});

function settlementLog({ from = relay, logIndex = 0, of = text }: { from?: Address; logIndex?: number; of?: string } = {}): Log<bigint, number, false> {
  return fakeIndividualSettlementLog({
    address: from,
    logIndex,
    teeId: tee.teeId,
    inputHash,
    outputHash: textHash(of),
    timestamp,
    signature: of === text ? signatureOfText : signatureOfOtherText,
  });
}

function reader({ logs = [settlementLog()], enabled = true, ...parameters }: Partial<FakeChainReaderParameters> & { logs?: Log<bigint, number, false>[]; enabled?: boolean } = {}) {
  return fakeChainReader({
    chainId,
    registries: { [registry]: { [tee.teeId]: { publicKey: tee.publicKeyDer, enabled, active: true } } },
    receipts: { [tx]: fakeReceipt({ hash: tx, blockNumber: 100n, logs }) },
    ...parameters,
  });
}

async function verify({
  proof = { type: 'og-settlement', chainId, tx },
  signedText = text,
  envelopeText,
  chainReader = reader(),
  trust = fakeTrust({ chainId, teeRegistry: registry, settlementRelays: [relay] }),
}: {
  proof?: OgSettlementProof;
  signedText?: string;
  /** The envelope's own `text`; without it the signed text is the text as shown. */
  envelopeText?: string;
  /** null: the chain is not configured. */
  chainReader?: ReturnType<typeof reader> | null;
  trust?: ReturnType<typeof fakeTrust>;
} = {}) {
  const result = await verifyOgSettlement({
    proof,
    envelope: { v: 1, proof, ...(envelopeText !== undefined && { text: envelopeText }) },
    signedText,
    trust,
    chains: chainReader ? fakeChainAccess(chainReader) : fakeChainAccess(),
  });
  return { ...result, state: stateOf(result.checks) };
}

describe('verifyOgSettlement', () => {
  it('is verified from the log alone when a configured relay settled this text, checked on the configured registry', async () => {
    const chainReader = reader({ headNumber: 102n, config: { confirmations: 3 } });
    const { checks, facts, state } = await verify({ chainReader });
    expect(state).toBe('verified');
    expect(checks.map((check) => [check.id, check.ok])).toEqual([
      ['chain', true],
      ['settlement-log', true],
      ['relay-trusted', true],
      ['registry-trusted', true],
      ['tee-key', true],
      ['tee-enabled', true],
      ['tee-active', true],
      ['signature', true],
      ['content-binding', true],
      ['confirmations', true],
    ]);
    expect(facts).toMatchObject({
      chainId,
      tx,
      logIndex: 0,
      relay,
      teeId: tee.teeId,
      timestamp,
      registry,
      anchorBlock: '100',
      blockNumber: '102',
      confirmations: 3,
      requiredConfirmations: 3,
      keyFingerprint: keyFingerprint(tee.publicKeyDer),
      teeActive: true,
    });
    expect(chainReader.calls).toContainEqual(expect.objectContaining({ kind: 'readContract', address: registry, args: [tee.teeId] }));
  });

  it('is altered when the text does not hash to the settled outputHash, and names the text hashed', async () => {
    const { checks, state } = await verify({ signedText: `${text}!` });
    expect(state).toBe('altered');
    expect(checkById(checks, 'content-binding')).toMatchObject({
      ok: false,
      implies: 'altered',
      detail: 'The text as shown does not hash to the outputHash the TEE signed; the envelope carries no text of its own.',
    });
    const carried = await verify({ signedText: `${text}!`, envelopeText: `${text}!` });
    expect(checkById(carried.checks, 'content-binding').detail).toBe("The envelope's text does not hash to the outputHash the TEE signed.");
  });

  it('is pending below the configured confirmations', async () => {
    const { checks, state } = await verify({ chainReader: reader({ headNumber: 100n, config: { confirmations: 2 } }) });
    expect(state).toBe('pending');
    expect(checkById(checks, 'confirmations').detail).toBe('1 of 2 confirmations.');
  });

  it('is invalid when the transaction is not found', async () => {
    const { checks, state } = await verify({ chainReader: reader({ receipts: {} }) });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'settlement-log')).toMatchObject({ ok: false, detail: 'Settlement transaction not found.' });
    expect(checkById(checks, 'content-binding').ok).toBeNull();
  });

  it('is invalid when the transaction holds no IndividualSettlement log', async () => {
    const { checks, state } = await verify({ chainReader: reader({ logs: [fakeBatchSettlementLog({ address: relay, logIndex: 0, merkleRoot: `0x${'ee'.repeat(32)}` })] }) });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'settlement-log').detail).toBe('No IndividualSettlement log in this transaction.');
  });

  it('is untrusted when only an unconfigured contract emitted the log', async () => {
    const { checks, state } = await verify({ chainReader: reader({ logs: [settlementLog({ from: rogueRelay })] }) });
    expect(state).toBe('untrusted');
    expect(checkById(checks, 'relay-trusted')).toMatchObject({ ok: false, implies: 'untrusted' });
    expect(checkById(checks, 'signature').ok).toBe(true);
  });

  it('is invalid when the settled signature does not verify with the registered key', async () => {
    const forged = fakeIndividualSettlementLog({ address: relay, logIndex: 0, teeId: tee.teeId, inputHash, outputHash: textHash(text), timestamp, signature: signatureOfOtherText });
    const { checks, state } = await verify({ chainReader: reader({ logs: [forged] }) });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'signature')).toMatchObject({ ok: false, implies: 'invalid' });
  });

  it('is invalid when the settling TEE is disabled', async () => {
    const { state } = await verify({ chainReader: reader({ enabled: false }) });
    expect(state).toBe('invalid');
  });

  it('is untrusted, without TEE checks, when the chain has no OpenGradient configuration', async () => {
    const chainReader = reader();
    const { checks, state } = await verify({ chainReader, trust: fakeTrust({ chainId }) });
    expect(state).toBe('untrusted');
    expect(checkById(checks, 'registry-trusted')).toMatchObject({ ok: false, implies: 'untrusted' });
    for (const id of ['tee-key', 'tee-enabled', 'tee-active', 'signature'] as const) expect(checkById(checks, id)).toMatchObject({ ok: null });
    expect(checkById(checks, 'content-binding').ok).toBe(true);
    expect(chainReader.calls.some((call) => call.kind === 'readContract')).toBe(false);
  });

  it('is unavailable on an unconfigured chain', async () => {
    const { checks, state } = await verify({ chainReader: null });
    expect(state).toBe('unavailable');
    expect(checkById(checks, 'chain')).toMatchObject({ ok: null, implies: 'unavailable' });
  });

  it('is unavailable, never invalid, when the receipt cannot be read', async () => {
    const chainReader = reader({ readError: (call) => (call.kind === 'getTransactionReceipt' ? new ChainUnavailableError('RPC down', { chainId }) : undefined) });
    const { checks, state } = await verify({ chainReader });
    expect(state).toBe('unavailable');
    expect(checkById(checks, 'settlement-log')).toMatchObject({ ok: null, implies: 'unavailable', detail: 'RPC down.' });
  });

  describe('with several IndividualSettlement logs in the transaction', () => {
    const logs = () => [settlementLog({ logIndex: 0, of: otherText }), settlementLog({ logIndex: 1, of: text })];

    it('takes the log that settles this text when no logIndex is given', async () => {
      const { facts, state } = await verify({ chainReader: reader({ logs: logs() }) });
      expect(state).toBe('verified');
      expect(facts.logIndex).toBe(1);
    });

    it('takes the first log when none settles this text', async () => {
      const { facts, state } = await verify({ signedText: 'Neither', chainReader: reader({ logs: logs() }) });
      expect(state).toBe('altered');
      expect(facts.logIndex).toBe(0);
    });

    it("prefers a configured relay's log among those that settle this text", async () => {
      const { facts, state } = await verify({ chainReader: reader({ logs: [settlementLog({ logIndex: 0, from: rogueRelay }), settlementLog({ logIndex: 1 })] }) });
      expect(state).toBe('verified');
      expect(facts.logIndex).toBe(1);
    });

    it('takes exactly the log at logIndex when given, even if another would match', async () => {
      const { facts, state } = await verify({ proof: { type: 'og-settlement', chainId, tx, logIndex: 0 }, chainReader: reader({ logs: logs() }) });
      expect(state).toBe('altered');
      expect(facts.logIndex).toBe(0);
    });

    it('is invalid when logIndex names no IndividualSettlement log', async () => {
      const { checks, state } = await verify({ proof: { type: 'og-settlement', chainId, tx, logIndex: 7 }, chainReader: reader({ logs: logs() }) });
      expect(state).toBe('invalid');
      expect(checkById(checks, 'settlement-log').detail).toBe('Log 7 of this transaction is not an IndividualSettlement log.');
    });
  });
});
