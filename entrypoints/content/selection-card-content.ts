import { selectionHeadlines } from '../../components/selection-outcome';
import { selectionOriginOf } from '../../components/selection-origin';
import type { OriginFact } from '../../lib/verdict/origin-facts';
import type { SelectionCheck } from '../../messaging/messages';
import type { VerdictState } from '../../lib/verdict/states';
import { badgeWord, confidenceOf, type Confidence } from './badge-label';

/** A snippet whose proof holds (part of) the selection. */
export type SelectionCardSnippet = { id: string; excerpt: string; state?: VerdictState };

/** What the card by a selection says; selection-card.ts lays it out. */
export type SelectionCardContent = {
  /** The outcome, in a few words. */
  headline: string;
  /** The check's one sentence. */
  summary: string;
  /** What the answer is about: where the words came from, never whether they are true. */
  scope?: string;
  /** Who vouches for the selected words, and the model claimed, as on the badge's card. */
  facts: OriginFact[];
  /** The verdict of the proofs holding the selection; absent when none does. */
  state?: { state: VerdictState; word: string };
  confidence?: Confidence;
  snippets: SelectionCardSnippet[];
  /** The citation "Copy citation" copies; absent when no proof holds the words. */
  citation?: string;
};

/** Longest excerpt shown for a snippet, in characters. */
const excerptLength = 90;

export function selectionCardContentOf(check: SelectionCheck): SelectionCardContent {
  const { scope, facts } = selectionOriginOf(check);
  const content: SelectionCardContent = {
    headline: selectionHeadlines[check.outcome],
    summary: check.summary,
    ...(scope !== undefined && { scope }),
    facts,
    snippets: [],
    ...(check.citation !== undefined && { citation: check.citation }),
  };
  if (check.state !== undefined) {
    content.state = { state: check.state, word: badgeWord(check.state) };
    if (check.confidence !== undefined) content.confidence = confidenceOf(check.confidence, check.state);
  }
  const seen = new Set<string>();
  for (const part of check.parts) {
    if (part.proofId === null || seen.has(part.proofId)) continue;
    seen.add(part.proofId);
    const excerpt = part.excerpt ?? '';
    content.snippets.push({
      id: part.proofId,
      excerpt: excerpt.length <= excerptLength ? excerpt : `${excerpt.slice(0, excerptLength - 1).trimEnd()}…`,
      ...(part.state !== undefined && { state: part.state }),
    });
  }
  return content;
}
