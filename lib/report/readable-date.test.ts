import { describe, expect, it } from 'vitest';
import { readableDate } from './readable-date';

describe('readableDate', () => {
  it('writes a time as a reader does, in UTC, to the minute', () => {
    expect(readableDate(Date.UTC(2026, 11, 4, 14, 5, 59, 999))).toBe('4 December 2026, 14:05 UTC');
    expect(readableDate('2026-01-09T00:00:00.000+02:00')).toBe('8 January 2026, 22:00 UTC');
    expect(readableDate(new Date(Date.UTC(2027, 0, 31, 9, 7)))).toBe('31 January 2027, 09:07 UTC');
  });

  it('gives back what it cannot read', () => {
    expect(readableDate('not a time')).toBe('not a time');
  });
});
