import { bytesToHex, getAddress, parseSignature, zeroAddress, zeroHash, type Address, type Hex, type LocalAccount } from 'viem';
import { getOffchainUid } from '../eas/offchain-uid';
import { offchainLayouts } from '../eas/offchain-layouts';
import { easDomainName } from '../eas/verify-offchain-attestation';

/** The EAS contract an off-chain attestation is signed for (its EIP-712 domain). */
export type EasDomainParameters = {
  chainId: number;
  /** The EAS contract's address. */
  eas: Address;
  /** The EAS contract's `version()`. */
  version: string;
};

export type SignOffchainAttestationParameters = {
  account: LocalAccount;
  domain: EasDomainParameters;
  schemaUid: Hex;
  /** ABI-encoded with the schema (encodeContentData for the content schema). */
  data: Hex;
  /** Unix seconds; now by default. */
  time?: bigint;
  /** Unix seconds; 0 (the default) for never. */
  expirationTime?: bigint;
  recipient?: Address;
  /** 32 random bytes by default, as the SDK draws them. */
  salt?: Hex;
};

export type SignOffchainAttestationReturnType = {
  /** The attestation as the EAS SDK's signOffchainAttestation returns it, bigints as decimal strings (spec §3c). */
  attestation: Record<string, unknown>;
  signer: Address;
  uid: Hex;
};

/** The version-2 layout (with salt), the one the SDK signs with today. */
const version = 2;
const layout = offchainLayouts[version][0]!;
const types = { [layout.structName]: layout.fields.map(({ name, type }) => ({ name, type })) };

/**
 * Signs an EAS off-chain attestation as the EAS SDK does (version 2:
 * EIP-712 domain "EAS Attestation", primary type `Attest`, the salted UID),
 * so that the SDK's verifyOffchainAttestationSignature and readers'
 * verifiers accept it. Revocable, with no reference UID.
 */
export async function signOffchainAttestation({
  account,
  domain,
  schemaUid,
  data,
  time = BigInt(Math.floor(Date.now() / 1000)),
  expirationTime = 0n,
  recipient = zeroAddress,
  salt = bytesToHex(crypto.getRandomValues(new Uint8Array(32))),
}: SignOffchainAttestationParameters): Promise<SignOffchainAttestationReturnType> {
  const message = { version, schema: schemaUid, recipient, time, expirationTime, revocable: true, refUID: zeroHash, data, salt };
  const typedDomain = { name: easDomainName, version: domain.version, chainId: BigInt(domain.chainId), verifyingContract: getAddress(domain.eas) };
  const signature = parseSignature(await account.signTypedData({ domain: typedDomain, types, primaryType: layout.primaryType, message }));
  const uid = getOffchainUid({ ...message, version });
  return {
    attestation: {
      domain: { ...typedDomain, chainId: String(domain.chainId) },
      primaryType: layout.primaryType,
      types,
      message: { ...message, time: time.toString(), expirationTime: expirationTime.toString() },
      signature: { r: signature.r, s: signature.s, v: Number(signature.v ?? 27n + BigInt(signature.yParity)) },
      uid,
      version,
    },
    signer: account.address,
    uid,
  };
}
