import type { Scenario } from '../../devnet/scenarios';
import type { ProofSet } from './proof-set';
import { formsOf, pageHtml, snippetHtml } from './snippets';

export type MixedPageParameters = {
  /** Every devnet scenario: all types, forms and verdict states, malformed envelopes included. */
  scenarios: readonly Scenario[];
  /** Valid proofs that fill the page up to `size`, taken in turn from each set. */
  sets: readonly ProofSet[];
  size: number;
};

export type MixedPageReturnType = { html: string; scenarioCount: number; producedCount: number };

/**
 * A page of `size` proofs: the devnet's scenario snippets, then produced
 * proofs taken in turn from each set, each set's proofs cycling through
 * every form they can be carried in.
 */
export function mixedPage({ scenarios, sets, size }: MixedPageParameters): MixedPageReturnType {
  const snippets = scenarios.slice(0, size).map((scenario) => scenario.html);
  const scenarioCount = snippets.length;
  const taken = sets.map(() => 0);
  for (let turn = 0; snippets.length < size; turn++) {
    const setIndex = turn % sets.length;
    const proof = sets[setIndex]!.proofs[taken[setIndex]!];
    if (proof === undefined) break;
    const forms = formsOf(proof);
    snippets.push(snippetHtml({ proof, form: forms[taken[setIndex]! % forms.length]!, id: `produced-${setIndex}-${taken[setIndex]}` }));
    taken[setIndex]! += 1;
  }
  return { html: pageHtml(snippets), scenarioCount, producedCount: snippets.length - scenarioCount };
}
