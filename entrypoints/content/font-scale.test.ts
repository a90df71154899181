import { describe, expect, it } from 'vitest';
import { adjustedScaleOf, familiesOf, fontScaleDoubtOf, shrunkFamiliesOf } from './font-scale';

describe('shrunkFamiliesOf', () => {
  it('keeps the smallest size-adjust of each family under 100 %, by its unquoted lowercased name', () => {
    const shrunk = shrunkFamiliesOf([
      { family: '"Body Font"', sizeAdjust: '100%' },
      { family: 'Fallback', sizeAdjust: '96.5%' },
      { family: '"Tiny"', sizeAdjust: '40%' },
      // One face of the family covers only a few letters (unicode-range): it counts as much as the others.
      { family: 'tiny', sizeAdjust: '5%' },
      { family: 'Large', sizeAdjust: '140%' },
      { family: 'Old', sizeAdjust: undefined },
    ]);
    expect([...shrunk]).toEqual([
      ['fallback', 0.965],
      ['tiny', 0.05],
    ]);
  });
});

describe('familiesOf', () => {
  it('splits a computed font-family, quoted names with commas and escapes included', () => {
    expect(familiesOf('"Shrunk, Tall", Arial, \'It\\\'s\', sans-serif')).toEqual(['shrunk, tall', 'arial', "it's", 'sans-serif']);
    expect(familiesOf('')).toEqual([]);
  });
});

describe('adjustedScaleOf', () => {
  it('reads font-size-adjust against a usual font, and leaves none and from-font alone', () => {
    expect(adjustedScaleOf('none')).toBe(1);
    expect(adjustedScaleOf('from-font')).toBe(1);
    expect(adjustedScaleOf('ex-height from-font')).toBe(1);
    expect(adjustedScaleOf('0.5')).toBe(1);
    expect(adjustedScaleOf('0.02')).toBeCloseTo(0.04);
    expect(adjustedScaleOf('cap-height 0.07')).toBeCloseTo(0.1);
  });
});

/** A computed style holding these values, and none for the rest. */
const computed = (values: Record<string, string>) => ({ getPropertyValue: (property: string) => values[property] ?? '' });

describe('fontScaleDoubtOf', () => {
  const shrunk = shrunkFamiliesOf([
    { family: 'shrunk-tall', sizeAdjust: '5%' },
    { family: 'matched-fallback', sizeAdjust: '95%' },
  ]);

  it('doubts text whose listed family shrinks its glyphs under 6 px, wherever it stands in the list', () => {
    expect(fontScaleDoubtOf(computed({ 'font-size': '16px', 'font-family': '"Shrunk-Tall"' }), shrunk)).toBe('small');
    expect(fontScaleDoubtOf(computed({ 'font-size': '16px', 'font-family': 'Inter, shrunk-tall, sans-serif' }), shrunk)).toBe('small');
  });

  it('doubts font-size-adjust that scales glyphs under 6 px, whatever the face', () => {
    expect(fontScaleDoubtOf(computed({ 'font-size': '16px', 'font-family': 'sans-serif', 'font-size-adjust': '0.02' }), shrunk)).toBe('small');
  });

  it('reads only font-size-adjust of text on a page that shrinks no family, the usual page', () => {
    const read: string[] = [];
    const style = { getPropertyValue: (property: string) => (read.push(property), property === 'font-size-adjust' ? 'none' : '16px') };
    expect(fontScaleDoubtOf(style, new Map())).toBeUndefined();
    expect(read).toEqual(['font-size-adjust']);
  });

  it('leaves fonts matched to their fallbacks, large text scaled a little, and text nothing scales', () => {
    expect(fontScaleDoubtOf(computed({ 'font-size': '16px', 'font-family': 'Inter, matched-fallback' }), shrunk)).toBeUndefined();
    expect(fontScaleDoubtOf(computed({ 'font-size': '16px', 'font-family': 'sans-serif', 'font-size-adjust': '0.45' }), shrunk)).toBeUndefined();
    // The drawn height rule judges text nothing scales: a 5 px font is its to doubt, not this one's.
    expect(fontScaleDoubtOf(computed({ 'font-size': '5px', 'font-family': 'sans-serif' }), shrunk)).toBeUndefined();
    expect(fontScaleDoubtOf(computed({ 'font-size': '160px', 'font-family': 'shrunk-tall' }), shrunk)).toBeUndefined();
  });
});
