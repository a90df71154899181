import { describe, expect, it } from 'vitest';
import { excerptOf } from './tab-records';

describe('excerptOf', () => {
  it('keeps short texts and cuts long ones at a word', () => {
    expect(excerptOf('Short.')).toBe('Short.');
    const long = 'word '.repeat(60).trim();
    const excerpt = excerptOf(long);
    expect(excerpt.length).toBeLessThanOrEqual(160);
    expect(excerpt).toMatch(/word…$/);
  });
});
