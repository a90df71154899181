import fc from 'fast-check';
import { TypedDataEncoder } from 'ethers';
import { bytesToHex, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { OffchainFieldError } from './errors';
import { hashOffchainAttestation, type OffchainDomain } from './offchain-digest';
import { offchainLayouts, type OffchainMessage } from './offchain-layouts';

const hexOf = (length: number) => fc.uint8Array({ minLength: length, maxLength: length }).map((bytes) => bytesToHex(bytes));

const domain = fc.record({
  name: fc.constantFrom('EAS Attestation', 'Something else'),
  version: fc.string({ maxLength: 10 }),
  chainId: fc.bigInt({ min: 1n, max: 2n ** 64n }),
  verifyingContract: hexOf(20).map((hex) => hex as Address),
});

const message = fc.record({
  version: fc.bigInt({ min: 0n, max: 65_535n }),
  schema: hexOf(32),
  recipient: hexOf(20).map((hex) => hex as Address),
  time: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  expirationTime: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  revocable: fc.boolean(),
  refUID: hexOf(32),
  data: fc.uint8Array({ maxLength: 80 }).map((bytes) => bytesToHex(bytes)),
  salt: hexOf(32),
});

const layouts = Object.values(offchainLayouts).flat();

describe('hashOffchainAttestation', () => {
  it("equals ethers' TypedDataEncoder (the SDK's) for every layout the SDK accepts", () => {
    fc.assert(
      fc.property(domain, message, fc.constantFrom(...layouts), (domain: OffchainDomain, message: OffchainMessage, layout) => {
        const types = { [layout.structName]: layout.fields.map(({ name, type }) => ({ name, type })) };
        const signed = Object.fromEntries(layout.fields.map(({ name }) => [name, message[name]]));
        expect(bytesToHex(hashOffchainAttestation({ domain, layout, message }))).toBe(TypedDataEncoder.hash(domain, types, signed));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('keeps domains apart that differ in one field', () => {
    const base = { name: 'EAS Attestation', version: '1.0.0', chainId: 1n, verifyingContract: `0x${'11'.repeat(20)}` as Address };
    const fixedMessage: OffchainMessage = {
      version: 2n,
      schema: `0x${'ab'.repeat(32)}`,
      recipient: `0x${'00'.repeat(20)}`,
      time: 1n,
      expirationTime: 0n,
      revocable: true,
      refUID: `0x${'00'.repeat(32)}`,
      data: '0x',
      salt: `0x${'22'.repeat(32)}`,
    };
    const layout = offchainLayouts[2][0]!;
    const digests = [base, { ...base, version: '1.0.1' }, { ...base, chainId: 2n }, { ...base, verifyingContract: `0x${'12'.repeat(20)}` as Address }].map(
      (domain) => bytesToHex(hashOffchainAttestation({ domain, layout, message: fixedMessage })),
    );
    expect(new Set(digests).size).toBe(4);
    expect(bytesToHex(hashOffchainAttestation({ domain: base, layout, message: fixedMessage }))).toBe(digests[0]);
  });

  it('refuses a message missing a field its layout signs, or with a value out of range', () => {
    const domainValue = { name: 'EAS Attestation', version: '1', chainId: 1n, verifyingContract: `0x${'11'.repeat(20)}` as Address };
    const fixedMessage: OffchainMessage = {
      schema: `0x${'ab'.repeat(32)}`,
      recipient: `0x${'00'.repeat(20)}`,
      time: 1n,
      expirationTime: 0n,
      revocable: true,
      refUID: `0x${'00'.repeat(32)}`,
      data: '0x',
    };
    expect(() => hashOffchainAttestation({ domain: domainValue, layout: offchainLayouts[0][0]!, message: fixedMessage })).not.toThrow();
    expect(() => hashOffchainAttestation({ domain: domainValue, layout: offchainLayouts[1][0]!, message: fixedMessage })).toThrow(/version is missing/);
    expect(() =>
      hashOffchainAttestation({ domain: domainValue, layout: offchainLayouts[1][0]!, message: { ...fixedMessage, version: 65_536n } }),
    ).toThrow(OffchainFieldError);
    expect(() =>
      hashOffchainAttestation({ domain: domainValue, layout: offchainLayouts[0][0]!, message: { ...fixedMessage, expirationTime: 2n ** 64n } }),
    ).toThrow(/expirationTime does not fit in uint64/);
  });
});
