import { zeroAddress, type Address, type Hex } from 'viem';
import type { OffchainAttestation } from '../envelope/schema';
import { OffchainFieldError } from './errors';
import { hashOffchainAttestation } from './offchain-digest';
import { findOffchainLayout, offchainVersionOf, type OffchainAttestationVersion } from './offchain-layouts';
import { getOffchainUid } from './offchain-uid';
import { verifySignature } from './signature';

/** The EIP-712 domain name every EAS off-chain attestation is signed under. */
export const easDomainName = 'EAS Attestation';

export type VerifyOffchainAttestationParameters = {
  attestation: OffchainAttestation;
  signer: Address;
};

/** `reason` is one sentence for people. */
export type OffchainCheckResult = { ok: true } | { ok: false; reason: string };

export type VerifyOffchainAttestationReturnType = {
  version: OffchainAttestationVersion;
  /** The UID recomputed from the message; undefined when a field cannot be packed. */
  computedUid: Hex | undefined;
  uid: OffchainCheckResult;
  signature: OffchainCheckResult;
};

/**
 * Checks an off-chain attestation as the EAS SDK's
 * `verifyOffchainAttestationSignature` does, reporting the UID and the
 * signature separately. The attestation's version (spec §3c: `version`,
 * else `message.version`, else legacy)
 * picks the UID scheme and the accepted type layouts. The domain must be
 * named "EAS Attestation"; its version is not pinned (the SDK's non-strict
 * mode), and whether its chain and contract are trusted is the caller's
 * question. Local only: nothing is read from a chain.
 */
export function verifyOffchainAttestation({ attestation, signer }: VerifyOffchainAttestationParameters): VerifyOffchainAttestationReturnType {
  const version = offchainVersionOf(attestation);
  const computedUid = computeUid(version, attestation);
  const uid: OffchainCheckResult =
    computedUid.ok && computedUid.uid === attestation.uid.toLowerCase()
      ? { ok: true }
      : { ok: false, reason: computedUid.ok ? `The UID does not match the attestation's fields (they give ${computedUid.uid}).` : computedUid.reason };
  return {
    version,
    computedUid: computedUid.ok ? computedUid.uid : undefined,
    uid,
    signature: checkSignature(version, attestation, signer),
  };
}

function computeUid(version: OffchainAttestationVersion, { message }: OffchainAttestation): { ok: true; uid: Hex } | { ok: false; reason: string } {
  try {
    return { ok: true, uid: getOffchainUid({ ...message, version }) };
  } catch (error) {
    if (error instanceof OffchainFieldError) return { ok: false, reason: `${error.message}.` };
    throw error;
  }
}

function checkSignature(version: OffchainAttestationVersion, { domain, primaryType, types, message, signature }: OffchainAttestation, signer: Address): OffchainCheckResult {
  if (signer.toLowerCase() === zeroAddress) return { ok: false, reason: 'The zero address cannot sign.' };
  if (domain.name !== easDomainName) return { ok: false, reason: `The signing domain is "${domain.name}", not "${easDomainName}".` };
  const layout = findOffchainLayout({ version, primaryType, types });
  if (!layout) return { ok: false, reason: `The signed types are not an EAS version-${version} attestation layout.` };
  let digest: Uint8Array;
  try {
    digest = hashOffchainAttestation({ domain, layout, message });
  } catch (error) {
    if (error instanceof OffchainFieldError) return { ok: false, reason: `${error.message}.` };
    throw error;
  }
  return verifySignature({ digest, signature, signer });
}
