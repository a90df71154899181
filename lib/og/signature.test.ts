import { constants, generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { bytesToHex, hexToBytes, type Hex } from 'viem';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { teeMessageHash } from './message-hash';
import { verifyTeeSignature } from './signature';

type KeyPair = { publicKeyDer: Uint8Array; privateKey: CryptoKey };

async function generateRsaPssKeyPair(): Promise<KeyPair> {
  const keys = await crypto.subtle.generateKey(
    { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  return { publicKeyDer: new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey)), privateKey: keys.privateKey };
}

async function signWithWebCrypto(privateKey: CryptoKey, messageHash: Hex, saltLength = 32): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign({ name: 'RSA-PSS', saltLength }, privateKey, new Uint8Array(hexToBytes(messageHash))));
}

const messageHash = teeMessageHash({ inputHash: `0x${'a1'.repeat(32)}`, outputHash: `0x${'b2'.repeat(32)}`, timestamp: 1_750_000_000 });
const otherMessageHash = teeMessageHash({ inputHash: `0x${'a1'.repeat(32)}`, outputHash: `0x${'b2'.repeat(32)}`, timestamp: 1_750_000_001 });

describe('verifyTeeSignature', () => {
  let tee: KeyPair;
  let otherKey: KeyPair;
  let signature: Uint8Array;

  beforeAll(async () => {
    [tee, otherKey] = await Promise.all([generateRsaPssKeyPair(), generateRsaPssKeyPair()]);
    signature = await signWithWebCrypto(tee.privateKey, messageHash);
  });

  it('accepts the signature of the message hash by the key, DER given as bytes or hex', async () => {
    expect(await verifyTeeSignature({ publicKeyDer: tee.publicKeyDer, messageHash, signature })).toBe(true);
    expect(await verifyTeeSignature({ publicKeyDer: bytesToHex(tee.publicKeyDer), messageHash, signature })).toBe(true);
  });

  it('imports each key once, however many signatures it checks', async () => {
    const { publicKeyDer } = await generateRsaPssKeyPair();
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    try {
      for (let i = 0; i < 3; i++) expect(await verifyTeeSignature({ publicKeyDer, messageHash, signature })).toBe(false);
      expect(importKey).toHaveBeenCalledTimes(1);
    } finally {
      importKey.mockRestore();
    }
  });

  it('accepts a signature made by another implementation (OpenSSL through node:crypto) with PSS salt 32', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 65537 });
    const openSslSignature = nodeSign('sha256', hexToBytes(messageHash), {
      key: privateKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: 32,
    });
    const der = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
    expect(await verifyTeeSignature({ publicKeyDer: der, messageHash, signature: new Uint8Array(openSslSignature) })).toBe(true);
  });

  it('rejects another message', async () => {
    expect(await verifyTeeSignature({ publicKeyDer: tee.publicKeyDer, messageHash: otherMessageHash, signature })).toBe(false);
  });

  it('rejects a signature with any one byte changed', async () => {
    for (const index of [0, 100, signature.length - 1]) {
      const tampered = signature.slice();
      tampered[index]! ^= 0x01;
      expect(await verifyTeeSignature({ publicKeyDer: tee.publicKeyDer, messageHash, signature: tampered })).toBe(false);
    }
  });

  it('rejects another key', async () => {
    expect(await verifyTeeSignature({ publicKeyDer: otherKey.publicKeyDer, messageHash, signature })).toBe(false);
  });

  it('rejects a signature made with another salt length', async () => {
    const saltTwenty = await signWithWebCrypto(tee.privateKey, messageHash, 20);
    expect(await verifyTeeSignature({ publicKeyDer: tee.publicKeyDer, messageHash, signature: saltTwenty })).toBe(false);
  });

  it('returns false, never throws, for a truncated, empty or oversized signature', async () => {
    for (const bad of [signature.slice(0, 255), new Uint8Array(), new Uint8Array([...signature, 0])]) {
      expect(await verifyTeeSignature({ publicKeyDer: tee.publicKeyDer, messageHash, signature: bad })).toBe(false);
    }
  });

  it('returns false, never throws, for a key that is not an RSA SPKI', async () => {
    const ecKey = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const ecDer = new Uint8Array(await crypto.subtle.exportKey('spki', ecKey.publicKey));
    for (const badKey of [ecDer, new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]), new Uint8Array(), tee.publicKeyDer.slice(0, 100)]) {
      expect(await verifyTeeSignature({ publicKeyDer: badKey, messageHash, signature })).toBe(false);
    }
    expect(await verifyTeeSignature({ publicKeyDer: '0xzz' as Hex, messageHash, signature })).toBe(false);
  });
});
