import { createChainAccess } from '../chain/access';
import type { ChainAccess } from '../chain/types';
import { validateEnvelope } from '../envelope/decode';
import type { TrustConfig } from '../trust/schema';
import type { Check, CheckId, Verdict } from '../verdict/types';
import { verifySnippet } from '../verifiers/verify-snippet';
import { ChainCheckError } from './eas-errors';
import type { PublishEnvelope } from './envelope';

export type CheckProofOnChainParameters = {
  envelope: PublishEnvelope;
  /** The text the page will show. */
  signedText: string;
  /** The chains (RPCs) and contracts to check with: the publisher's, as a reader's would be. */
  trust: TrustConfig;
  chains?: ChainAccess;
};

export type CheckProofOnChainReturnType = {
  verdict: Verdict;
  /** Checks that failed without making the proof wrong: an attester or contract this configuration does not trust, too few confirmations yet. */
  warnings: Check[];
};

/** The publisher's input field each check is about, to name in a refusal. */
const checkFields: Partial<Record<CheckId, string>> = {
  chain: 'chainId',
  'eas-trusted': 'eas',
  attestation: 'uid',
  uid: 'uid',
  signature: 'signature',
  schema: 'schema',
  'content-binding': 'text',
  'shown-text': 'text',
  revocation: 'uid',
  expiry: 'expirationTime',
  'erc7007-verify': 'proof',
  'erc7007-token': 'tokenId',
  'erc7007-record': 'prompt',
};

/**
 * Verifies the envelope as a reader's verifier will (lib/verifiers), before
 * it is published. A check that fails the proof (`invalid`, `altered`) or
 * could not be made (`unavailable`: the RPC is down or serves another chain)
 * throws ChainCheckError naming the field; what a reader's own trust
 * decides (`untrusted`) or time settles (`pending`) is returned as a warning.
 */
export async function checkProofOnChain({ envelope, signedText, trust, chains = createChainAccess({ trust }) }: CheckProofOnChainParameters): Promise<CheckProofOnChainReturnType> {
  const verdict = await verifySnippet({ decoded: validateEnvelope(envelope), shownText: signedText, trust, chains });
  const failing = verdict.checks.find((check) => check.implies === 'invalid' || check.implies === 'altered' || check.implies === 'malformed' || check.implies === 'unavailable');
  if (failing !== undefined) {
    const could = failing.implies === 'unavailable' ? 'could not be checked' : 'fails';
    throw new ChainCheckError(`The proof ${could} on chain (${failing.label}): ${failing.detail}`, { field: checkFields[failing.id] ?? failing.id });
  }
  return { verdict, warnings: verdict.checks.filter((check) => check.ok === false) };
}
