import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { bytesToHex, type Address, type Hex } from 'viem';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ChainUnavailableError, ContractRevertedError, RpcDisagreementError } from '../chain/errors';
import type { OgTeeProof } from '../envelope/schema';
import { keyFingerprint } from '../og/tee-key';
import { verifyOgTee } from './og-tee';
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
const rogueRegistry: Address = `0x${'66'.repeat(20)}`;
const relay: Address = `0x${'a1'.repeat(20)}`;
const rogueRelay: Address = `0x${'b2'.repeat(20)}`;
const tx: Hex = `0x${'c3'.repeat(32)}`;
const text = 'The capital of France is Paris.\n\n*Sources*: none needed.';
const inputHash: Hex = `0x${'12'.repeat(32)}`;
const timestamp = 1_750_000_000;

let tee: FakeTee;
let signature: Uint8Array;

beforeAll(async () => {
  tee = await generateFakeTee();
  signature = await tee.sign({ inputHash, outputHash: textHash(text), timestamp });
});

function base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function teeProof(overrides: Partial<OgTeeProof> = {}): OgTeeProof {
  return {
    type: 'og-tee',
    chainId,
    registry,
    teeId: tee.teeId,
    inputHash,
    outputHash: textHash(text),
    timestamp,
    signature: base64(signature),
    ...overrides,
  };
}

function registryHolding(entry: { enabled?: boolean; active?: boolean } = {}, at: Address = registry) {
  return { [at]: { [tee.teeId]: { publicKey: tee.publicKeyDer, enabled: entry.enabled ?? true, active: entry.active ?? true } } };
}

function reader(parameters: Partial<FakeChainReaderParameters> = {}) {
  return fakeChainReader({ chainId, registries: registryHolding(), ...parameters });
}

async function verify({
  proof = teeProof(),
  signedText = text,
  envelopeText,
  chainReader = reader(),
  trust = fakeTrust({ chainId, teeRegistry: registry, settlementRelays: [relay] }),
}: {
  proof?: OgTeeProof;
  signedText?: string;
  /** The envelope's own `text`; without it the signed text is the text as shown. */
  envelopeText?: string;
  /** null: the chain is not configured. */
  chainReader?: ReturnType<typeof reader> | null;
  trust?: ReturnType<typeof fakeTrust>;
} = {}) {
  const result = await verifyOgTee({
    proof,
    envelope: { v: 1, proof, model: 'test-model', ...(envelopeText !== undefined && { text: envelopeText }) },
    signedText,
    trust,
    chains: chainReader ? fakeChainAccess(chainReader) : fakeChainAccess(),
  });
  return { ...result, state: stateOf(result.checks) };
}

function individualSettlementReceipt({ from = relay, blockNumber = 100n, fields = {} }: { from?: Address; blockNumber?: bigint; fields?: Partial<{ outputHash: Hex; timestamp: number; signature: Hex }> } = {}) {
  return fakeReceipt({
    hash: tx,
    blockNumber,
    logs: [
      fakeIndividualSettlementLog({
        address: from,
        logIndex: 4,
        teeId: tee.teeId,
        inputHash,
        outputHash: fields.outputHash ?? textHash(text),
        timestamp: fields.timestamp ?? timestamp,
        signature: fields.signature ?? bytesToHex(signature),
      }),
    ],
  });
}

