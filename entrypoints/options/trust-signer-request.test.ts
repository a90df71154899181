import { describe, expect, it } from 'vitest';
import { trustSignerRequest } from './trust-signer-request';

describe('trustSignerRequest', () => {
  it('reads the address a card asks about, lowercased', () => {
    expect(trustSignerRequest(`#trust=0x${'AB'.repeat(20)}`)).toBe(`0x${'ab'.repeat(20)}`);
  });

  it('reads nothing else', () => {
    for (const hash of ['', '#trust=', `#trust=0x${'ab'.repeat(19)}`, `#trust=0x${'ab'.repeat(20)}&x`, `#other=0x${'ab'.repeat(20)}`]) {
      expect(trustSignerRequest(hash), hash).toBeUndefined();
    }
  });
});
