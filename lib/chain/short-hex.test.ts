import { describe, expect, it } from 'vitest';
import { shortHex } from './short-hex';

describe('shortHex', () => {
  it('keeps the first four and last four digits of a long hex value', () => {
    expect(shortHex(`0x1234${'0'.repeat(56)}abcd`)).toBe('0x1234…abcd');
  });

  it('leaves a short value whole', () => {
    expect(shortHex('0x12345678abcd')).toBe('0x12345678abcd');
  });
});
