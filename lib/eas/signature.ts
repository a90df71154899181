import { secp256k1 } from '@noble/curves/secp256k1';
import { bytesToHex, hexToBigInt, type Address, type Hex } from 'viem';
import { publicKeyToAddress } from 'viem/accounts';

export type EcdsaSignature = { r: Hex; s: Hex; v: number };

export type VerifySignatureParameters = {
  /** The 32-byte digest that was signed. */
  digest: Uint8Array;
  signature: EcdsaSignature;
  signer: Address;
};

export type VerifySignatureReturnType = { ok: true } | { ok: false; reason: string };

const { n } = secp256k1.CURVE;
/** ethers refuses an `s` with its top bit set ("non-canonical s"), though the curve order is larger. */
const sBound = 1n << 255n;

/**
 * Whether `signature` over `digest` is by `signer`, with the EAS SDK's
 * (ethers') rules: v is 0/27 or 1/28, or an EIP-155 v whose parity gives the
 * recovery bit; 0 < r, s < n and s < 2^255; the key recovered from the
 * signature must hash to `signer`. Recovery is noble's, as in ethers and viem;
 * synchronous, unlike viem's `recoverAddress`, so that the verifiers and the
 * publisher can check a page's attestations in one pass.
 */
export function verifySignature({ digest, signature, signer }: VerifySignatureParameters): VerifySignatureReturnType {
  const yParity = yParityOf(signature.v);
  if (yParity === undefined) return { ok: false, reason: `The signature's v (${signature.v}) is not 0, 1, 27, 28 or an EIP-155 value.` };
  const r = hexToBigInt(signature.r);
  const s = hexToBigInt(signature.s);
  if (r === 0n || r >= n || s === 0n || s >= n) return { ok: false, reason: "The signature's r or s is not between 1 and the curve order." };
  if (s >= sBound) return { ok: false, reason: "The signature's s is not canonical (its top bit is set)." };

  const recovered = recoverAddress({ digest, r, s, yParity });
  if (!recovered) return { ok: false, reason: 'The signature does not recover to a public key.' };
  if (recovered.toLowerCase() !== signer.toLowerCase()) return { ok: false, reason: `Signed by ${recovered}, not by the stated signer.` };
  return { ok: true };
}

/** The recovery bit, as ethers' Signature.getNormalizedV reads v; undefined when v is not allowed. */
function yParityOf(v: number): 0 | 1 | undefined {
  if (v === 0 || v === 27) return 0;
  if (v === 1 || v === 28) return 1;
  // EIP-155 (v = 2·chainId + 35 + parity): odd stands for 27.
  if (v >= 35) return v % 2 === 1 ? 0 : 1;
  return undefined;
}

/** The checksummed address of the recovered key; undefined when r is no point's x or the key would be the point at infinity. */
function recoverAddress({ digest, r, s, yParity }: { digest: Uint8Array; r: bigint; s: bigint; yParity: 0 | 1 }): Address | undefined {
  try {
    const key = new secp256k1.Signature(r, s).addRecoveryBit(yParity).recoverPublicKey(digest);
    return publicKeyToAddress(bytesToHex(key.toRawBytes(false)));
  } catch {
    return undefined;
  }
}
