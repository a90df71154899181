import type { VerdictState } from './states';

/**
 * What a verdict is about, in a reader's words: where an AI text came
 * from, never whether it is true. Said under each verdict that could be
 * read as "true" or "false" (the badge's card, the selection card, the
 * popup); plain TypeScript, so the content script and the pages share it.
 */
const scopes: Partial<Record<VerdictState, { one: string; many: string }>> = {
  verified: {
    one: 'AI-generated text, and the proof shows where it came from. Verity checks its origin, not whether it is true.',
    many: 'AI-generated texts, and their proofs show where they came from. Verity checks their origin, not whether they are true.',
  },
  pending: {
    one: 'AI-generated text, and the proof shows where it came from. Verity checks its origin, not whether it is true.',
    many: 'AI-generated texts, and their proofs show where they came from. Verity checks their origin, not whether they are true.',
  },
  untrusted: {
    one: 'AI-generated text from a source you have not chosen to trust. Verity checks its origin, not whether it is true.',
    many: 'AI-generated texts from sources you have not chosen to trust. Verity checks their origin, not whether they are true.',
  },
  altered: {
    one: 'The words were changed after they were signed. That is about the text’s origin: it does not make it false.',
    many: 'The words were changed after they were signed. That is about the texts’ origin: it does not make them false.',
  },
  invalid: {
    one: 'The proof does not show where this text came from. That does not make the text false.',
    many: 'The proofs do not show where these texts came from. That does not make the texts false.',
  },
  malformed: {
    one: 'The proof does not show where this text came from. That does not make the text false.',
    many: 'The proofs do not show where these texts came from. That does not make the texts false.',
  },
};

/** The scope of `count` proofs in one state; undefined for `unavailable`, which claims nothing either way. */
export function scopeOf(state: VerdictState, count = 1): string | undefined {
  const scope = scopes[state];
  return scope === undefined ? undefined : count === 1 ? scope.one : scope.many;
}
