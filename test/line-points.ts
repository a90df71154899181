import { expect } from 'vitest';

/**
 * Expects the points a cover check took on one line (cover-check.ts): at its
 * middle height, three of them, one in each third of the line's middle four
 * fifths, left to right.
 */
export function expectPointsAcrossLine(points: readonly (readonly [number, number])[], line: { left: number; right: number; y: number }): void {
  expect(points).toHaveLength(3);
  const part = ((line.right - line.left) * 0.8) / 3;
  points.forEach(([x, y], index) => {
    const start = line.left + (line.right - line.left) * 0.1 + part * index;
    expect(y).toBe(line.y);
    expect(x).toBeGreaterThanOrEqual(start);
    expect(x).toBeLessThan(start + part);
  });
}
