import type { Hex } from 'viem';
import type { ProofType } from '../../lib/envelope/schema';
import type { VerdictState } from '../../lib/verdict/states';
import type { DevnetClients } from '../clients';
import type { DevnetContracts } from '../deploy';
import type { EmbeddingForm } from '../producers/embed';
import type { EnvelopeInput } from '../producers/envelope-types';
import type { DevnetTees } from '../tees';

/** One snippet of the demo page and the verdict a correct verifier gives it. */
export type Scenario = {
  /** Stable and unique; also the snippet's element id where one is needed. */
  id: string;
  title: string;
  /** The proof type the envelope claims; null when it claims none that exists. */
  proofType: ProofType | null;
  form: EmbeddingForm;
  expectedState: VerdictState;
  /** Why that state, in one sentence. */
  reason: string;
  /** Exactly one snippet, self-contained (a script form brings its script). */
  html: string;
  /** The envelope the snippet carries, when it carries a whole, well-formed one. */
  envelope?: EnvelopeInput;
};

/** Everything the scenario builders act on. */
export type ScenarioContext = {
  clients: DevnetClients;
  contracts: DevnetContracts;
  chainId: number;
  tees: DevnetTees;
  /** A chain id that no trust configuration names, for `unavailable` cases. */
  unconfiguredChainId: number;
  /** Wall-clock unix seconds: producers sign with their own clock, not the chain's. */
  now(): number;
  /** A made-up Walrus blob id for a settlement. */
  walrusBlobId(label: string): Hex;
};
