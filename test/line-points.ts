import { expect } from 'vitest';

/**
 * Expects the points a cover check took on one line (cover-check.ts): at its
 * middle height, three of them, one in each third of the line less a
 * quarter of its height at each end (at most a quarter of its width), left to right.
 */
export function expectPointsAcrossLine(points: readonly (readonly [number, number])[], line: { left: number; right: number; y: number; height: number }): void {
  expect(points).toHaveLength(3);
  const inset = Math.min(line.height / 4, (line.right - line.left) / 4);
  const part = (line.right - line.left - 2 * inset) / 3;
  points.forEach(([x, y], index) => {
    const start = line.left + inset + part * index;
    expect(y).toBe(line.y);
    expect(x).toBeGreaterThanOrEqual(start);
    expect(x).toBeLessThan(start + part);
  });
}
