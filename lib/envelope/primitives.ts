import { isAddress } from 'viem';
import { z } from 'zod';

/** `0x` and any even number of hex digits. */
export const hexBytes = z
  .string()
  .regex(/^0x(?:[0-9a-fA-F]{2})*$/, 'must be 0x-prefixed hex bytes')
  .transform((value) => value as `0x${string}`);

/** Exactly 32 bytes: `0x` and 64 hex digits. */
export const bytes32 = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, 'must be 0x and exactly 64 hex digits')
  .transform((value) => value.toLowerCase() as `0x${string}`);

/**
 * 32 bytes kept exactly as written. The EAS SDK hashes an off-chain
 * attestation's schema id as text into its UID, so its spelling matters.
 */
export const bytes32AsWritten = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, 'must be 0x and exactly 64 hex digits')
  .transform((value) => value as `0x${string}`);

/** An EVM address; mixed case must be a valid EIP-55 checksum. */
export const address = z
  .string()
  .refine((value) => isAddress(value), 'must be a 0x address (40 hex digits, valid checksum if mixed case)')
  .transform((value) => value.toLowerCase() as `0x${string}`);

export const chainId = z
  .number()
  .int('must be a whole number')
  .positive('must be positive')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

export const unixSeconds = z
  .number()
  .int('must be whole unix seconds')
  .nonnegative('must not be negative')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

/**
 * A uint of up to 256 bits written as a JSON number, a decimal string or a
 * 0x-hex string (spec §3c). Read as a bigint.
 */
export const uint = z
  .union([
    z.number().int('must be a whole number').nonnegative('must not be negative').max(Number.MAX_SAFE_INTEGER, 'is beyond exact JSON numbers; write it as a string'),
    z.string().regex(/^(?:0|[1-9][0-9]{0,77}|0x[0-9a-fA-F]{1,64})$/, 'must be a decimal or 0x-hex unsigned integer'),
  ])
  .transform((value) => BigInt(value))
  .refine((value) => value < 2n ** 256n, 'does not fit in 256 bits');

/** Standard or URL-safe base64, padding optional. */
export const base64 = z
  .string()
  .min(1, 'must not be empty')
  .regex(/^[A-Za-z0-9+/_-]+={0,2}$/, 'must be base64');
