import { secp256k1 } from '@noble/curves/secp256k1';
import type { Point } from './point-table';

const { ProjectivePoint, CURVE } = secp256k1;
const { beta, splitScalar } = CURVE.endo!;

/** Width-5 NAF: odd digits in [−15, 15], one nonzero digit in every six bits on average. */
const width = 5;
const full = 1 << width;
const half = full >> 1;
const mask = BigInt(full - 1);
/** The split halves stay below 2^128 (noble checks), so their NAFs have at most 129 digits. */
const maxDigits = 130;

/**
 * scalar·P for a point used once, such as a signature's R, by the GLV
 * method: the scalar splits into k1 + k2·λ with halves of about 128 bits,
 * and λP = (β·x, y) costs one field multiplication, so both halves share
 * one loop of 128 doublings, adding an odd multiple of P or λP at about one
 * bit in six. About 1.5× faster than noble's multiplyUnsafe. Not
 * constant-time: for public values only, never for secrets.
 */
export function glvMultiply(point: Point, scalar: bigint): Point {
  const { k1neg, k1, k2neg, k2 } = splitScalar(scalar);
  const multiples = oddMultiples(point);
  const first = k1neg ? multiples.map((multiple) => multiple.negate()) : multiples;
  const second = multiples.map((multiple) => {
    const endomorphic = new ProjectivePoint(CURVE.Fp.mul(multiple.px, beta), multiple.py, multiple.pz);
    return k2neg ? endomorphic.negate() : endomorphic;
  });
  const firstDigits = nafDigits(k1);
  const secondDigits = nafDigits(k2);

  let sum = ProjectivePoint.ZERO;
  for (let index = maxDigits - 1; index >= 0; index--) {
    sum = sum.double();
    sum = addDigit(sum, first, firstDigits[index]!);
    sum = addDigit(sum, second, secondDigits[index]!);
  }
  return sum;
}

/** P, 3P, 5P, … (half − 1)P. */
function oddMultiples(point: Point): Point[] {
  const twice = point.double();
  const multiples = [point];
  while (multiples.length < half / 2) multiples.push(multiples[multiples.length - 1]!.add(twice));
  return multiples;
}

/** The NAF digits of `scalar`, least significant first. */
function nafDigits(scalar: bigint): Int8Array {
  const digits = new Int8Array(maxDigits);
  let rest = scalar;
  for (let index = 0; rest > 0n; index++) {
    if (rest & 1n) {
      let digit = Number(rest & mask);
      if (digit >= half) digit -= full;
      digits[index] = digit;
      rest -= BigInt(digit);
    }
    rest >>= 1n;
  }
  return digits;
}

function addDigit(sum: Point, multiples: Point[], digit: number): Point {
  if (digit > 0) return sum.add(multiples[(digit - 1) >> 1]!);
  if (digit < 0) return sum.add(multiples[(-digit - 1) >> 1]!.negate());
  return sum;
}
