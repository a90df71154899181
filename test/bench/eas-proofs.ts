import type { Hash } from 'viem';
import { easModel } from '../../devnet/cases/eas-offchain';
import { waitForSuccess, type DevnetClients } from '../../devnet/clients';
import type { DevnetContracts } from '../../devnet/deploy';
import { devnetPrivateKeys } from '../../devnet/keys';
import { encodeContentData } from '../../devnet/producers/eas-data';
import { easOffchainEnvelope, signOffchainAttestation } from '../../devnet/producers/eas-offchain';
import { attestationUid, easOnchainEnvelope, sendAttestation } from '../../devnet/producers/eas-onchain';
import { easReference } from '../../devnet/producers/embed';
import type { BenchProof, ProofSet } from './proof-set';
import { newsBrief } from './sentences';

export type ProduceEasProofsParameters = {
  clients: DevnetClients;
  contracts: DevnetContracts;
  chainId: number;
  /** Proofs per set. */
  count: number;
};

export type EasProofSets = { offchain: ProofSet; onchain: ProofSet };

/** `count` off-chain and `count` on-chain attestations by the trusted attester, under the content schema. */
export async function produceEasProofs({ clients, contracts, chainId, count }: ProduceEasProofsParameters): Promise<EasProofSets> {
  const schema = contracts.schemas.content;
  const data = (signedText: string) => encodeContentData({ signedText, model: easModel });
  const signer = clients.accounts.trustedAttester.address;

  const time = BigInt(Math.floor(Date.now() / 1000) - 300);
  const domain = { address: contracts.eas, version: contracts.easVersion, chainId };
  const offchain: BenchProof[] = [];
  for (let index = 0; index < count; index++) {
    const shown = newsBrief('eas-offchain', index);
    const attestation = await signOffchainAttestation({ domain, attesterPrivateKey: devnetPrivateKeys.trustedAttester, schema, data: data(shown), time });
    offchain.push({ envelope: easOffchainEnvelope({ attestation, signer, model: easModel }), shown });
  }

  // Sent one after another (anvil mines each at once), then awaited together.
  const onchainTexts = Array.from({ length: count }, (_, index) => newsBrief('eas-onchain', index));
  const attestationTxs: Hash[] = [];
  for (const text of onchainTexts) {
    attestationTxs.push(await sendAttestation({ wallet: clients.wallets.trustedAttester, eas: contracts.eas, schema, data: data(text) }));
  }
  const receipts = await Promise.all(attestationTxs.map((hash) => waitForSuccess({ clients, hash, what: 'Attesting a bench text' })));
  const onchain = receipts.map((receipt, index): BenchProof => {
    const uid = attestationUid({ receipt, eas: contracts.eas });
    return { envelope: easOnchainEnvelope({ chainId, uid, model: easModel }), shown: onchainTexts[index]!, reference: easReference({ chainId, uid }) };
  });

  return {
    offchain: { name: 'eas-offchain', proofType: 'eas-offchain', proofs: offchain },
    onchain: { name: 'eas-onchain', proofType: 'eas-onchain', proofs: onchain },
  };
}
