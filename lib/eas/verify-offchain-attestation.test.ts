import { secp256k1 } from '@noble/curves/secp256k1';
import fc from 'fast-check';
import { bytesToHex, getAddress, numberToHex, recoverTypedDataAddress, type Address, type Hex } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import { offchainLayouts } from './offchain-layouts';
import {
  Offchain,
  Signature,
  Wallet,
  parseAttestation,
  sdkAccepts,
  signWithSdk,
  testEas,
  toJson,
  type AttestationJson,
  type SdkWallet,
} from '../../test/fakes/eas-sdk';
import { verifyOffchainAttestation } from './verify-offchain-attestation';

const wallet = new Wallet(`0x${'a1'.repeat(32)}`);
const otherWallet = new Wallet(`0x${'b2'.repeat(32)}`);
const zeroAddress = '0x0000000000000000000000000000000000000000';

/** Ours, combined as the eas-offchain verifier combines it: UID, signature, and the domain's chain and contract are the configured ones. */
function oursAccepts(json: AttestationJson, signer: string): boolean {
  const attestation = parseAttestation(json);
  if (!attestation) return false;
  const { uid, signature } = verifyOffchainAttestation({ attestation, signer: signer as Address });
  return (
    uid.ok &&
    signature.ok &&
    attestation.domain.chainId === testEas.chainId &&
    attestation.domain.verifyingContract === testEas.address.toLowerCase()
  );
}

const legacyTypes = { Attest: offchainLayouts[0][2]!.fields.map(({ name, type }) => ({ name, type })) };

/** A legacy attestation in one of the two later legacy layouts, which the SDK accepts but no longer signs. */
async function signLegacyAttest(primaryType: 'Attest' | 'Attestation', signer: SdkWallet): Promise<AttestationJson> {
  const domain = { name: 'EAS Attestation', version: '0.26', chainId: testEas.chainId, verifyingContract: testEas.address };
  const message = {
    schema: `0x${'3c'.repeat(32)}`,
    recipient: '0x000000000000000000000000000000000000bEEF',
    time: 1_600_000_000n,
    expirationTime: 0n,
    revocable: false,
    refUID: `0x${'00'.repeat(32)}`,
    data: '0xabcdef',
  };
  const { r, s, v } = Signature.from(await signer.signTypedData(domain, legacyTypes, message));
  const uid = Offchain.getOffchainUID(0, message.schema, message.recipient, message.time, message.expirationTime, message.revocable, message.refUID, message.data, undefined as never);
  return toJson({ domain, primaryType, types: legacyTypes, message, signature: { r, s, v }, uid, version: 0 }) as unknown as AttestationJson;
}

let bases: AttestationJson[];

beforeAll(async () => {
  bases = [
    await signWithSdk({ wallet, version: 0 }),
    await signWithSdk({ wallet, version: 1, data: '0x1234', expirationTime: 1_900_000_000n }),
    await signWithSdk({ wallet, version: 2, data: '0xdeadbeef', recipient: '0x000000000000000000000000000000000000dEaD', revocable: false }),
    await signLegacyAttest('Attestation', wallet),
    await signLegacyAttest('Attest', wallet),
  ];
  // Version 0 as the oldest tooling wrote it: no version field at all.
  const versionless = structuredClone(bases[0]!);
  delete versionless.version;
  bases.push(versionless);
});

