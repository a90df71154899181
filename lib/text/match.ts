import { canonicalText } from './canonical';

/** A word of spec §4: a run of letters and digits. Global: for `match` and `matchAll`, which ignore `lastIndex`. */
export const letterOrDigitRun = /[\p{L}\p{N}]+/gu;

function wordingOfCanonical(canonical: string): string {
  return (canonical.match(letterOrDigitRun) ?? []).join(' ').toLowerCase();
}

export type WordingReturnType = string;

/**
 * The wording of a text (spec §4): the runs of letters and digits of its
 * canonical text, joined by single spaces, lower-cased. Marks (\p{M}) are
 * not letters, so a word with combining marks splits there, as the spec's
 * definition implies.
 */
export function wording(text: string): WordingReturnType {
  return wordingOfCanonical(canonicalText(text));
}

export type CompareTextsReturnType = 'exact' | 'wording' | 'differs';

/**
 * How the text shown on the page relates to the signed text (spec §4):
 * `exact` when their canonical texts are equal, `wording` when their
 * wordings are, else `differs`. Two texts with no letters or digits at all
 * (emoji, punctuation) have equal, empty wordings; they count as `differs`
 * unless exact, or 👍 would match 👎.
 */
export function compareTexts(shown: string, signed: string): CompareTextsReturnType {
  const shownCanonical = canonicalText(shown);
  const signedCanonical = canonicalText(signed);
  if (shownCanonical === signedCanonical) return 'exact';
  const shownWording = wordingOfCanonical(shownCanonical);
  return shownWording !== '' && shownWording === wordingOfCanonical(signedCanonical) ? 'wording' : 'differs';
}