describe('verifyOgTee without settlement', () => {
  it('passes every check for a genuine output of an enabled TEE on the configured registry', async () => {
    const { checks, facts, state } = await verify();
    expect(state).toBe('verified');
    expect(checks.map((check) => [check.id, check.ok])).toEqual([
      ['chain', true],
      ['registry-trusted', true],
      ['tee-key', true],
      ['tee-enabled', true],
      ['tee-active', true],
      ['signature', true],
      ['content-binding', true],
    ]);
    expect(facts).toMatchObject({
      chainId,
      chainName: 'Fake chain',
      blockNumber: '100',
      teeId: tee.teeId,
      registry,
      timestamp,
      model: 'test-model',
      teeActive: true,
      keyFingerprint: keyFingerprint(tee.publicKeyDer),
      rpcs: ['http://fake.invalid'],
    });
  });

  it('is altered when the signed text differs by one character, and says so in content-binding', async () => {
    const { checks, state } = await verify({ signedText: `${text} ` });
    expect(state).toBe('altered');
    expect(checkById(checks, 'content-binding')).toMatchObject({
      ok: false,
      implies: 'altered',
      detail: 'The text as shown does not hash to the outputHash the TEE signed; the envelope carries no text of its own.',
    });
    expect(checkById(checks, 'signature').ok).toBe(true);
  });

  it("names the envelope's text as the one hashed when the envelope carries it", async () => {
    const { checks } = await verify({ signedText: `${text} `, envelopeText: `${text} ` });
    expect(checkById(checks, 'content-binding').detail).toBe("The envelope's text does not hash to the outputHash the TEE signed.");
  });

  it('hashes the signed text as is: a canonicalised form of it does not bind', async () => {
    const { state } = await verify({ signedText: text.replace(/\s+/g, ' ').trim() });
    expect(state).toBe('altered');
  });

  it('is invalid when the signature is for another output hash, even with matching text', async () => {
    const forged = await tee.sign({ inputHash, outputHash: `0x${'99'.repeat(32)}`, timestamp });
    const { checks, state } = await verify({ proof: teeProof({ signature: base64(forged) }) });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'signature')).toMatchObject({ ok: false, implies: 'invalid' });
  });

  it('is invalid when the timestamp was changed after signing', async () => {
    const { checks, state } = await verify({ proof: teeProof({ timestamp: timestamp + 1 }) });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'signature').ok).toBe(false);
  });

  it('is invalid, with the signature failing, when the signature is not decodable base64', async () => {
    const { checks, state } = await verify({ proof: teeProof({ signature: 'QUJDR' }) });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'signature')).toMatchObject({ ok: false, detail: 'The signature is not valid base64.' });
  });

  it('is invalid when the TEE is unknown to the registry, and does not run the checks that need its key', async () => {
    const { checks, state } = await verify({ chainReader: reader({ registries: { [registry]: {} } }) });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'tee-key')).toMatchObject({ ok: false, implies: 'invalid', detail: 'The TEE is unknown to the registry.' });
    expect(checkById(checks, 'signature')).toMatchObject({ ok: null });
    expect(checkById(checks, 'signature').implies).toBeUndefined();
  });

  it("is invalid when the registry's key does not hash to the TEE id", async () => {
    const other = await generateFakeTee();
    const registries = { [registry]: { [tee.teeId]: { publicKey: other.publicKeyDer, enabled: true, active: true } } };
    const { checks, state } = await verify({ chainReader: reader({ registries }) });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'tee-key')).toMatchObject({ ok: false, implies: 'invalid' });
  });

  it('is invalid when the TEE is disabled', async () => {
    const { checks, state } = await verify({ chainReader: reader({ registries: registryHolding({ enabled: false, active: false }) }) });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'tee-enabled')).toMatchObject({ ok: false, implies: 'invalid' });
  });

  it('stays verified when the TEE is no longer active: tee-active informs but forces nothing', async () => {
    const { checks, facts, state } = await verify({ chainReader: reader({ registries: registryHolding({ active: false }) }) });
    expect(state).toBe('verified');
    const active = checkById(checks, 'tee-active');
    expect(active.ok).toBe(false);
    expect(active.implies).toBeUndefined();
    expect(facts.teeActive).toBe(false);
  });

  it('is untrusted when a consistent proof names a registry the configuration does not', async () => {
    const { checks, state } = await verify({
      proof: teeProof({ registry: rogueRegistry }),
      chainReader: reader({ registries: registryHolding({}, rogueRegistry) }),
    });
    expect(state).toBe('untrusted');
    expect(checkById(checks, 'registry-trusted')).toMatchObject({ ok: false, implies: 'untrusted' });
    expect(checkById(checks, 'signature').ok).toBe(true);
  });

  it('still reads the rogue registry, so an inconsistent proof on it is invalid, not merely untrusted', async () => {
    const chainReader = reader({ registries: { [rogueRegistry]: {} } });
    const { state } = await verify({ proof: teeProof({ registry: rogueRegistry }), chainReader });
    expect(state).toBe('invalid');
    expect(chainReader.calls).toContainEqual(expect.objectContaining({ kind: 'readContract', address: rogueRegistry, functionName: 'getTEEPublicKey' }));
  });

  it('is untrusted when the chain has no OpenGradient configuration', async () => {
    const { checks, state } = await verify({ trust: fakeTrust({ chainId }) });
    expect(state).toBe('untrusted');
    expect(checkById(checks, 'registry-trusted').detail).toContain('No TEE registry is configured');
  });

  it('is unavailable on an unconfigured chain, yet still fails definitely on altered text', async () => {
    const unconfigured = await verify({ chainReader: null });
    expect(unconfigured.state).toBe('unavailable');
    expect(checkById(unconfigured.checks, 'chain')).toMatchObject({ ok: null, implies: 'unavailable' });
    expect(checkById(unconfigured.checks, 'registry-trusted').implies).toBeUndefined();
    expect(checkById(unconfigured.checks, 'content-binding').ok).toBe(true);

    const altered = await verify({ chainReader: null, signedText: 'Something else' });
    expect(altered.state).toBe('altered');
  });

  it('is unavailable, never invalid, when the RPC is down, with each chain check saying why', async () => {
    const { checks, state } = await verify({ chainReader: reader({ headError: new ChainUnavailableError('RPC timed out', { chainId }) }) });
    expect(state).toBe('unavailable');
    expect(checkById(checks, 'tee-key')).toMatchObject({ ok: null, implies: 'unavailable', detail: 'RPC timed out.' });
    expect(checkById(checks, 'tee-enabled')).toMatchObject({ ok: null, implies: 'unavailable' });
    expect(checkById(checks, 'signature').implies).toBeUndefined();
    expect(checkById(checks, 'content-binding').ok).toBe(true);
  });

  it('is unavailable when the RPCs disagree about the key', async () => {
    const chainReader = reader({
      readError: (call) => (call.kind === 'readContract' && call.functionName === 'getTEEPublicKey' ? new RpcDisagreementError({ chainId, details: 'a≠b' }) : undefined),
    });
    const { checks, state } = await verify({ chainReader });
    expect(state).toBe('unavailable');
    expect(checkById(checks, 'tee-key')).toMatchObject({ ok: null, implies: 'unavailable', detail: 'RPC endpoints disagree.' });
  });

  it('does not let an unreadable tee-active make the verdict unavailable', async () => {
    const chainReader = reader({
      readError: (call) => (call.kind === 'readContract' && call.functionName === 'isTEEActive' ? new ChainUnavailableError('timeout', { chainId }) : undefined),
    });
    const { checks, facts, state } = await verify({ chainReader });
    expect(state).toBe('verified');
    expect(checkById(checks, 'tee-active')).toMatchObject({ ok: null });
    expect(facts.teeActive).toBeUndefined();
  });

  it('is unavailable, not invalid, when the registry reverts', async () => {
    const chainReader = reader({ readError: (call) => (call.kind === 'readContract' ? new ContractRevertedError({ details: 'boom' }) : undefined) });
    const { checks, state } = await verify({ chainReader });
    expect(state).toBe('unavailable');
    expect(checkById(checks, 'tee-key')).toMatchObject({ ok: null, implies: 'unavailable', detail: 'The TEE registry reverted the call, so it does not answer as a TEERegistry.' });
  });

  it('turns an unexpected error into unavailable, never a throw', async () => {
    const chainReader = reader({ readError: () => new TypeError('bug') });
    const { state } = await verify({ chainReader });
    expect(state).toBe('unavailable');
  });

  it('turns a reader that throws instead of rejecting into unavailable', async () => {
    const throwing = reader();
    throwing.readContract = (() => {
      throw new Error('sync');
    }) as typeof throwing.readContract;
    const { checks, state } = await verify({ chainReader: throwing });
    expect(state).toBe('unavailable');
    expect(checkById(checks, 'tee-key').detail).toBe('Could not read the chain: sync.');
  });

  it('issues every read of the proof before any of them answers (read first, compute while waiting)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const chainReader = reader({ gate, receipts: { [tx]: individualSettlementReceipt() } });
    const pending = verify({ proof: teeProof({ settlement: { relay, tx } }), chainReader });
    // Every read is issued while none has answered (the gate holds them).
    await vi.waitFor(() => expect(chainReader.calls.map((call) => (call.kind === 'readContract' ? call.functionName : call.kind)).sort()).toEqual(
      ['getTEEPublicKey', 'getTransactionReceipt', 'head', 'isTEEActive', 'isTEEEnabled'],
    ));
    release();
    expect((await pending).state).toBe('verified');
  });
});

