import { encodeAbiParameters, keccak256, parseAbiParameters, stringToBytes, type Address, type Hex } from 'viem';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ChainUnavailableError } from '../chain/errors';
import { signWithSdk, Wallet, type AttestationJson, type SdkSignParameters } from '../../test/fakes/eas-sdk';
import { easOffchainProof, envelope, type EasOffchainProof } from '../envelope/schema';
import { verifyEasOffchain } from './eas-offchain';
import {
  checkOf,
  fakeChainAccess,
  fakeEas,
  fakeEasChainReader,
  fakeHead,
  fakeTrust,
  stateOf,
  type FakeEasChainParameters,
} from '../../test/fakes/eas-test-fakes';

const chainId = 31337;
const wallet = new Wallet(`0x${'c3'.repeat(32)}`);
const signer = wallet.address as Address;
const schemaUid: Hex = `0x${'5c'.repeat(32)}`;
const schema = 'bytes32 contentHash,string model';
const shownText = 'The  quick\u00a0brown fox.\n';
/** What the producer hashed: the canonical text (spec §5). */
const contentHash = keccak256(stringToBytes('The quick brown fox.'));
const data = encodeAbiParameters(parseAbiParameters('bytes32, string'), [contentHash, 'gpt-test']);
const trusted = fakeTrust({ chainId, attesters: [{ address: signer, label: 'Example Newsroom' }] });

let valid: AttestationJson;

beforeAll(async () => {
  valid = await sign({});
});

function sign(fields: Partial<SdkSignParameters>): Promise<AttestationJson> {
  return signWithSdk({ wallet, version: 2, schema: schemaUid, data, eas: { address: fakeEas, version: '1.3.0', chainId: BigInt(chainId) }, ...fields });
}

function proofOf(attestation: AttestationJson, claimedSigner: string = signer): EasOffchainProof {
  return easOffchainProof.parse({ type: 'eas-offchain', attestation, signer: claimedSigner });
}

async function verify({
  proof = proofOf(valid),
  signedText = shownText,
  envelopeText,
  trust = trusted,
  chain = {},
  configured = true,
}: {
  proof?: EasOffchainProof;
  signedText?: string;
  /** The envelope's own `text`; without it the signed text is the text as shown. */
  envelopeText?: string;
  trust?: typeof trusted;
  chain?: Partial<FakeEasChainParameters>;
  configured?: boolean;
} = {}) {
  const reader = fakeEasChainReader({ chainId, schemas: { [schemaUid]: schema }, ...chain });
  const result = await verifyEasOffchain({
    proof,
    envelope: envelope.parse({ v: 1, proof: { type: 'eas-offchain', attestation: valid, signer }, ...(envelopeText !== undefined && { text: envelopeText }) }),
    signedText,
    trust,
    chains: configured ? fakeChainAccess(reader) : fakeChainAccess(),
  });
  return { ...result, reader, state: stateOf(result.checks) };
}

