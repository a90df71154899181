import { shortHex } from '../chain/short-hex';
import { modelClaimOf, modelClaimWords } from './model-claim';
import { labelledSigner } from './signer-label';
import type { VerdictState } from './states';
import type { Verdict, VerdictFacts } from './types';

/**
 * The facts that say where a text came from, as the cards show them: who
 * vouches for it, and the model someone claims made it. Plain TypeScript:
 * the content script's cards, the popup and the worker share it.
 */

/** A labelled fact: "Vouched by · Example Newsroom". */
export type OriginFact = {
  label: string;
  value: string;
  /** The full value, when `value` is shortened (an address). */
  title?: string;
};

/** Who a proof names as standing behind its text. */
export type SignerName = {
  /** The name the reader's trust configuration gives, else "Attester 0x12…ab" and the like. */
  name: string;
  /** The full address or id, when `name` shortens or replaces it. */
  id?: string;
};

/**
 * Who stands behind the text: the name the reader's trust configuration
 * gives the signer, else the attester, the enclave or the contract itself.
 */
export function vouchedBy(facts: VerdictFacts): SignerName | undefined {
  const id = facts.attester ?? facts.teeId ?? facts.contract;
  const named = labelledSigner(facts);
  if (named !== undefined) return id === undefined ? { name: named } : { name: named, id };
  if (facts.attester !== undefined) return { name: `Attester ${shortHex(facts.attester)}`, id: facts.attester };
  if (facts.teeId !== undefined) return { name: `Enclave ${shortHex(facts.teeId)}`, id: facts.teeId };
  if (facts.contract !== undefined) return { name: `Contract ${shortHex(facts.contract)}`, id: facts.contract };
  return undefined;
}

/** States in which the signer did stand behind the text (trusted or not); in the others the proof only names one. */
const vouchedStates = new Set<VerdictState>(['verified', 'pending', 'untrusted']);

/** The label a signer goes by in a verdict of this state: only a holding proof's signer vouches. */
export function signerFactLabel(state: VerdictState): 'Vouched by' | 'Claimed signer' {
  return vouchedStates.has(state) ? 'Vouched by' : 'Claimed signer';
}

export function signerFactOf({ state, facts }: Pick<Verdict, 'state' | 'facts'>): OriginFact | undefined {
  const signer = vouchedBy(facts);
  return signer === undefined ? undefined : signerFact(signerFactLabel(state), signer);
}

export function signerFact(label: string, { name, id }: SignerName): OriginFact {
  return id === undefined ? { label, value: name } : { label, value: name, title: id };
}

/** The model in the claimant's words ("The page says · model “…”"): a model name is never a checked fact. */
export function modelFactOf(facts: Pick<VerdictFacts, 'model' | 'schemaFields'>): OriginFact | undefined {
  const model = modelClaimOf(facts);
  if (model === undefined) return undefined;
  const { speaker, claim } = modelClaimWords(model);
  return { label: speaker, value: claim };
}

/** Who vouches, then the model claimed: what the popup says of a verdict beside its reason. */
export function originFactsOf(verdict: Pick<Verdict, 'state' | 'facts'>): OriginFact[] {
  return [signerFactOf(verdict), modelFactOf(verdict.facts)].filter((fact) => fact !== undefined);
}
