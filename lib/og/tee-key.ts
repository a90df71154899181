import { keccak256, sha256, type ByteArray, type Hex } from 'viem';

/** A TEE's id: keccak256 of its DER SubjectPublicKeyInfo, as TEERegistry computes it. */
export function teeIdOf(publicKeyDer: Hex | ByteArray): Hex {
  return keccak256(publicKeyDer);
}

/**
 * SHA-256 of the DER public key as 64 hex digits without `0x`: the usual way
 * to show a key, and unlike the teeId it cannot be mistaken for an EVM value.
 */
export function keyFingerprint(publicKeyDer: Hex | ByteArray): string {
  return sha256(publicKeyDer).slice(2);
}
