import type { ProjPointType } from '@noble/curves/abstract/weierstrass';
import { secp256k1 } from '@noble/curves/secp256k1';

export type Point = ProjPointType<bigint>;

const { ProjectivePoint } = secp256k1;

/**
 * Multiples of one point for signed fixed windows of `window` bits: row j
 * holds d·2^(window·j)·P for d = 1 … 2^(window−1). A scalar is then the sum
 * of one entry per window, with no doublings: several times faster than a
 * fresh multiplication once the table is built.
 */
export type PointTable = { readonly window: number; readonly rows: readonly (readonly Point[])[] };

/** Builds the table for `point`; cost grows as 2^window / window. */
export function buildPointTable(point: Point, window: number): PointTable {
  const half = 1 << (window - 1);
  // One row more than the scalar's windows, for the carry of the last digit.
  const rowCount = Math.ceil(256 / window) + 1;
  const rows: Point[][] = [];
  let base = point;
  for (let row = 0; row < rowCount; row++) {
    const multiples = [base];
    for (let digit = 2; digit <= half; digit++) multiples.push(multiples[multiples.length - 1]!.add(base));
    rows.push(ProjectivePoint.normalizeZ(multiples));
    for (let bit = 0; bit < window; bit++) base = base.double();
  }
  return { window, rows };
}

/**
 * scalar·P for a scalar below 2^256. Not constant-time: for public values
 * only (signature checks), never for secrets.
 */
export function multiplyWithTable({ window, rows }: PointTable, scalar: bigint): Point {
  const size = 1 << window;
  const half = size >> 1;
  const mask = BigInt(size - 1);
  const shift = BigInt(window);
  let sum = ProjectivePoint.ZERO;
  let rest = scalar;
  for (let row = 0; rest > 0n; row++) {
    // Signed digits in [−half, half): a digit of half or more borrows from the next window.
    let digit = Number(rest & mask);
    rest >>= shift;
    if (digit >= half) {
      digit -= size;
      rest += 1n;
    }
    if (digit > 0) sum = sum.add(rows[row]![digit - 1]!);
    else if (digit < 0) sum = sum.add(rows[row]![-digit - 1]!.negate());
  }
  return sum;
}
