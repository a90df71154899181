import type { ChainAccess } from '../chain/types';
import type { Envelope } from '../envelope/schema';
import type { TrustConfig } from '../trust/schema';
import type { Check, VerdictFacts } from '../verdict/types';

/**
 * What every proof-type verifier receives. The verifier checks the proof
 * itself (trust, chain, signatures, content binding); the shown-text and
 * rendering checks are added around it by verifySnippet.
 */
export type ProofVerifierParameters<proof> = {
  proof: proof;
  envelope: Envelope;
  /** `envelope.text` when present, else the snippet's canonical text. */
  signedText: string;
  trust: TrustConfig;
  chains: ChainAccess;
};

export type ProofVerifierReturnType = {
  checks: Check[];
  facts: VerdictFacts;
};

export type ProofVerifier<proof> = (parameters: ProofVerifierParameters<proof>) => Promise<ProofVerifierReturnType>;

