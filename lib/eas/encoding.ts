import { hexToBytes, type Hex } from 'viem';
import { OffchainFieldError } from './errors';

/** `value`, after checking that it is present and fits in `bits` unsigned bits. */
export function checkedUint(field: string, value: bigint | undefined, bits: number): bigint {
  if (value === undefined) throw new OffchainFieldError({ field, reason: 'is missing' });
  if (value < 0n || value >= 1n << BigInt(bits)) throw new OffchainFieldError({ field, reason: `does not fit in uint${bits}` });
  return value;
}

/** The bytes of `value`, after checking that it is present and, when `size` is given, exactly that long. */
export function checkedBytes(field: string, value: Hex | undefined, size?: number): Uint8Array {
  if (value === undefined) throw new OffchainFieldError({ field, reason: 'is missing' });
  const bytes = hexToBytes(value);
  if (size !== undefined && bytes.length !== size) throw new OffchainFieldError({ field, reason: `is not ${size} bytes` });
  return bytes;
}
