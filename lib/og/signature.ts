import { bytesToHex, hexToBytes, type ByteArray, type Hex } from 'viem';

export type VerifyTeeSignatureParameters = {
  /** The TEE's RSA public key, DER SubjectPublicKeyInfo, as the registry stores it. */
  publicKeyDer: Hex | ByteArray;
  /** teeMessageHash(...): its 32 bytes are the signed message. */
  messageHash: Hex;
  /** The raw RSA-PSS signature bytes. */
  signature: ByteArray;
};

/**
 * Whether `signature` is an RSA-PSS (SHA-256, MGF1-SHA-256, salt length 32)
 * signature of the 32 bytes of `messageHash` by `publicKeyDer`. WebCrypto,
 * so it runs in browsers, service workers and Node alike. A key that is not
 * an RSA SPKI, or a signature of the wrong size, verifies as false: the
 * caller only needs to know the signature does not hold.
 */
export async function verifyTeeSignature({ publicKeyDer, messageHash, signature }: VerifyTeeSignatureParameters): Promise<boolean> {
  try {
    const key = await importTeeKey(publicKeyDer);
    return await crypto.subtle.verify(
      { name: 'RSA-PSS', saltLength: 32 },
      key,
      toArrayBufferBytes(signature),
      toArrayBufferBytes(messageHash),
    );
  } catch {
    return false;
  }
}

/** How many imported keys to keep: a page's proofs come from a handful of TEEs. */
const importedKeyLimit = 32;
const importedKeys = new Map<Hex, Promise<CryptoKey>>();

/**
 * The key imported once per DER: importing costs several times the
 * verification itself. A failed import is not kept.
 */
function importTeeKey(publicKeyDer: Hex | ByteArray): Promise<CryptoKey> {
  const der = typeof publicKeyDer === 'string' ? (publicKeyDer.toLowerCase() as Hex) : bytesToHex(publicKeyDer);
  const cached = importedKeys.get(der);
  if (cached) return cached;
  const imported = crypto.subtle.importKey('spki', toArrayBufferBytes(der), { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['verify']);
  importedKeys.set(der, imported);
  imported.catch(() => importedKeys.delete(der));
  if (importedKeys.size > importedKeyLimit) importedKeys.delete(importedKeys.keys().next().value!);
  return imported;
}

/** WebCrypto takes bytes over a plain ArrayBuffer, never a SharedArrayBuffer. */
function toArrayBufferBytes(value: Hex | ByteArray): Uint8Array<ArrayBuffer> {
  return new Uint8Array(typeof value === 'string' ? hexToBytes(value) : value);
}
