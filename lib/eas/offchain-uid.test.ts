import fc from 'fast-check';
import { bytesToHex, type Address, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { OffchainFieldError } from './errors';
import { getOffchainUid } from './offchain-uid';
import { Offchain } from '../../test/fakes/eas-sdk';

const hexOf = (length: number) => fc.uint8Array({ minLength: length, maxLength: length }).map((bytes) => bytesToHex(bytes));
const uint64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });

const fields = fc.record({
  version: fc.constantFrom(0 as const, 1 as const, 2 as const),
  // Mixed case too: the SDK hashes the schema's text, so its spelling matters.
  schema: fc.tuple(hexOf(32), fc.boolean()).map(([hex, upper]) => (upper ? `0x${hex.slice(2).toUpperCase()}` : hex)),
  recipient: hexOf(20).map((hex) => hex as Address),
  time: uint64,
  expirationTime: uint64,
  revocable: fc.boolean(),
  refUID: hexOf(32),
  data: fc.uint8Array({ maxLength: 100 }).map((bytes) => bytesToHex(bytes)),
  salt: hexOf(32),
});

function sdkUid(parameters: { version: 0 | 1 | 2; schema: string; recipient: Address; time: bigint; expirationTime: bigint; revocable: boolean; refUID: Hex; data: Hex; salt?: Hex }): string {
  const { version, schema, recipient, time, expirationTime, revocable, refUID, data, salt } = parameters;
  return Offchain.getOffchainUID(version, schema, recipient, time, expirationTime, revocable, refUID, data, salt as string);
}

describe('getOffchainUid', () => {
  it("equals the SDK's Offchain.getOffchainUID for versions 0, 1 and 2", () => {
    fc.assert(
      fc.property(fields, (parameters) => {
        expect(getOffchainUid(parameters)).toBe(sdkUid(parameters));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('hashes the schema as text, so its letter case changes the UID', () => {
    const parameters = {
      version: 2 as const,
      schema: `0x${'ab'.repeat(32)}`,
      recipient: `0x${'00'.repeat(20)}` as Address,
      time: 1n,
      expirationTime: 0n,
      revocable: true,
      refUID: `0x${'00'.repeat(32)}` as Hex,
      data: '0x' as Hex,
      salt: `0x${'11'.repeat(32)}` as Hex,
    };
    const upper = { ...parameters, schema: `0x${'AB'.repeat(32)}` };
    expect(getOffchainUid(upper)).not.toBe(getOffchainUid(parameters));
    expect(getOffchainUid(upper)).toBe(sdkUid(upper));
  });

  it('ignores the salt before version 2, and requires it in version 2 as the SDK does', () => {
    const base = {
      schema: `0x${'ab'.repeat(32)}`,
      recipient: `0x${'00'.repeat(20)}` as Address,
      time: 5n,
      expirationTime: 0n,
      revocable: false,
      refUID: `0x${'00'.repeat(32)}` as Hex,
      data: '0x1234' as Hex,
    };
    expect(getOffchainUid({ ...base, version: 1, salt: `0x${'22'.repeat(32)}` })).toBe(getOffchainUid({ ...base, version: 1 }));
    expect(() => getOffchainUid({ ...base, version: 2 })).toThrow(OffchainFieldError);
    expect(() => sdkUid({ ...base, version: 2 })).toThrow();
  });

  it('refuses times beyond uint64 as the SDK does', () => {
    const parameters = {
      version: 0 as const,
      schema: `0x${'ab'.repeat(32)}`,
      recipient: `0x${'00'.repeat(20)}` as Address,
      time: 2n ** 64n,
      expirationTime: 0n,
      revocable: false,
      refUID: `0x${'00'.repeat(32)}` as Hex,
      data: '0x' as Hex,
    };
    expect(() => getOffchainUid(parameters)).toThrow(/time does not fit in uint64/);
    expect(() => sdkUid(parameters)).toThrow();
    expect(getOffchainUid({ ...parameters, time: 2n ** 64n - 1n })).toBe(sdkUid({ ...parameters, time: 2n ** 64n - 1n }));
  });
});
