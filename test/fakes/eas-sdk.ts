/**
 * Tests only: the real EAS SDK and ethers, the reference behaviour that
 * lib/eas is checked against. Loaded with require because the SDK's ES
 * module build does not load in Node (it imports lodash by name). Never
 * import this from code that ships.
 */
import type * as EasSdk from '@ethereum-attestation-service/eas-sdk';
import type * as Ethers from 'ethers';
import { createRequire } from 'node:module';
import type { Address, Hex } from 'viem';
import { offchainAttestation, type OffchainAttestation } from '../../lib/envelope/schema';

const require = createRequire(import.meta.url);
const sdk = require('@ethereum-attestation-service/eas-sdk') as typeof EasSdk;
const ethers = require('ethers') as typeof Ethers;

export const { Offchain, SchemaEncoder } = sdk;
export const { Signature, Wallet } = ethers;
export type SdkWallet = InstanceType<typeof ethers.Wallet>;

/** An off-chain attestation as it travels in JSON: the SDK's bigints as decimal strings (spec §3c). */
export type AttestationJson = {
  domain: { name: string; version: string; chainId: string | number; verifyingContract: string };
  primaryType: string;
  types: Record<string, { name: string; type: string }[]>;
  message: Record<string, unknown>;
  signature: { r: string; s: string; v: number };
  uid: string;
  version?: number;
};

export const testEas = {
  address: '0xA1207F3BBa224E2c9c3c6D5aF63D0eb1582Ce587' as Address,
  version: '1.3.0',
  chainId: 31337n,
};

export function toJson<value>(value: value): value {
  return JSON.parse(JSON.stringify(value, (_key, field: unknown) => (typeof field === 'bigint' ? field.toString() : field)));
}

export type SdkSignParameters = {
  wallet: SdkWallet;
  version: 0 | 1 | 2;
  schema?: Hex;
  recipient?: Address;
  time?: bigint;
  expirationTime?: bigint;
  revocable?: boolean;
  refUID?: Hex;
  data?: Hex;
  eas?: typeof testEas;
};

/** An attestation signed by the real SDK, in its JSON form. */
export async function signWithSdk({ wallet, version, eas = testEas, ...fields }: SdkSignParameters): Promise<AttestationJson> {
  const offchain = new Offchain(eas, version, undefined as never);
  const signed = await offchain.signOffchainAttestation(
    {
      schema: fields.schema ?? `0x${'5c'.repeat(32)}`,
      recipient: fields.recipient ?? '0x0000000000000000000000000000000000000000',
      time: fields.time ?? 1_700_000_000n,
      expirationTime: fields.expirationTime ?? 0n,
      revocable: fields.revocable ?? true,
      refUID: fields.refUID ?? `0x${'00'.repeat(32)}`,
      data: fields.data ?? '0x',
    },
    wallet,
  );
  return toJson(signed) as unknown as AttestationJson;
}

/**
 * What the SDK's verifyOffchainAttestationSignature says, for an EAS at
 * `eas`, run at the attestation's version as spec §3c reads it (`version`,
 * else `message.version`, else 0); a throw is a rejection. Two versions that
 * differ are a rejection too: the spec makes that attestation malformed.
 */
export function sdkAccepts(attestation: AttestationJson, signer: string, eas: typeof testEas = testEas): boolean {
  try {
    const messageVersion = attestation.message.version as number | string | undefined;
    if (attestation.version !== undefined && messageVersion !== undefined && BigInt(attestation.version) !== BigInt(messageVersion)) return false;
    const offchain = new Offchain(eas, Number(attestation.version ?? messageVersion ?? 0), undefined as never);
    return offchain.verifyOffchainAttestationSignature(signer, attestation as never);
  } catch {
    return false;
  }
}

/** The attestation as the envelope schema reads it; undefined when the schema refuses it. */
export function parseAttestation(json: AttestationJson): OffchainAttestation | undefined {
  const parsed = offchainAttestation.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
