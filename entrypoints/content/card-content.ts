import { headlineOf, unconfirmedRendering } from '../../components/state-style';
import { trustRequestOf, type TrustRequest } from '../../lib/trust/trust-request';
import { readerReasonOf } from '../../lib/verdict/reader-reason';
import type { Verdict } from '../../lib/verdict/types';
import { scopeOf } from '../../lib/verdict/scope';
import { modelFactOf, signerFactOf, type OriginFact } from '../../lib/verdict/origin-facts';
import { badgeStateOf, badgeWord, confidenceOf, type BadgeState, type Confidence } from './badge-label';

export type CardFact = OriginFact;

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
  /** A signer the reader may choose to trust (an attester, ERC-7007 contract or settlement relay; lib/trust/trust-request.ts): the card offers it. */
  trustSigner?: TrustRequest;
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
  const scope = scopeOf(verdict.state);
  if (scope !== undefined) content.scope = scope;
  const trustSigner = trustRequestOf(verdict);
  if (trustSigner !== undefined) content.trustSigner = trustSigner;
  return content;
}

function factsOf({ state, facts }: Verdict, formatTime: (seconds: number) => string): CardFact[] {
  const rows: CardFact[] = [];
  const signer = signerFactOf({ state, facts });
  if (signer !== undefined) rows.push(signer);
  if (facts.timestamp !== undefined) rows.push({ label: 'When', value: formatTime(facts.timestamp) });
  const chain = facts.chainName ?? (facts.chainId === undefined ? undefined : `Chain ${facts.chainId}`);
  if (chain !== undefined) rows.push({ label: 'Chain', value: chain });
  // Last, and in the claimant's words: a model name is never a checked fact.
  const model = modelFactOf(facts);
  if (model !== undefined) rows.push(model);
  return rows;
}

function defaultFormatTime(seconds: number): string {
  return new Date(seconds * 1000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
