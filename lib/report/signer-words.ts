import { shortHex } from '../chain/short-hex';
import type { Verdict } from '../verdict/types';
import { labelledSigner } from '../verdict/signer-label';

/**
 * Who vouches for a proof's text, for a citation: the signer as the trust
 * configuration names them, else a short address; never a full hash.
 * Undefined when the proof names no one (it could not be read).
 */
export function signerWords({ proofType, facts }: Pick<Verdict, 'proofType' | 'facts'>): string | undefined {
  const named = labelledSigner(facts);
  if (named !== undefined) return named;
  switch (proofType) {
    case 'og-tee':
    case 'og-settlement':
      return facts.teeId === undefined ? 'an OpenGradient secure enclave' : `the OpenGradient secure enclave ${shortHex(facts.teeId)}`;
    case 'eas-offchain':
    case 'eas-onchain':
      return facts.attester === undefined ? 'an attester' : `the attester ${shortHex(facts.attester)}`;
    case 'erc7007':
      return facts.contract === undefined ? 'an AI content token' : `the AI content token contract ${shortHex(facts.contract)}`;
    default:
      return undefined;
  }
}
