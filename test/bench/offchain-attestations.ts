import { Wallet } from 'ethers';
import { keccak256, stringToHex, zeroAddress, zeroHash, type Address, type Hex } from 'viem';
import { encodeContentData } from '../../devnet/producers/eas-data';
import { offchainAttestationToJson, offchainFor, type EasDomain, type SignedOffchainAttestation } from '../../devnet/producers/eas-offchain';
import { offchainAttestation, type OffchainAttestation } from '../../lib/envelope/schema';
import { newsBrief } from './sentences';

/** One signed off-chain attestation in the two shapes the two verifiers take. */
export type OffchainSample = {
  signer: Address;
  /** As the SDK returns it (bigints): what its verifier takes. */
  sdk: SignedOffchainAttestation;
  /** The same attestation as Verity reads it from a page: JSON, then the envelope schema. */
  ours: OffchainAttestation;
};

export type SignOffchainSamplesParameters = {
  domain: EasDomain;
  schema: Hex;
  count: number;
  /** Attestation i is signed by signer i mod signerCount. */
  signerCount: number;
  /** Keeps the signers of different sample sets apart. */
  series: string;
};

/**
 * Off-chain attestations signed with the EAS SDK's Offchain (version 2,
 * salted) and ethers Wallets, each over a distinct text under the content
 * schema, as a newsroom's tool makes them.
 */
export async function signOffchainSamples({ domain, schema, count, signerCount, series }: SignOffchainSamplesParameters): Promise<OffchainSample[]> {
  const offchain = offchainFor(domain);
  const wallets = Array.from({ length: signerCount }, (_, index) => new Wallet(keccak256(stringToHex(`verity bench ${series} signer ${index}`))));
  const time = BigInt(Math.floor(Date.now() / 1000) - 600);
  const samples: OffchainSample[] = [];
  for (let index = 0; index < count; index++) {
    const wallet = wallets[index % signerCount]!;
    const data = encodeContentData({ signedText: newsBrief(`${series} offchain`, index), model: 'llama-3.3-70b-instruct' });
    const sdk = await offchain.signOffchainAttestation(
      { schema, recipient: zeroAddress, time, expirationTime: 0n, revocable: true, refUID: zeroHash, data },
      wallet,
    );
    samples.push({ signer: wallet.address as Address, sdk, ours: offchainAttestation.parse(offchainAttestationToJson(sdk)) });
  }
  return samples;
}
