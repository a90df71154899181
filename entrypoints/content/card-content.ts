import { headlineOf, unconfirmedRendering } from '../../components/state-style';
import { signatureChecked } from '../../lib/verdict/signature-checked';
import { shortHex } from '../../lib/chain/short-hex';
import type { VerdictState } from '../../lib/verdict/states';
import { readerReasonOf } from '../../lib/verdict/reader-reason';
import { modelClaimOf, modelClaimWords } from '../../lib/verdict/model-claim';
import type { Verdict, VerdictFacts } from '../../lib/verdict/types';
import { badgeStateOf, badgeWord, confidenceOf, type BadgeState, type Confidence } from './badge-label';
import { labelledSigner } from '../../lib/verdict/signer-label';

export type CardFact = {
  label: string;
  value: string;
  /** The full value, when `value` is shortened (an address). */
  title?: string;
};

/** What the card says about one proof, in words; card.ts lays it out. */
export type CardContent = {
  state: BadgeState;
  word: string;
  headline: string;
  /** One sentence on why, in a reader's words (the checks' own details are the inspector's). */
  summary: string;
  /** Said when the state could be misread: "couldn't check" is no failure. */
  note?: string;
  /** What the verdict is about, in a reader's words: where an AI text came from, never whether it is true. */
  scope?: string;
  /** A signer the reader may choose to trust (an untrusted attester whose signature was checked): the card offers it. */
  trustSigner?: string;
  /** Absent until there is a verdict, and for a verdict it does not rate (one that does not hold or was not checked). */
  confidence?: Confidence;
  facts: CardFact[];
};

export type CardContentOfParameters = {
  verdict: Verdict | undefined;
  /** Unix seconds to a date and time for the reader's locale. */
  formatTime?: (seconds: number) => string;
};

export function cardContentOf({ verdict, formatTime = defaultFormatTime }: CardContentOfParameters): CardContent {
  const state = badgeStateOf(verdict);
  if (verdict === undefined) {
    return {
      state,
      word: badgeWord(state),
      headline: 'Checking this proof',
      summary: 'Verity is checking where this text came from, against the chain itself.',
      facts: [],
    };
  }
  const content: CardContent = {
    state,
    word: badgeWord(state),
    headline: headlineOf(verdict),
    summary: readerReasonOf(verdict),
    facts: factsOf(verdict, formatTime),
  };
  const confidence = confidenceOf(verdict.confidence, verdict.state);
  if (confidence.rated) content.confidence = confidence;
  if (verdict.state === 'unavailable') {
    content.note = unconfirmedRendering(verdict)
      ? 'This says nothing against the proof: Verity could not confirm that the page shows the text as it was signed.'
      : 'This says nothing against the proof: Verity could not finish checking it.';
  }
  const scope = scopeOf[verdict.state];
  if (scope !== undefined) content.scope = scope;
  if (verdict.state === 'untrusted' && verdict.facts.attester !== undefined && signatureChecked(verdict)) content.trustSigner = verdict.facts.attester;
  return content;
}

/** Said under each verdict that could be read as "true" or "false". */
const scopeOf: Partial<Record<VerdictState, string>> = {
  verified: 'AI-generated text, and the proof shows where it came from. Verity checks its origin, not whether it is true.',
  pending: 'AI-generated text, and the proof shows where it came from. Verity checks its origin, not whether it is true.',
  untrusted: 'AI-generated text from a source you have not chosen to trust. Verity checks its origin, not whether it is true.',
  altered: 'The words were changed after they were signed. That is about the text’s origin: it does not make it false.',
  invalid: 'The proof does not show where this text came from. That does not make the text false.',
  malformed: 'The proof does not show where this text came from. That does not make the text false.',
};

/** States in which the signer did stand behind the text (trusted or not); in the others the proof only names one. */
const vouchedStates = new Set<VerdictState>(['verified', 'pending', 'untrusted']);

function factsOf({ state, facts }: Verdict, formatTime: (seconds: number) => string): CardFact[] {
  const rows: CardFact[] = [];
  const vouched = vouchedBy(facts);
  if (vouched !== undefined) rows.push({ label: vouchedStates.has(state) ? 'Vouched by' : 'Claimed signer', ...vouched });
  if (facts.timestamp !== undefined) rows.push({ label: 'When', value: formatTime(facts.timestamp) });
  const chain = facts.chainName ?? (facts.chainId === undefined ? undefined : `Chain ${facts.chainId}`);
  if (chain !== undefined) rows.push({ label: 'Chain', value: chain });
  // Last, and in the claimant's words: a model name is never a checked fact.
  const model = modelClaimOf(facts);
  if (model !== undefined) {
    const { speaker, claim } = modelClaimWords(model);
    rows.push({ label: speaker, value: claim });
  }
  return rows;
}

/**
 * Who stands behind the text: the name the reader's trust configuration
 * gives the signer, else the attester, the enclave or the contract itself.
 */
function vouchedBy(facts: VerdictFacts): Omit<CardFact, 'label'> | undefined {
  const id = facts.attester ?? facts.teeId ?? facts.contract;
  const named = labelledSigner(facts);
  if (named !== undefined) return id === undefined ? { value: named } : { value: named, title: id };
  if (facts.attester !== undefined) return { value: `Attester ${shortHex(facts.attester)}`, title: facts.attester };
  if (facts.teeId !== undefined) return { value: `Enclave ${shortHex(facts.teeId)}`, title: facts.teeId };
  if (facts.contract !== undefined) return { value: `Contract ${shortHex(facts.contract)}`, title: facts.contract };
  return undefined;
}

function defaultFormatTime(seconds: number): string {
  return new Date(seconds * 1000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
