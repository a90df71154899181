import { describe, expect, it } from 'vitest';
import { contrastRatio, paintOver, parseColour } from './text-colour';

describe('parseColour', () => {
  it('reads computed sRGB colours, comma and space syntax, alpha as number or percentage', () => {
    expect(parseColour('rgb(29, 29, 31)')).toEqual({ red: 29, green: 29, blue: 31, alpha: 1 });
    expect(parseColour('rgba(0, 0, 0, 0.06)')).toEqual({ red: 0, green: 0, blue: 0, alpha: 0.06 });
    expect(parseColour('rgb(255 0 0 / 50%)')).toEqual({ red: 255, green: 0, blue: 0, alpha: 0.5 });
    expect(parseColour('transparent')?.alpha).toBe(0);
  });

  it('does not guess other spaces or nonsense', () => {
    expect(parseColour('oklch(0.5 0.1 20)')).toBeUndefined();
    expect(parseColour('color(display-p3 1 0 0)')).toBeUndefined();
    expect(parseColour('rgb(a, b, c)')).toBeUndefined();
  });
});

describe('contrast', () => {
  const white = { red: 255, green: 255, blue: 255, alpha: 1 };
  const black = { red: 0, green: 0, blue: 0, alpha: 1 };
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio(black, white)).toBeCloseTo(21, 5);
    expect(contrastRatio(white, white)).toBe(1);
  });

  it('composites alpha and opacity over what is behind', () => {
    expect(paintOver({ ...black, alpha: 0.5 }, white).red).toBeCloseTo(127.5, 5);
    expect(paintOver(black, white, 0.1).red).toBeCloseTo(229.5, 5);
  });
});
