import { invert, mod } from '@noble/curves/abstract/modular';
import { secp256k1 } from '@noble/curves/secp256k1';
import { bytesToBigInt, bytesToHex, getAddress, hexToBigInt, keccak256, type Address, type Hex } from 'viem';
import { glvMultiply } from './glv-multiply';
import { buildPointTable, multiplyWithTable, type Point, type PointTable } from './point-table';

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
 * Public keys of signers whose signatures already verified, most recently
 * used last. Recovery spends most of its time multiplying a point that is new
 * for every signature; with the signer's key known, the same check needs only
 * multiples of the generator and of that key, both read from tables. A key's
 * table is built when the signer comes back a second time, so a page of
 * one-off signers pays nothing for it.
 */
const signerKeys = new Map<Address, { point: Point; table?: PointTable }>();
/** Each table holds about 1,400 points (6-bit windows): a few hundred kilobytes. */
const maxSignerKeys = 16;
const keyTableWindow = 6;

/** Built on first use: 4,200 points, about 30 ms and 800 kB, kept for the worker's life. */
let generatorTable: PointTable | undefined;
const generatorTableWindow = 8;

function generatorTableOf(): PointTable {
  generatorTable ??= buildPointTable(secp256k1.ProjectivePoint.BASE, generatorTableWindow);
  return generatorTable;
}

/**
 * Whether `signature` over `digest` is by `signer`, with the EAS SDK's
 * (ethers') rules: v is 0/27 or 1/28, or an EIP-155 v whose parity gives the
 * recovery bit; 0 < r, s < n and s < 2^255; the key recovered from the
 * signature must hash to `signer`.
 */
export function verifySignature({ digest, signature, signer }: VerifySignatureParameters): VerifySignatureReturnType {
  const yParity = yParityOf(signature.v);
  if (yParity === undefined) return { ok: false, reason: `The signature's v (${signature.v}) is not 0, 1, 27, 28 or an EIP-155 value.` };
  const r = hexToBigInt(signature.r);
  const s = hexToBigInt(signature.s);
  if (r === 0n || r >= n || s === 0n || s >= n) return { ok: false, reason: "The signature's r or s is not between 1 and the curve order." };
  if (s >= sBound) return { ok: false, reason: "The signature's s is not canonical (its top bit is set)." };

  const key = signer.toLowerCase() as Address;
  const known = signerKeys.get(key);
  if (known) {
    signerKeys.delete(key);
    signerKeys.set(key, known);
    known.table ??= buildPointTable(known.point, keyTableWindow);
    if (isSignedWith({ keyTable: known.table, digest, r, s, yParity })) return { ok: true };
  }

  const recovered = recoverPublicKey({ digest, r, s, yParity });
  if (!recovered) return { ok: false, reason: 'The signature does not recover to a public key.' };
  const recoveredAddress = addressOf(recovered);
  if (recoveredAddress !== key) return { ok: false, reason: `Signed by ${getAddress(recoveredAddress)}, not by the stated signer.` };
  if (!known) remember(key, recovered);
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

type SignatureScalars = { digest: Uint8Array; r: bigint; s: bigint; yParity: 0 | 1 };

/**
 * ECDSA public key recovery, as noble's Signature.recoverPublicKey computes
 * it (ethers uses that): Q = r⁻¹(sR − eG), where R is the curve point with
 * x = r and the given y parity and e is the digest modulo n. G's multiple
 * comes from the generator table and R's by GLV, about 1.5× faster.
 * Undefined when r is no point's x, or Q would be the point at infinity.
 */
function recoverPublicKey({ digest, r, s, yParity }: SignatureScalars): Point | undefined {
  let point: Point;
  try {
    point = secp256k1.ProjectivePoint.fromHex(`${yParity ? '03' : '02'}${r.toString(16).padStart(64, '0')}`);
  } catch {
    return undefined;
  }
  const e = mod(bytesToBigInt(digest), n);
  const rInverse = invert(r, n);
  const key = multiplyWithTable(generatorTableOf(), mod(-e * rInverse, n)).add(glvMultiply(point, mod(s * rInverse, n)));
  return key.equals(secp256k1.ProjectivePoint.ZERO) ? undefined : key;
}

/**
 * True exactly when recovery would return the key Q of `keyTable`. Recovery
 * computes r⁻¹(sR − eG); that is Q if and only if (e/s)G + (r/s)Q is R.
 */
function isSignedWith({ keyTable, digest, r, s, yParity }: SignatureScalars & { keyTable: PointTable }): boolean {
  const e = mod(bytesToBigInt(digest), n);
  const sInverse = invert(s, n);
  const sum = multiplyWithTable(generatorTableOf(), mod(e * sInverse, n)).add(multiplyWithTable(keyTable, mod(r * sInverse, n)));
  if (sum.equals(secp256k1.ProjectivePoint.ZERO)) return false;
  const { x, y } = sum.toAffine();
  return x === r && Number(y & 1n) === yParity;
}

function addressOf(point: Point): Address {
  return bytesToHex(keccak256(point.toRawBytes(false).subarray(1), 'bytes').subarray(12));
}

function remember(key: Address, point: Point): void {
  if (signerKeys.size >= maxSignerKeys) signerKeys.delete(signerKeys.keys().next().value!);
  signerKeys.set(key, { point });
}
