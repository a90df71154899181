import type { SelectionCheck } from '../messaging/messages';
import { modelClaimWords } from '../lib/verdict/model-claim';
import { signerFact, signerFactLabel, type OriginFact } from '../lib/verdict/origin-facts';
import { scopeOf } from '../lib/verdict/scope';
import type { VerdictState } from '../lib/verdict/states';
import { quoteIsSigned } from './selection-outcome';

/** What a selection check says of where the selected words came from, as the badge's card says it of a snippet. */
export type SelectionOrigin = {
  /** That the words are AI-generated and what the verdict is about: their origin, not their truth. */
  scope?: string;
  /** Who vouches ("Vouched by"), and the model someone claims made the text. */
  facts: OriginFact[];
};

const failureStates = new Set<VerdictState>(['altered', 'invalid', 'malformed']);

/** Said of a selection only part of which a proof signs, whose proofs hold: nothing is implied of the rest. */
const partlySignedScope =
  'The signed part is AI-generated text, and its proof shows where it came from; nothing shows where the rest came from. Verity checks origin, not whether a text is true.';

/**
 * Only the proofs that hold the selected words speak for them. Words
 * signed whole name their proofs' signers and model claims; a selection
 * partly signed names who vouches for the signed part alone, and no model
 * (the rest may be anyone's); words signed only in another snippet, or in
 * none, name no one. The scope follows the answer's state, as the badge's
 * card does. Plain TypeScript: the content script's card and the popup
 * share it.
 */
export function selectionOriginOf(check: Pick<SelectionCheck, 'outcome' | 'state' | 'parts'>): SelectionOrigin {
  const whole = quoteIsSigned(check.outcome);
  const partly = check.outcome === 'partly-signed';
  const facts: OriginFact[] = [];
  const said = new Set<string>();
  const add = (fact: OriginFact): void => {
    const key = `${fact.label}\n${fact.value}`;
    if (said.has(key)) return;
    said.add(key);
    facts.push(fact);
  };
  if (whole || partly) {
    for (const { proofId, state, signer } of check.parts) {
      if (proofId === null || state === undefined || signer === undefined) continue;
      const label = signerFactLabel(state);
      add(signerFact(partly && label === 'Vouched by' ? 'Part vouched by' : label, signer));
    }
  }
  if (whole) {
    // Last, and in the claimant's words, as on the badge's card.
    for (const { proofId, model } of check.parts) {
      if (proofId === null || model === undefined) continue;
      const { speaker, claim } = modelClaimWords(model);
      add({ label: speaker, value: claim });
    }
  }
  // A holding proof's state speaks for the selection only when it covers every word, or when it is a failure (never hidden).
  const { state } = check;
  const speaks = state !== undefined && (whole || failureStates.has(state));
  const scope = speaks ? scopeOf(state) : partly ? partlySignedScope : undefined;
  return scope === undefined ? { facts } : { scope, facts };
}