describe('verifyOgTee with an individual settlement', () => {
  it('is verified when the configured relay settled exactly this output, with the anchor in the facts', async () => {
    const chainReader = reader({ headNumber: 105n, config: { confirmations: 6, explorer: 'https://explorer.example/' }, receipts: { [tx]: individualSettlementReceipt() } });
    const { checks, facts, state } = await verify({ proof: teeProof({ settlement: { relay, tx } }), chainReader });
    expect(state).toBe('verified');
    expect(checks.slice(-3).map((check) => [check.id, check.ok])).toEqual([
      ['relay-trusted', true],
      ['settlement-log', true],
      ['confirmations', true],
    ]);
    expect(facts).toMatchObject({
      tx,
      relay,
      logIndex: 4,
      anchorBlock: '100',
      confirmations: 6,
      requiredConfirmations: 6,
      explorerUrl: `https://explorer.example/tx/${tx}`,
    });
  });

  it('is pending below the configured confirmations, and says how many', async () => {
    const chainReader = reader({ headNumber: 101n, config: { confirmations: 6 }, receipts: { [tx]: individualSettlementReceipt() } });
    const { checks, state } = await verify({ proof: teeProof({ settlement: { relay, tx } }), chainReader });
    expect(state).toBe('pending');
    expect(checkById(checks, 'confirmations')).toMatchObject({ ok: false, implies: 'pending', detail: '2 of 6 confirmations.' });
  });

  it('counts no confirmations for a receipt from a block above the pinned head', async () => {
    const chainReader = reader({ headNumber: 99n, receipts: { [tx]: individualSettlementReceipt() } });
    const { checks, state } = await verify({ proof: teeProof({ settlement: { relay, tx } }), chainReader });
    expect(state).toBe('pending');
    expect(checkById(checks, 'confirmations').detail).toBe('0 of 1 confirmations.');
  });

  it('is invalid when the settlement transaction is not found', async () => {
    const { checks, state } = await verify({ proof: teeProof({ settlement: { relay, tx } }) });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'settlement-log')).toMatchObject({ ok: false, detail: 'Settlement transaction not found.' });
    expect(checkById(checks, 'confirmations').ok).toBeNull();
  });

  it('is invalid when the settlement transaction reverted', async () => {
    const receipt = { ...individualSettlementReceipt(), status: 'reverted' as const };
    const { checks, state } = await verify({ proof: teeProof({ settlement: { relay, tx } }), chainReader: reader({ receipts: { [tx]: receipt } }) });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'settlement-log').detail).toContain('reverted');
  });

  it('is invalid when the log in the transaction was emitted by another contract than the named relay', async () => {
    const chainReader = reader({ receipts: { [tx]: individualSettlementReceipt({ from: rogueRelay }) } });
    const { checks, state } = await verify({ proof: teeProof({ settlement: { relay, tx } }), chainReader });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'settlement-log').detail).toContain('No IndividualSettlement log from relay');
  });

  it.each([
    ['outputHash', { outputHash: `0x${'98'.repeat(32)}` as Hex }],
    ['timestamp', { timestamp: timestamp + 60 }],
    ['signature', { signature: '0x00' as Hex }],
  ])('is invalid when the settled %s differs, and names that field', async (field, fields) => {
    const chainReader = reader({ receipts: { [tx]: individualSettlementReceipt({ fields }) } });
    const { checks, state } = await verify({ proof: teeProof({ settlement: { relay, tx } }), chainReader });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'settlement-log').detail).toBe(`The settlement log differs from the proof in ${field}.`);
  });

  it('is untrusted when a consistent settlement comes from a relay the configuration does not name', async () => {
    const chainReader = reader({ receipts: { [tx]: individualSettlementReceipt({ from: rogueRelay }) } });
    const { checks, state } = await verify({ proof: teeProof({ settlement: { relay: rogueRelay, tx } }), chainReader });
    expect(state).toBe('untrusted');
    expect(checkById(checks, 'relay-trusted')).toMatchObject({ ok: false, implies: 'untrusted' });
    expect(checkById(checks, 'settlement-log').ok).toBe(true);
  });

  it('is unavailable when the receipt cannot be read, never invalid', async () => {
    const chainReader = reader({ readError: (call) => (call.kind === 'getTransactionReceipt' ? new ChainUnavailableError('RPC down', { chainId }) : undefined) });
    const { checks, state } = await verify({ proof: teeProof({ settlement: { relay, tx } }), chainReader });
    expect(state).toBe('unavailable');
    expect(checkById(checks, 'settlement-log')).toMatchObject({ ok: null, implies: 'unavailable', detail: 'RPC down.' });
  });
});

