import { encodeAbiParameters, getAddress, keccak256, parseAbiParameters, stringToBytes, type Address, type Hex } from 'viem';
import { describe, expect, it, vi } from 'vitest';
import { ChainUnavailableError, ContractRevertedError, RpcDisagreementError } from '../chain/errors';
import { easOnchainProof, envelope, type EasOnchainProof } from '../envelope/schema';
import { verifyEasOnchain } from './eas-onchain';
import {
  checkOf,
  fakeChainAccess,
  fakeEas,
  fakeEasChainReader,
  fakeHead,
  fakeTrust,
  stateOf,
  type FakeAttestation,
  type FakeEasChainParameters,
} from '../../test/fakes/eas-test-fakes';

const chainId = 8453;
const attester: Address = '0x00000000000000000000000000000000000a77e5';
const uid: Hex = `0x${'a7'.repeat(32)}`;
const schemaUid: Hex = `0x${'5c'.repeat(32)}`;
const schema = 'bytes32 contentHash, string model, uint64 wordCount';
const signedText = 'An attested\n\nparagraph.';
const data = encodeAbiParameters(parseAbiParameters('bytes32, string, uint64'), [keccak256(stringToBytes('An attested paragraph.')), 'model-7', 3n]);
const attestation: FakeAttestation = { uid, schema: schemaUid, attester, data, block: fakeHead.number - 10n };
const trusted = fakeTrust({ chainId, attesters: [{ address: attester, label: 'Attesting Org' }] });

async function verify({
  proof = { type: 'eas-onchain', chainId, uid },
  trust = trusted,
  chain = {},
  configured = true,
}: {
  proof?: Record<string, unknown>;
  trust?: typeof trusted;
  chain?: Partial<FakeEasChainParameters>;
  configured?: boolean;
} = {}) {
  const reader = fakeEasChainReader({ chainId, schemas: { [schemaUid]: schema }, attestations: [attestation], ...chain });
  const parsed: EasOnchainProof = easOnchainProof.parse(proof);
  const result = await verifyEasOnchain({
    proof: parsed,
    envelope: envelope.parse({ v: 1, proof }),
    signedText,
    trust,
    chains: configured ? fakeChainAccess(reader) : fakeChainAccess(),
  });
  return { ...result, reader, state: stateOf(result.checks) };
}

