import { describe, expect, it } from 'vitest';
import { markColours, markSymbols, personalMarkFrom, personalMarkName, randomPersonalMark } from './personal-mark';

describe('personal mark', () => {
  it('reads back only marks of ours', () => {
    expect(personalMarkFrom({ colour: 'blue', symbol: 'star' })).toEqual({ colour: 'blue', symbol: 'star' });
    for (const value of [undefined, null, 'blue star', { colour: 'blue' }, { colour: 'toString', symbol: 'star' }, { colour: 'blue', symbol: '__proto__' }]) {
      expect(personalMarkFrom(value)).toBeUndefined();
    }
  });

  it('chooses among all 64 marks', () => {
    const seen = new Set<string>();
    for (let draw = 0; draw < 2_000; draw += 1) {
      const mark = randomPersonalMark();
      expect(personalMarkFrom(mark)).toEqual(mark);
      seen.add(`${mark.colour}/${mark.symbol}`);
    }
    expect(seen.size).toBe(Object.keys(markColours).length * Object.keys(markSymbols).length);
  });

  it('draws each colour at 3:1 or more on white and on the dark card', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light! + 0.05) / (dark! + 0.05);
    };
    for (const { name, value } of Object.values(markColours)) {
      expect(contrast(value, '#ffffff'), name).toBeGreaterThanOrEqual(3);
      expect(contrast(value, '#0f172a'), name).toBeGreaterThanOrEqual(3);
    }
  });

  it('names a mark in words', () => {
    expect(personalMarkName({ colour: 'violet', symbol: 'diamond' })).toBe('Violet diamond');
  });
});