describe('verifyOgTee with a batch settlement', () => {
  type Leaf = [Hex, Hex, Hex, Hex, bigint];
  let tree: StandardMerkleTree<Leaf>;
  let ourLeaf: Leaf;

  beforeAll(() => {
    ourLeaf = [tee.teeId, inputHash, textHash(text), bytesToHex(signature), BigInt(timestamp)];
    const others: Leaf[] = [1, 2, 3, 4].map((n) => [tee.teeId, `0x${String(n).repeat(64)}` as Hex, `0x${String(n + 4).repeat(64)}` as Hex, '0x0102', BigInt(timestamp + n)]);
    tree = StandardMerkleTree.of([...others, ourLeaf], ['bytes32', 'bytes32', 'bytes32', 'bytes', 'uint256']);
  });

  function batchProof(overrides: { root?: Hex; proof?: Hex[] } = {}): OgTeeProof {
    return teeProof({ settlement: { relay, tx, root: (overrides.root ?? tree.root) as Hex, proof: overrides.proof ?? (tree.getProof(ourLeaf) as Hex[]) } });
  }

  function batchReceipt(root: Hex = tree.root as Hex, from: Address = relay) {
    return fakeReceipt({ hash: tx, blockNumber: 100n, logs: [fakeBatchSettlementLog({ address: from, logIndex: 1, merkleRoot: root })] });
  }

  it('is verified when the proof leads to a root the configured relay settled in that transaction', async () => {
    const { checks, facts, state } = await verify({ proof: batchProof(), chainReader: reader({ receipts: { [tx]: batchReceipt() } }) });
    expect(state).toBe('verified');
    expect(checks.slice(-4).map((check) => [check.id, check.ok])).toEqual([
      ['relay-trusted', true],
      ['merkle-proof', true],
      ['settlement-log', true],
      ['confirmations', true],
    ]);
    expect(facts).toMatchObject({ merkleRoot: tree.root, merklePath: tree.getProof(ourLeaf), logIndex: 1, anchorBlock: '100' });
  });

  it('is invalid when the Merkle proof does not lead to the root', async () => {
    const proof = tree.getProof(ourLeaf) as Hex[];
    const { checks, state } = await verify({
      proof: batchProof({ proof: [...proof.slice(1), proof[0]!] }),
      chainReader: reader({ receipts: { [tx]: batchReceipt() } }),
    });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'merkle-proof')).toMatchObject({ ok: false, implies: 'invalid' });
  });

  it('is invalid when the leaf is of another output, even though its path is genuine', async () => {
    const { checks, state } = await verify({
      proof: { ...batchProof(), outputHash: textHash('Other') },
      signedText: 'Other',
      chainReader: reader({ receipts: { [tx]: batchReceipt() } }),
    });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'merkle-proof').ok).toBe(false);
  });

  it('is invalid when the transaction settled another root', async () => {
    const { checks, state } = await verify({ proof: batchProof(), chainReader: reader({ receipts: { [tx]: batchReceipt(`0x${'ee'.repeat(32)}`) } }) });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'merkle-proof').ok).toBe(true);
    expect(checkById(checks, 'settlement-log')).toMatchObject({ ok: false, detail: 'The relay settled a different batch root in this transaction.' });
  });

  it('is invalid when only another contract published the root', async () => {
    const { checks, state } = await verify({ proof: batchProof(), chainReader: reader({ receipts: { [tx]: batchReceipt(tree.root as Hex, rogueRelay) } }) });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'settlement-log').detail).toContain('No BatchSettlement log from relay');
  });

  it('checks the Merkle proof even when the chain is not configured', async () => {
    const proof = tree.getProof(ourLeaf) as Hex[];
    const { checks, state } = await verify({ proof: batchProof({ proof: proof.slice(1) }), chainReader: null });
    expect(state).toBe('invalid');
    expect(checkById(checks, 'merkle-proof').ok).toBe(false);
  });
});