describe('verifyEasOnchain (decision logic, in-memory chain)', () => {
  it('passes every check for a confirmed, trusted attestation binding the canonical text', async () => {
    const { checks, facts, state } = await verify({ chain: { confirmations: 5 } });
    expect(checks.map(({ id, ok }) => [id, ok])).toEqual([
      ['chain', true],
      ['eas-trusted', true],
      ['attestation', true],
      ['schema', true],
      ['content-binding', true],
      ['revocation', true],
      ['expiry', true],
      ['attester-trusted', true],
      ['confirmations', true],
    ]);
    expect(state).toBe('verified');
    expect(facts).toMatchObject({
      chainId,
      uid,
      attester,
      signerLabel: 'Attesting Org',
      schemaUid,
      schema,
      model: 'model-7',
      requiredConfirmations: 5,
      timestamp: 1_700_000_000,
      blockNumber: fakeHead.number.toString(),
      rpcs: ['http://fake.invalid'],
    });
    expect(facts.schemaFields).toEqual([
      { name: 'contentHash', type: 'bytes32', value: keccak256(stringToBytes('An attested paragraph.')) },
      { name: 'model', type: 'string', value: 'model-7' },
      { name: 'wordCount', type: 'uint64', value: '3' },
    ]);
  });

  it('reads the attestation at head − confirmations + 1 to count confirmations', async () => {
    const { reader } = await verify({ chain: { confirmations: 11 } });
    const reads = reader.calls.filter((call) => call.functionName === 'getAttestation');
    expect(reads.map((call) => call.blockNumber)).toEqual([undefined, fakeHead.number - 10n]);
    const exactly = await verify({ chain: { confirmations: 11 } });
    expect(checkOf(exactly.checks, 'confirmations').ok).toBe(true);
    const tooFew = await verify({ chain: { confirmations: 12 } });
    expect(checkOf(tooFew.checks, 'confirmations')).toMatchObject({ ok: false, implies: 'pending', detail: 'Fewer than 12 confirmations.' });
    expect(tooFew.state).toBe('pending');
  });

  it('is pending when the EAS contract did not exist yet at the earlier block, or the chain is shorter', async () => {
    const younger = await verify({ chain: { confirmations: 3, readError: (call) => (call.blockNumber !== undefined ? revert() : undefined) } });
    expect(checkOf(younger.checks, 'confirmations')).toMatchObject({ ok: false, implies: 'pending' });
    const short = await verify({ chain: { confirmations: 2_000 } });
    expect(checkOf(short.checks, 'confirmations')).toMatchObject({ ok: false, implies: 'pending' });
  });

  it('is invalid when there is no attestation with the UID', async () => {
    const { checks, state } = await verify({ proof: { type: 'eas-onchain', chainId, uid: `0x${'01'.repeat(32)}` } });
    expect(checkOf(checks, 'attestation')).toMatchObject({ ok: false, implies: 'invalid', detail: 'There is no attestation with this UID on the configured EAS contract.' });
    expect(checks.slice(3).every((check) => check.ok === null && !check.implies)).toBe(true);
    expect(state).toBe('invalid');
  });

  it('does not take the zero UID for an attestation', async () => {
    const zero: Hex = `0x${'00'.repeat(32)}`;
    const { checks } = await verify({ proof: { type: 'eas-onchain', chainId, uid: zero } });
    expect(checkOf(checks, 'attestation')).toMatchObject({ ok: false, implies: 'invalid' });
  });

  it('is invalid when revoked or expired, untrusted when the attester is not trusted, altered when the text differs', async () => {
    const revoked = await verify({ chain: { attestations: [{ ...attestation, revocationTime: 1_750_000_000n }] } });
    expect(checkOf(revoked.checks, 'revocation')).toMatchObject({ ok: false, implies: 'invalid', detail: 'Revoked at 2025-06-15T15:06:40.000Z.' });
    const expired = await verify({ chain: { attestations: [{ ...attestation, expirationTime: fakeHead.timestamp - 1n }] } });
    expect(checkOf(expired.checks, 'expiry')).toMatchObject({ ok: false, implies: 'invalid' });
    const untrusted = await verify({ trust: fakeTrust({ chainId }) });
    expect(checkOf(untrusted.checks, 'attester-trusted')).toMatchObject({ ok: false, implies: 'untrusted' });
    expect(untrusted.state).toBe('untrusted');
    const otherData = encodeAbiParameters(parseAbiParameters('bytes32, string, uint64'), [keccak256(stringToBytes('Other text.')), 'model-7', 3n]);
    const altered = await verify({ chain: { attestations: [{ ...attestation, data: otherData }] } });
    expect(checkOf(altered.checks, 'content-binding')).toMatchObject({
      ok: false,
      implies: 'altered',
      detail: 'The text as shown does not hash to the attested contentHash; the envelope carries no text of its own.',
    });
    expect(altered.state).toBe('altered');
  });

  it('is untrusted, reading nothing, when the proof names another EAS or the chain has none configured', async () => {
    const named = await verify({ proof: { type: 'eas-onchain', chainId, uid, eas: '0x1111111111111111111111111111111111111111' } });
    expect(checkOf(named.checks, 'eas-trusted')).toMatchObject({ ok: false, implies: 'untrusted' });
    expect(named.reader.calls).toEqual([]);
    expect(named.state).toBe('untrusted');

    const same = await verify({ proof: { type: 'eas-onchain', chainId, uid, eas: getAddress(fakeEas) } });
    expect(checkOf(same.checks, 'eas-trusted').ok).toBe(true);

    const none = await verify({ trust: { ...trusted, eas: {} } });
    expect(checkOf(none.checks, 'eas-trusted')).toMatchObject({ ok: false, implies: 'untrusted', detail: `No EAS contract is configured for chain ${chainId}.` });
    expect(none.reader.calls).toEqual([]);
  });

  it('is unavailable, never invalid, when the chain is not configured or a read fails', async () => {
    const unconfigured = await verify({ configured: false });
    expect(checkOf(unconfigured.checks, 'chain')).toMatchObject({ ok: null, implies: 'unavailable' });
    expect(unconfigured.state).toBe('unavailable');

    const disagreement = new RpcDisagreementError({ chainId, details: 'a says x, b says y' });
    const attestationRead = await verify({ chain: { readError: (call) => (call.functionName === 'getAttestation' ? disagreement : undefined) } });
    expect(checkOf(attestationRead.checks, 'attestation')).toMatchObject({ ok: null, implies: 'unavailable', detail: 'RPC endpoints disagree' });
    expect(attestationRead.state).toBe('unavailable');

    const outage = new ChainUnavailableError('No RPC answered', { chainId });
    const schemaRead = await verify({ chain: { readError: (call) => (call.functionName === 'getSchema' ? outage : undefined) } });
    expect(checkOf(schemaRead.checks, 'schema')).toMatchObject({ ok: null, implies: 'unavailable', detail: 'No RPC answered' });
    expect(schemaRead.checks.filter((check) => check.ok === false)).toEqual([]);
    expect(schemaRead.state).toBe('unavailable');

    const confirmationRead = await verify({ chain: { confirmations: 3, readError: (call) => (call.blockNumber !== undefined ? outage : undefined) } });
    expect(checkOf(confirmationRead.checks, 'confirmations')).toMatchObject({ ok: null, implies: 'unavailable' });
  });

  it('starts both attestation reads together once the head is known', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const reader = fakeEasChainReader({ chainId, confirmations: 4, schemas: { [schemaUid]: schema }, attestations: [attestation], gate });
    const proof = { type: 'eas-onchain' as const, chainId, uid };
    const pending = verifyEasOnchain({ proof, envelope: envelope.parse({ v: 1, proof }), signedText, trust: trusted, chains: fakeChainAccess(reader) });
    // Every read is issued while none has answered (the gate holds them).
    await vi.waitFor(() => expect(reader.calls.map((call) => [call.functionName, call.blockNumber])).toEqual([
      ['getAttestation', undefined],
      ['getAttestation', fakeHead.number - 3n],
    ]));
    open();
    expect(stateOf((await pending).checks)).toBe('verified');
  });
});

function revert(): Error {
  return new ContractRevertedError({ details: 'getAttestation returned nothing: there is no contract at that address' });
}
