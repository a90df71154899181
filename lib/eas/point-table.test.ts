import { secp256k1 } from '@noble/curves/secp256k1';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPointTable, multiplyWithTable } from './point-table';

const { ProjectivePoint, CURVE } = secp256k1;
const point = ProjectivePoint.BASE.multiply(0x5eed_cafe_f00dn);

describe('multiplyWithTable', () => {
  const tables = [4, 6, 8].map((window) => buildPointTable(point, window));

  it("equals noble's multiplication for any scalar below the curve order, for each window", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: CURVE.n - 1n }), (scalar) => {
        const expected = point.multiply(scalar);
        for (const table of tables) expect(multiplyWithTable(table, scalar).equals(expected)).toBe(true);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('handles the edges: zero, one, n − 1, and digits that carry into the extra row', () => {
    const carries = (1n << 256n) - 1n - (1n << 200n); // all-ones windows borrow from every next window
    for (const table of tables) {
      expect(multiplyWithTable(table, 0n).equals(ProjectivePoint.ZERO)).toBe(true);
      expect(multiplyWithTable(table, 1n).equals(point)).toBe(true);
      expect(multiplyWithTable(table, CURVE.n - 1n).equals(point.negate())).toBe(true);
      expect(multiplyWithTable(table, carries).equals(point.multiply(carries % CURVE.n))).toBe(true);
    }
  });
});
