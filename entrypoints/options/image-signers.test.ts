import { describe, expect, it } from 'vitest';
import { makeTestSigningChain } from '../../test/generators/c2pa-test-pki';
import { readerSignersOf, withSignerRemoved, withSignersAdded } from './image-signers';

const first = makeTestSigningChain('First Signer Org').rootPem;
const second = makeTestSigningChain('Second Signer Org').rootPem;

describe('the reader’s image signers', () => {
  it('adds certificates once each, lists them by name, and removes one', () => {
    const once = withSignersAdded('', first);
    expect(once.added).toBe(1);
    const both = withSignersAdded(once.pem, `${first}\n${second}`);
    expect(both.added).toBe(1);
    expect(readerSignersOf(both.pem).map(({ name }) => name)).toEqual(['First Signer Org Root CA', 'Second Signer Org Root CA']);
    const removed = withSignerRemoved(both.pem, readerSignersOf(both.pem)[0]!.pem);
    expect(readerSignersOf(removed).map(({ name }) => name)).toEqual(['Second Signer Org Root CA']);
  });

  it('refuses text that is not certificates and keeps what was there', () => {
    expect(() => withSignersAdded(first, 'not a certificate')).toThrow(/^No certificate found/);
    expect(readerSignersOf('garbage')).toEqual([]);
  });
});
