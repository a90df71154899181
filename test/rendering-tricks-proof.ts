import type { StartDevnetReturnType } from '../devnet/devnet';
import { easModel } from '../devnet/cases/eas-offchain';
import { encodeContentData } from '../devnet/producers/eas-data';
import { easOffchainEnvelope, signOffchainAttestation } from '../devnet/producers/eas-offchain';
import { envelopeJson } from '../devnet/producers/embed';
import { devnetPrivateKeys } from '../devnet/keys';
import { trickSignedText } from './rendering-tricks-page';

/**
 * A `data-ai-proof` value (for a single-quoted attribute) that the devnet's
 * trusted attester signed for the rendering-tricks sentence: verified
 * wherever readers see exactly that sentence.
 */
export async function signedSentenceAttribute({ contracts, chainId, accounts }: Pick<StartDevnetReturnType, 'contracts' | 'chainId' | 'accounts'>): Promise<string> {
  const attestation = await signOffchainAttestation({
    domain: { address: contracts.eas, version: contracts.easVersion, chainId },
    attesterPrivateKey: devnetPrivateKeys.trustedAttester,
    schema: contracts.schemas.content,
    data: encodeContentData({ signedText: trickSignedText, model: easModel }),
    time: BigInt(Math.floor(Date.now() / 1000) - 300),
  });
  const envelope = easOffchainEnvelope({ attestation, signer: accounts.trustedAttester, model: easModel });
  return envelopeJson(envelope).replace(/&/g, '&amp;').replace(/'/g, '&#39;');
}