describe('verifyEasOffchain (decision logic, in-memory chain)', () => {
  it('passes every check for an SDK-signed attestation by a trusted attester over the canonical text', async () => {
    const { checks, facts, state } = await verify();
    expect(checks.map(({ id, ok }) => [id, ok])).toEqual([
      ['chain', true],
      ['eas-trusted', true],
      ['uid', true],
      ['signature', true],
      ['attester-trusted', true],
      ['schema', true],
      ['content-binding', true],
      ['revocation', true],
      ['expiry', true],
    ]);
    expect(state).toBe('verified');
    expect(facts).toMatchObject({
      chainId,
      chainName: 'Fake chain',
      blockNumber: fakeHead.number.toString(),
      rpcs: ['http://fake.invalid'],
      uid: valid.uid,
      attester: signer.toLowerCase(),
      signerLabel: 'Example Newsroom',
      schemaUid,
      schema,
      model: 'gpt-test',
      timestamp: 1_700_000_000,
      schemaFields: [
        { name: 'contentHash', type: 'bytes32', value: contentHash },
        { name: 'model', type: 'string', value: 'gpt-test' },
      ],
    });
  });

  it('is altered when the signed text does not hash to contentHash, and names the text hashed', async () => {
    const { checks, state } = await verify({ signedText: 'The quick brown fox!' });
    expect(checkOf(checks, 'content-binding')).toMatchObject({
      ok: false,
      implies: 'altered',
      detail: 'The text as shown does not hash to the attested contentHash; the envelope carries no text of its own.',
    });
    expect(state).toBe('altered');
    const carried = await verify({ signedText: 'The quick brown fox!', envelopeText: 'The quick brown fox!' });
    expect(checkOf(carried.checks, 'content-binding').detail).toBe("The envelope's text does not hash to the attested contentHash.");
  });

  it('is invalid when the UID does not match its fields, or another key signed', async () => {
    const tampered = proofOf({ ...valid, uid: `0x${'11'.repeat(32)}` });
    const byUid = await verify({ proof: tampered });
    expect(checkOf(byUid.checks, 'uid')).toMatchObject({ ok: false, implies: 'invalid', detail: expect.stringMatching(/^The UID does not match/) });
    expect(byUid.state).toBe('invalid');

    const other = new Wallet(`0x${'d4'.repeat(32)}`);
    const bySigner = await verify({ proof: proofOf(valid, other.address) });
    expect(checkOf(bySigner.checks, 'signature')).toMatchObject({ ok: false, implies: 'invalid', detail: `Signed by ${signer}, not by the stated signer.` });
    expect(checkOf(bySigner.checks, 'attester-trusted')).toMatchObject({ ok: null });
    expect(bySigner.state).toBe('invalid');
  });

  it('is untrusted when the attester is not in the trust configuration', async () => {
    const { checks, facts, state } = await verify({ trust: fakeTrust({ chainId }) });
    expect(checkOf(checks, 'attester-trusted')).toMatchObject({ ok: false, implies: 'untrusted' });
    expect(facts.signerLabel).toBeUndefined();
    expect(state).toBe('untrusted');
  });

  it('matches trusted attesters case-insensitively', async () => {
    const { checks } = await verify({ trust: fakeTrust({ chainId, attesters: [{ address: signer.toLowerCase() as Address, label: 'Lower' }] }) });
    expect(checkOf(checks, 'attester-trusted')).toMatchObject({ ok: true, detail: expect.stringMatching(/^Lower/) });
  });

  it('is untrusted, with revocation not read, when signed for an EAS contract the configuration does not name', async () => {
    const foreign = await sign({ eas: { address: '0x1111111111111111111111111111111111111111', version: '1.3.0', chainId: BigInt(chainId) } });
    const { checks, reader, state } = await verify({ proof: proofOf(foreign) });
    expect(checkOf(checks, 'eas-trusted')).toMatchObject({ ok: false, implies: 'untrusted' });
    expect(checkOf(checks, 'signature').ok).toBe(true);
    expect(checkOf(checks, 'revocation')).toMatchObject({ ok: null });
    expect(reader.calls.map((call) => call.functionName)).toEqual(['getSchema']);
    expect(state).toBe('untrusted');
  });

  it('still runs the local checks when the chain is not configured, and is unavailable when they pass', async () => {
    const passing = await verify({ configured: false });
    expect(checkOf(passing.checks, 'chain')).toMatchObject({ ok: null, implies: 'unavailable' });
    expect(checkOf(passing.checks, 'eas-trusted')).toMatchObject({ ok: null });
    expect(checkOf(passing.checks, 'signature').ok).toBe(true);
    expect(checkOf(passing.checks, 'content-binding').ok).toBe(null);
    expect(passing.state).toBe('unavailable');

    const tampered = await verify({ configured: false, proof: proofOf({ ...valid, uid: `0x${'11'.repeat(32)}` }) });
    expect(tampered.state).toBe('invalid');
  });

  it('is invalid when the schema is not registered, lacks bytes32 contentHash, or does not decode the data', async () => {
    const unregistered = await verify({ chain: { schemas: {} } });
    expect(checkOf(unregistered.checks, 'schema')).toMatchObject({ ok: false, implies: 'invalid', detail: expect.stringMatching(/not registered/) });
    expect(checkOf(unregistered.checks, 'content-binding').ok).toBe(null);

    const noContentHash = await verify({ chain: { schemas: { [schemaUid]: 'bytes32 otherHash,string model' } } });
    expect(checkOf(noContentHash.checks, 'schema')).toMatchObject({ ok: false, implies: 'invalid', detail: expect.stringMatching(/no "bytes32 contentHash"/) });

    const wrongType = await verify({ chain: { schemas: { [schemaUid]: 'string contentHash' } } });
    expect(checkOf(wrongType.checks, 'schema')).toMatchObject({ ok: false, implies: 'invalid' });

    const undecodable = await verify({ chain: { schemas: { [schemaUid]: 'bytes32 contentHash,string model,string extra' } } });
    expect(checkOf(undecodable.checks, 'schema')).toMatchObject({ ok: false, implies: 'invalid', detail: expect.stringMatching(/does not decode/) });

    const unparsable = await verify({ chain: { schemas: { [schemaUid]: 'bytes32 contentHash,strng model' } } });
    expect(checkOf(unparsable.checks, 'schema')).toMatchObject({ ok: false, implies: 'invalid', detail: expect.stringMatching(/does not parse/) });
  });

  it('is invalid when the attester revoked it off-chain, with the time', async () => {
    const { checks, state } = await verify({ chain: { offchainRevocations: { [`${signer.toLowerCase()}:${valid.uid}`]: 1_750_000_000n } } });
    expect(checkOf(checks, 'revocation')).toMatchObject({ ok: false, implies: 'invalid', detail: 'The attester revoked it at 2025-06-15T15:06:40.000Z.' });
    expect(state).toBe('invalid');
  });

  it('is invalid once expired by the pinned head block, not before', async () => {
    const expired = await verify({ proof: proofOf(await sign({ expirationTime: fakeHead.timestamp })) });
    expect(checkOf(expired.checks, 'expiry')).toMatchObject({ ok: false, implies: 'invalid' });
    const later = await verify({ proof: proofOf(await sign({ expirationTime: fakeHead.timestamp + 1n })) });
    expect(checkOf(later.checks, 'expiry')).toMatchObject({ ok: true });
    expect(later.state).toBe('verified');
  });

  it('turns a failed read into unavailable, never invalid', async () => {
    const outage = new ChainUnavailableError('RPC timed out after 5 s', { chainId });
    const reads = await verify({ chain: { readError: () => outage } });
    expect(checkOf(reads.checks, 'schema')).toMatchObject({ ok: null, implies: 'unavailable', detail: 'RPC timed out after 5 s' });
    expect(checkOf(reads.checks, 'revocation')).toMatchObject({ ok: null, implies: 'unavailable' });
    expect(reads.state).toBe('unavailable');

    const head = await verify({ chain: { headError: outage }, proof: proofOf(await sign({ expirationTime: 2_000_000_000n })) });
    expect(checkOf(head.checks, 'expiry')).toMatchObject({ ok: null, implies: 'unavailable' });
    expect(head.checks.filter((check) => check.ok === false)).toEqual([]);
    expect(head.state).toBe('unavailable');
  });

  it('starts every read of the proof together once the head is known', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const reader = fakeEasChainReader({ chainId, schemas: { [schemaUid]: schema }, gate });
    const pending = verifyEasOffchain({
      proof: proofOf(valid),
      envelope: envelope.parse({ v: 1, proof: { type: 'eas-offchain', attestation: valid, signer } }),
      signedText: shownText,
      trust: trusted,
      chains: fakeChainAccess(reader),
    });
    // Every read is issued while none has answered (the gate holds them).
    await vi.waitFor(() => expect(reader.calls.map((call) => call.functionName).sort()).toEqual(['getRevokeOffchain', 'getSchema']));
    open();
    expect(stateOf((await pending).checks)).toBe('verified');
  });
});
