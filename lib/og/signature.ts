import { hexToBytes, type ByteArray, type Hex } from 'viem';

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
    const key = await crypto.subtle.importKey(
      'spki',
      toArrayBufferBytes(publicKeyDer),
      { name: 'RSA-PSS', hash: 'SHA-256' },
      false,
      ['verify'],
    );
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

/** WebCrypto takes bytes over a plain ArrayBuffer, never a SharedArrayBuffer. */
function toArrayBufferBytes(value: Hex | ByteArray): Uint8Array<ArrayBuffer> {
  return new Uint8Array(typeof value === 'string' ? hexToBytes(value) : value);
}
