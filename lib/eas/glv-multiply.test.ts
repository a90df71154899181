import { secp256k1 } from '@noble/curves/secp256k1';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { glvMultiply } from './glv-multiply';

const { ProjectivePoint, CURVE } = secp256k1;
const scalar = fc.bigInt({ min: 1n, max: CURVE.n - 1n });

describe('glvMultiply', () => {
  it("equals noble's multiplication for any point and scalar", () => {
    fc.assert(
      fc.property(scalar, scalar, (pointScalar, multiplier) => {
        const point = ProjectivePoint.BASE.multiply(pointScalar);
        expect(glvMultiply(point, multiplier).equals(point.multiply(multiplier))).toBe(true);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('handles zero, one, n − 1, λ and scalars whose halves come out negative', () => {
    const point = ProjectivePoint.BASE.multiply(0xfeedn);
    // λ, the eigenvalue of the endomorphism on this curve: splits into k1 = 0, k2 = 1.
    const lambda = 0x5363ad4cc05c30e0a5261c028812645a122e22ea20816678df02967c1b23bd72n;
    expect(glvMultiply(point, 0n).equals(ProjectivePoint.ZERO)).toBe(true);
    expect(glvMultiply(point, 1n).equals(point)).toBe(true);
    expect(glvMultiply(point, CURVE.n - 1n).equals(point.negate())).toBe(true);
    for (const multiplier of [lambda, CURVE.n - lambda, 2n ** 128n, 2n ** 255n, (CURVE.n >> 1n) + 1n]) {
      const { k1neg, k2neg } = CURVE.endo!.splitScalar(multiplier % CURVE.n);
      expect([k1neg, k2neg, glvMultiply(point, multiplier % CURVE.n).equals(point.multiply(multiplier % CURVE.n))]).toEqual([k1neg, k2neg, true]);
    }
  });
});
