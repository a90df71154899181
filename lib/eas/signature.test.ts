import { secp256k1 } from '@noble/curves/secp256k1';
import { Signature as EthersSignature, SigningKey, getAddress as ethersGetAddress, recoverAddress as ethersRecoverAddress } from 'ethers';
import fc from 'fast-check';
import { bytesToHex, numberToHex, type Address, type Hex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { verifySignature, type EcdsaSignature } from './signature';

const { n } = secp256k1.CURVE;
const privateKeys: Hex[] = [`0x${'01'.repeat(32)}`, `0x${'02'.repeat(32)}`, `0x${'03'.repeat(32)}`];
const signers = privateKeys.map((key) => privateKeyToAddress(key));
const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 });
const word = (value: bigint) => numberToHex(value, { size: 32 });

function sign(privateKey: Hex, digest: Uint8Array): EcdsaSignature {
  const signature = new SigningKey(privateKey).sign(digest);
  return { r: signature.r as Hex, s: signature.s as Hex, v: signature.v };
}

/** What the SDK does with a signature: ethers' Signature.from(...).serialized, then recoverAddress. A throw rejects. */
function ethersRecovers(digest: Uint8Array, { r, s, v }: EcdsaSignature): string | undefined {
  try {
    return ethersGetAddress(ethersRecoverAddress(digest, EthersSignature.from({ r, s, v }).serialized));
  } catch {
    return undefined;
  }
}

const mutation = fc.oneof(
  { arbitrary: fc.constant((signature: EcdsaSignature) => signature), weight: 8 },
  fc.constant((signature: EcdsaSignature) => ({ ...signature, v: signature.v === 27 ? 28 : 27 })),
  fc.constantFrom(0, 1, 2, 26, 29, 34, 35, 36, 37, 38, 255).map((v) => (signature: EcdsaSignature) => ({ ...signature, v })),
  // The other s of the pair (n − s) with the other parity: same key, but ethers refuses s ≥ 2^255.
  fc.constant((signature: EcdsaSignature) => ({ r: signature.r, s: word(n - BigInt(signature.s)), v: signature.v === 27 ? 28 : 27 })),
  bytes32.map((bytes) => (signature: EcdsaSignature) => ({ ...signature, r: bytesToHex(bytes) })),
  bytes32.map((bytes) => (signature: EcdsaSignature) => ({ ...signature, s: bytesToHex(bytes) })),
  fc.constantFrom(0n, n, n + 1n, 2n ** 256n - 1n).map((value) => (signature: EcdsaSignature) => ({ ...signature, s: word(value) })),
  fc.constantFrom(0n, n).map((value) => (signature: EcdsaSignature) => ({ ...signature, r: word(value) })),
);

describe('verifySignature', () => {
  it('accepts exactly what ethers (the SDK) accepts, for the true signer and for others', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.nat(privateKeys.length - 1), fc.nat(3), bytes32, mutation, (keyIndex, claimedOffset, digest, mutate) => {
        const signature = mutate(sign(privateKeys[keyIndex]!, digest));
        // Mostly the true signer; sometimes another one.
        const signer = signers[(keyIndex + Math.max(0, claimedOffset - 2)) % signers.length]!;
        const recovered = ethersRecovers(digest, signature);
        const result = verifySignature({ digest, signature, signer });
        expect(result.ok).toBe(recovered === ethersGetAddress(signer));
        // Someone else's signature must name the same someone else: our recovery is ethers'.
        if (recovered && !result.ok) expect(result.reason).toBe(`Signed by ${recovered}, not by the stated signer.`);
        if (result.ok) accepted += 1;
      }),
      { numRuns: 400 },
    );
    // The property says little unless both outcomes occur often.
    expect(accepted).toBeGreaterThan(40);
    expect(accepted).toBeLessThan(360);
  }, 120_000);

  it('gives the same answers to the same signatures on every repetition', () => {
    const privateKey: Hex = `0x${'42'.repeat(32)}`;
    const signer = privateKeyToAddress(privateKey);
    const cases = Array.from({ length: 6 }, (_, index) => {
      const digest = new Uint8Array(32).fill(index + 1);
      const good = sign(privateKey, digest);
      return { digest, good, flipped: { ...good, v: good.v === 27 ? 28 : 27 } };
    });
    for (let round = 0; round < 3; round++) {
      for (const { digest, good, flipped } of cases) {
        expect(verifySignature({ digest, signature: good, signer })).toEqual({ ok: true });
        expect(verifySignature({ digest, signature: flipped, signer }).ok).toBe(false);
        expect(verifySignature({ digest: digest.map((byte) => byte ^ 1), signature: good, signer }).ok).toBe(false);
      }
    }
  });

  it('names who did sign when it is someone else, and takes any letter case of the signer', () => {
    const digest = new Uint8Array(32).fill(7);
    const signature = sign(privateKeys[0]!, digest);
    expect(verifySignature({ digest, signature, signer: signers[1]! })).toEqual({
      ok: false,
      reason: `Signed by ${signers[0]}, not by the stated signer.`,
    });
    expect(verifySignature({ digest, signature, signer: signers[0]!.toLowerCase() as Address }).ok).toBe(true);
  });

  it('reads EIP-155 v values as ethers does: odd is recovery bit 0, even is 1', () => {
    const digest = new Uint8Array(32).fill(9);
    const signature = sign(privateKeys[2]!, digest);
    const bit = signature.v - 27;
    expect(verifySignature({ digest, signature: { ...signature, v: bit }, signer: signers[2]! }).ok).toBe(true);
    expect(verifySignature({ digest, signature: { ...signature, v: bit === 0 ? 37 : 38 }, signer: signers[2]! }).ok).toBe(true);
    expect(verifySignature({ digest, signature: { ...signature, v: bit === 0 ? 38 : 37 }, signer: signers[2]! }).ok).toBe(false);
    expect(verifySignature({ digest, signature: { ...signature, v: 29 }, signer: signers[2]! })).toMatchObject({ ok: false, reason: "The signature's v (29) is not 0, 1, 27, 28 or an EIP-155 value." });
  });
});
