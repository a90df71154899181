import { claimMaxLength, displaySafe } from '../text/display-safe';
import type { VerdictFacts } from './types';

/**
 * A verdict's model name is never a checked fact (docs/protocol.md, "What
 * is signed and what the page claims"). An EAS attestation's `string model`
 * field is signed by the attester, so it is the attester's claim; anything
 * else came from the envelope (`envelope.model`), which the page chose and
 * nothing signs: the page's claim. The verifiers take the attested field
 * first (lib/verifiers/eas-shared.ts), so the model is the attester's
 * exactly when the decoded fields hold a non-empty `string model`.
 */
export type ModelClaim = {
  by: 'attester' | 'page';
  /** The name exactly as given; show it through modelClaimWords. */
  model: string;
};

export function modelClaimOf(facts: Pick<VerdictFacts, 'model' | 'schemaFields'>): ModelClaim | undefined {
  if (facts.model === undefined || facts.model === '') return undefined;
  const attested = facts.schemaFields?.some((field) => field.name === 'model' && field.type === 'string' && field.value !== '') ?? false;
  return { by: attested ? 'attester' : 'page', model: facts.model };
}

/** Who makes the claim, as a label: "The page says". */
const modelClaimSpeakers: Record<ModelClaim['by'], string> = {
  attester: 'The attester says',
  page: 'The page says',
};

export type ModelClaimWordsReturnType = {
  /** "The page says" or "The attester says". */
  speaker: string;
  /** `model “…”`, display-safe and cut to 60 characters. */
  claim: string;
};

/** The claim in words for a label: never the bare name, so it cannot pass for a checked fact. */
export function modelClaimWords({ by, model }: ModelClaim): ModelClaimWordsReturnType {
  return { speaker: modelClaimSpeakers[by], claim: `model “${displaySafe(model, { maxLength: claimMaxLength })}”` };
}