describe('verifyOffchainAttestation', () => {
  it('accepts attestations signed by the real SDK, versions 0, 1 and 2, and both later legacy layouts', () => {
    for (const attestation of bases) {
      expect(sdkAccepts(attestation, wallet.address)).toBe(true);
      const result = verifyOffchainAttestation({ attestation: parseAttestation(attestation)!, signer: wallet.address as Address });
      expect(result).toMatchObject({ version: attestation.version ?? 0, computedUid: attestation.uid, uid: { ok: true }, signature: { ok: true } });
    }
  });

  it('accepts a schema id written in capitals, which the SDK hashes into the UID as written', async () => {
    const attestation = await signWithSdk({ wallet, version: 2, schema: `0x${'AB'.repeat(32)}` });
    expect(sdkAccepts(attestation, wallet.address)).toBe(true);
    const result = verifyOffchainAttestation({ attestation: parseAttestation(attestation)!, signer: wallet.address as Address });
    expect(result).toMatchObject({ uid: { ok: true }, signature: { ok: true } });
  });

  it("recovers the same signer as viem's recoverTypedDataAddress", async () => {
    for (const json of bases) {
      const attestation = parseAttestation(json)!;
      const [structName, fields] = Object.entries(attestation.types)[0]!;
      const recovered = await recoverTypedDataAddress({
        domain: attestation.domain,
        types: { [structName]: fields },
        // ethers, and so the SDK, hash with the struct's own name whatever primaryType says.
        primaryType: structName,
        message: attestation.message,
        signature: { r: attestation.signature.r as Hex, s: attestation.signature.s as Hex, v: BigInt(attestation.signature.v) },
      });
      expect(recovered).toBe(getAddress(wallet.address));
      expect(verifyOffchainAttestation({ attestation, signer: recovered }).signature.ok).toBe(true);
    }
  });

  it('rejects another signer, the zero address, a foreign domain name, and another version’s layout, with reasons', () => {
    const [v0, , v2] = bases;
    const parsed = parseAttestation(v2!)!;
    expect(verifyOffchainAttestation({ attestation: parsed, signer: otherWallet.address as Address }).signature).toEqual({
      ok: false,
      reason: `Signed by ${getAddress(wallet.address)}, not by the stated signer.`,
    });
    expect(verifyOffchainAttestation({ attestation: parsed, signer: zeroAddress }).signature).toEqual({ ok: false, reason: 'The zero address cannot sign.' });
    const renamed = parseAttestation({ ...v2!, domain: { ...v2!.domain, name: 'EAS' } })!;
    expect(verifyOffchainAttestation({ attestation: renamed, signer: wallet.address as Address }).signature).toMatchObject({ ok: false, reason: expect.stringMatching(/"EAS", not "EAS Attestation"/) });
    const relabelled = parseAttestation({ ...v0!, version: 2, message: { ...v0!.message, version: 2 } })!;
    const result = verifyOffchainAttestation({ attestation: relabelled, signer: wallet.address as Address });
    expect(result.signature).toMatchObject({ ok: false, reason: expect.stringMatching(/not an EAS version-2 attestation layout/) });
    expect(result.uid.ok).toBe(false);
  });

  it('accepts exactly what the SDK accepts under random mutations of SDK-produced attestations', async () => {
    const outcomes = { accepted: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.nat(5),
        fc.array(mutation, { maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(wallet.address, wallet.address, wallet.address.toLowerCase(), otherWallet.address, zeroAddress),
        async (baseIndex, mutations, resign, recomputeUid, signer) => {
          const attestation = structuredClone(bases[baseIndex]!);
          for (const mutate of mutations) mutate(attestation);
          if (resign) await signAgain(attestation);
          if (recomputeUid) uidAgain(attestation);
          const expected = sdkAccepts(attestation, signer);
          expect(oursAccepts(attestation, signer), JSON.stringify({ attestation, signer })).toBe(expected);
          outcomes[expected ? 'accepted' : 'rejected'] += 1;
        },
      ),
      { numRuns: 400 },
    );
    // The property says little unless both outcomes are common.
    expect(outcomes.accepted).toBeGreaterThan(60);
    expect(outcomes.rejected).toBeGreaterThan(60);
  }, 120_000);
});

type Mutation = (attestation: AttestationJson) => void;

const hexOf = (length: number) => fc.uint8Array({ minLength: length, maxLength: length }).map((bytes) => bytesToHex(bytes));
const uintText = fc.oneof(
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((value) => value.toString()),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((value) => `0x${value.toString(16)}`),
  fc.nat().map((value): string | number => value),
  fc.constantFrom('18446744073709551616', '0x10000000000000000', `0x${'f'.repeat(64)}`),
);
const setMessage = (field: string, value: unknown): Mutation => (attestation) => {
  attestation.message[field] = value;
};
const fieldNames = ['version', 'schema', 'recipient', 'time', 'expirationTime', 'revocable', 'refUID', 'data', 'salt'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Message fields.
  hexOf(32).map((value) => setMessage('schema', value)),
  hexOf(20).map((value) => setMessage('recipient', value)),
  uintText.map((value) => setMessage('time', value)),
  uintText.map((value) => setMessage('expirationTime', value)),
  fc.constant<Mutation>((attestation) => {
    attestation.message.revocable = !attestation.message.revocable;
  }),
  hexOf(32).map((value) => setMessage('refUID', value)),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => setMessage('data', bytesToHex(bytes))),
  hexOf(32).map((value) => setMessage('salt', value)),
  fc.oneof(fc.nat(3), fc.constantFrom(65_535, 65_536, 1_000_000)).map((value) => setMessage('version', value)),
  fc.constantFrom('salt', 'version').map((field): Mutation => (attestation) => {
    delete attestation.message[field];
  }),
  // Signature.
  hexOf(32).map((r): Mutation => (attestation) => {
    attestation.signature.r = r;
  }),
  hexOf(32).map((s): Mutation => (attestation) => {
    attestation.signature.s = s;
  }),
  fc.constantFrom(0, 1, 2, 26, 27, 28, 29, 35, 36, 255).map((v): Mutation => (attestation) => {
    attestation.signature.v = v;
  }),
  // The pair's other s (n − s) with the other parity: the same key recovers, but ethers refuses s ≥ 2^255.
  fc.constant<Mutation>((attestation) => {
    const { r, s, v } = attestation.signature;
    attestation.signature = { r, s: numberToHex(secp256k1.CURVE.n - BigInt(s), { size: 32 }), v: v === 27 ? 28 : 27 };
  }),
  // The UID.
  hexOf(32).map((uid): Mutation => (attestation) => {
    attestation.uid = uid;
  }),
  // The domain.
  fc.constantFrom('EAS', 'EAS Attestation ', 'Attestation').map((name): Mutation => (attestation) => {
    attestation.domain.name = name;
  }),
  fc.constantFrom('', '0.26', '1.0.0', '9').map((version): Mutation => (attestation) => {
    attestation.domain.version = version;
  }),
  fc.constantFrom('1', '31338', 31337).map((chainId): Mutation => (attestation) => {
    attestation.domain.chainId = chainId;
  }),
  hexOf(20).map((contract): Mutation => (attestation) => {
    attestation.domain.verifyingContract = contract;
  }),
  // The types and primaryType.
  fc.constantFrom('Attest', 'Attestation', 'Other').map((primaryType): Mutation => (attestation) => {
    attestation.primaryType = primaryType;
  }),
  fc.constantFrom(0 as const, 1 as const, 2 as const).map((version): Mutation => (attestation) => {
    const layout = offchainLayouts[version][0]!;
    attestation.types = { [layout.structName]: layout.fields.map(({ name, type }) => ({ name, type })) };
  }),
  fc.tuple(fc.nat(8), fc.constantFrom('drop', 'swap', 'rename', 'retype')).map(([index, change]): Mutation => (attestation) => {
    const fields = Object.values(attestation.types)[0]!;
    const at = index % fields.length;
    if (change === 'drop') fields.splice(at, 1);
    else if (change === 'swap') [fields[at], fields[(at + 1) % fields.length]] = [fields[(at + 1) % fields.length]!, fields[at]!];
    else if (change === 'rename') fields[at] = { ...fields[at]!, name: fieldNames.find((name) => !fields.some((field) => field.name === name)) ?? 'extra' };
    else fields[at] = { ...fields[at]!, type: fields[at]!.type === 'uint64' ? 'uint256' : 'uint64' };
  }),
  fc.constant<Mutation>((attestation) => {
    const [name, fields] = Object.entries(attestation.types)[0]!;
    attestation.types = { [name === 'Attest' ? 'Attestation' : 'Attest']: fields };
  }),
  fc.constant<Mutation>((attestation) => {
    attestation.types.EIP712Domain = [
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ];
  }),
  // The attestation's version.
  fc.constantFrom(undefined, 0, 1, 2, 3).map((version): Mutation => (attestation) => {
    if (version === undefined) delete attestation.version;
    else attestation.version = version;
  }),
);

/** Signs the (mutated) domain, types and message again, so mutations can also yield valid attestations. */
async function signAgain(attestation: AttestationJson): Promise<void> {
  try {
    const { r, s, v } = Signature.from(await wallet.signTypedData(attestation.domain, attestation.types, attestation.message));
    attestation.signature = { r, s, v };
  } catch {
    // Types ethers cannot sign: keep the old signature.
  }
}

/** Recomputes the UID with the SDK for the (mutated) message, when it can. */
function uidAgain(attestation: AttestationJson): void {
  const { schema, recipient, time, expirationTime, revocable, refUID, data, salt } = attestation.message as Record<string, never>;
  try {
    attestation.uid = Offchain.getOffchainUID(attestation.version ?? 0, schema, recipient, time, expirationTime, revocable, refUID, data, salt);
  } catch {
    // Fields the SDK cannot pack: keep the old UID.
  }
}
