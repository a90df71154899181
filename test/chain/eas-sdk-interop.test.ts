import { JsonRpcProvider, NonceManager, Wallet } from 'ethers';
import { keccak256, stringToBytes, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type StartDevnetReturnType } from '../../devnet/devnet';
import { devnetPrivateKeys } from '../../devnet/keys';
import { offchainAttestationToJson } from '../../devnet/producers/eas-offchain';
import { easSdk } from '../../devnet/producers/eas-sdk';
import { createChainAccess } from '../../lib/chain/access';
import { decodeEnvelope } from '../../lib/envelope/decode';
import { canonicalText } from '../../lib/text/canonical';
import { verifySnippet } from '../../lib/verifiers/verify-snippet';
import type { Verdict } from '../../lib/verdict/types';

/**
 * Attestations made, revoked and signed with the real EAS SDK (ethers), on
 * the real EAS contracts: our verifier agrees with the SDK's own view.
 */
const { EAS, SchemaEncoder } = easSdk;
const contentSchema = 'bytes32 contentHash,string model';
const text = 'The tram line will run every six minutes from May, the transport board said.';

let devnet: StartDevnetReturnType;
let eas: InstanceType<typeof EAS>;
let attester: Wallet;
let provider: JsonRpcProvider;

beforeAll(async () => {
  devnet = await startDevnet();
  provider = new JsonRpcProvider(devnet.rpcUrl, devnet.chainId, { staticNetwork: true });
  attester = new Wallet(devnetPrivateKeys.trustedAttester, provider);
  eas = new EAS(devnet.contracts.eas);
  // ethers caches identical reads briefly, so back-to-back transactions could reuse a nonce.
  eas.connect(new NonceManager(attester));
});

afterAll(async () => {
  provider?.destroy();
  await devnet?.stop();
});

function contentData(signedText: string): string {
  return new SchemaEncoder(contentSchema).encodeData([
    { name: 'contentHash', value: keccak256(stringToBytes(canonicalText(signedText))), type: 'bytes32' },
    { name: 'model', value: 'sdk-model', type: 'string' },
  ]);
}

async function verify(envelope: unknown, shownText: string): Promise<Verdict> {
  const trust = devnet.trustConfig;
  return verifySnippet({ decoded: decodeEnvelope(JSON.stringify(envelope)), shownText, trust, chains: createChainAccess({ trust }) });
}

describe('EAS SDK interop on a real chain', () => {
  it('verifies an on-chain attestation made with the SDK, and calls it invalid once the SDK revokes it', async () => {
    const attestTx = await eas.attest({
      schema: devnet.contracts.schemas.content,
      data: { recipient: '0x0000000000000000000000000000000000000000', expirationTime: 0n, revocable: true, data: contentData(text) },
    });
    const uid = (await attestTx.wait()) as Hex;
    const envelope = { v: 1, proof: { type: 'eas-onchain', chainId: devnet.chainId, uid } };
    await devnet.mine(2);

    const verdict = await verify(envelope, text);
    expect(verdict.state).toBe('verified');
    expect(verdict.facts).toMatchObject({ attester: attester.address, signerLabel: 'Devnet Newsroom', model: 'sdk-model' });
    expect((await verify(envelope, `${text} Fares double.`)).state).toBe('altered');

    await (await eas.revoke({ schema: devnet.contracts.schemas.content, data: { uid } })).wait();
    expect((await eas.getAttestation(uid)).revocationTime).toBeGreaterThan(0n);
    const revoked = await verify(envelope, text);
    expect(revoked.state).toBe('invalid');
    expect(revoked.checks.find((check) => check.id === 'revocation')).toMatchObject({ ok: false });
  });

  it('verifies an off-chain attestation the SDK signed, rejects what the SDK rejects, and sees an SDK revocation', async () => {
    const offchain = await eas.getOffchain();
    const signed = await offchain.signOffchainAttestation(
      {
        recipient: '0x0000000000000000000000000000000000000000',
        expirationTime: 0n,
        time: BigInt(Math.floor(Date.now() / 1000)),
        revocable: true,
        schema: devnet.contracts.schemas.content,
        refUID: '0x0000000000000000000000000000000000000000000000000000000000000000',
        data: contentData(text),
      },
      attester,
    );
    const envelope = { v: 1, proof: { type: 'eas-offchain', attestation: offchainAttestationToJson(signed), signer: attester.address } };
    expect(offchain.verifyOffchainAttestationSignature(attester.address, signed)).toBe(true);
    expect((await verify(envelope, text)).state).toBe('verified');

    // Tampered after signing: the SDK refuses it, and so do we.
    const tampered = structuredClone(signed);
    tampered.message.expirationTime = 1n;
    expect(offchain.verifyOffchainAttestationSignature(attester.address, tampered)).toBe(false);
    const tamperedEnvelope = { ...envelope, proof: { ...envelope.proof, attestation: offchainAttestationToJson(tampered) } };
    expect((await verify(tamperedEnvelope, text)).state).toBe('invalid');

    await (await eas.revokeOffchain(signed.uid)).wait();
    const revoked = await verify(envelope, text);
    expect(revoked.state).toBe('invalid');
    expect(revoked.checks.find((check) => check.id === 'revocation')).toMatchObject({ ok: false });
  });
});
