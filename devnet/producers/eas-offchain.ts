import type { SignedOffchainAttestation } from '@ethereum-attestation-service/eas-sdk';
import { Wallet } from 'ethers';
import { zeroAddress, zeroHash, type Address, type Hex } from 'viem';
import { easAbi } from '../../lib/abi/eas';
import { waitForSuccess, type DevnetClients, type DevnetWalletClient } from '../clients';
import { easSdk } from './eas-sdk';
import type { EnvelopeExtras, EnvelopeInput, OffchainAttestationInput } from './envelope-types';

export type { SignedOffchainAttestation };

/** The EAS contract an off-chain attestation names in its EIP-712 domain. */
export type EasDomain = {
  address: Address;
  /** The contract's `version()`. */
  version: string;
  chainId: number;
};

/** The SDK's off-chain signer and verifier for one EAS deployment, in version-2 layout (with salt). */
export function offchainFor({ address, version, chainId }: EasDomain): InstanceType<typeof easSdk.Offchain> {
  return new easSdk.Offchain(
    { address, version, chainId: BigInt(chainId) },
    easSdk.OffchainAttestationVersion.Version2,
    new easSdk.EAS(address),
  );
}

export type SignOffchainAttestationParameters = {
  domain: EasDomain;
  attesterPrivateKey: Hex;
  schema: Hex;
  data: Hex;
  /** Unix seconds. */
  time: bigint;
  /** Unix seconds; 0 for never. */
  expirationTime?: bigint;
  recipient?: Address;
};

/** Signs with the real SDK and an ethers Wallet, exactly as an EAS user does. */
export function signOffchainAttestation({
  domain,
  attesterPrivateKey,
  schema,
  data,
  time,
  expirationTime = 0n,
  recipient = zeroAddress,
}: SignOffchainAttestationParameters): Promise<SignedOffchainAttestation> {
  return offchainFor(domain).signOffchainAttestation(
    { schema, recipient, time, expirationTime, revocable: true, refUID: zeroHash, data },
    new Wallet(attesterPrivateKey),
  );
}

/** The attestation as JSON: the SDK's bigints become decimal strings (spec §3c). */
export function offchainAttestationToJson(attestation: SignedOffchainAttestation): OffchainAttestationInput {
  return JSON.parse(JSON.stringify(attestation, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)));
}

export type EasOffchainEnvelopeParameters = EnvelopeExtras & { attestation: SignedOffchainAttestation; signer: Address };

export function easOffchainEnvelope({ attestation, signer, text, model }: EasOffchainEnvelopeParameters): EnvelopeInput {
  return {
    v: 1,
    proof: { type: 'eas-offchain', attestation: offchainAttestationToJson(attestation), signer },
    ...(text !== undefined && { text }),
    ...(model !== undefined && { model }),
  };
}

export type RevokeOffchainAttestationParameters = { clients: DevnetClients; wallet: DevnetWalletClient; eas: Address; uid: Hex };

/** Records an off-chain revocation of `uid` by the wallet's account on the EAS contract. */
export async function revokeOffchainAttestation({ clients, wallet, eas, uid }: RevokeOffchainAttestationParameters): Promise<void> {
  const hash = await wallet.writeContract({ address: eas, abi: easAbi, functionName: 'revokeOffchain', args: [uid] });
  await waitForSuccess({ clients, hash, what: 'Revoking an off-chain attestation' });
}
