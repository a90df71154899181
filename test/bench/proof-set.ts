import type { EnvelopeInput } from '../../devnet/producers/envelope-types';
import type { ProofType } from '../../lib/envelope/schema';

/** A valid proof made on the devnet, and the text it proves. */
export type BenchProof = {
  envelope: EnvelopeInput;
  /** The signed text; the page shows it as is. */
  shown: string;
  /** The short reference (`ai-proof:v1:og:…`, `ai-proof:v1:eas:…`) of the types that have one. */
  reference?: string;
};

/** Distinct valid proofs of one kind. */
export type ProofSet = {
  /** What the set holds, e.g. "og-tee, batch settlement". */
  name: string;
  proofType: ProofType;
  proofs: BenchProof[];
};
