import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidBase64Error } from '../og/errors';
import { base64ToBytes, bytesToBase64url } from './base64';

function standardBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

describe('base64ToBytes', () => {
  it('decodes standard base64, with or without padding, and its URL-safe form', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const padded = standardBase64(bytes);
        const unpadded = padded.replace(/=+$/, '');
        const urlSafe = unpadded.replace(/\+/g, '-').replace(/\//g, '_');
        for (const text of [padded, unpadded, urlSafe]) expect(base64ToBytes(text)).toEqual(bytes);
      }),
    );
  });

  it('decodes the bytes that differ between the two alphabets', () => {
    expect(base64ToBytes('+/8=')).toEqual(new Uint8Array([0xfb, 0xff]));
    expect(base64ToBytes('-_8')).toEqual(new Uint8Array([0xfb, 0xff]));
  });

  it.each([
    ['a length of 4n+1', 'QUJDR'],
    ['padding inside', 'QQ==QQ=='],
    ['too much padding', 'QQ==='],
    ['partial padding', 'QQ='],
    ['whitespace', 'QUJD RA=='],
    ['a foreign character', 'QUJD*A=='],
    ['bits set past the last byte', 'QR'],
    ['bits set past the last byte, padded', 'QUJDRB=='],
  ])('rejects %s with InvalidBase64Error', (_, text) => {
    expect(() => base64ToBytes(text)).toThrow(InvalidBase64Error);
  });
});

describe('bytesToBase64url', () => {
  it('writes unpadded base64url that base64ToBytes reads back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = bytesToBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
    );
  });
});
