import { canonicalText } from './canonical';

/**
 * What the wording rule of spec §4 removes: Markdown markers, quotation marks
 * and apostrophes of every kind (Unicode's Quotation_Mark, the modifier letter
 * apostrophe U+02BC and the acute accent U+00B4 typed for one), and
 * whitespace. Everything else, signs and sentence punctuation included, stays.
 */
const typographic = /[*_#`~>|\p{Quotation_Mark}\u02bc\u00b4\p{White_Space}]/gu;

/** The wording of a text already in canonical form (see `wording`). */
export function wordingOfCanonical(canonical: string): string {
  return canonical.replace(typographic, '').toLowerCase();
}

export type WordingReturnType = string;

/**
 * The wording of a text (spec §4): its canonical text without Markdown
 * markers, quotation marks, apostrophes and whitespace, lower-cased. Two
 * texts match in wording when their wordings are equal.
 */
export function wording(text: string): WordingReturnType {
  return wordingOfCanonical(canonicalText(text));
}

export type CompareTextsReturnType = 'exact' | 'wording' | 'differs';

/**
 * How the text shown on the page relates to the signed text (spec §4):
 * `exact` when their canonical texts are equal, `wording` when their
 * wordings are, else `differs`. Texts whose wording is empty (only quotes
 * or Markdown markers) count as `differs` unless exact: there is nothing to
 * have matched.
 */
export function compareTexts(shown: string, signed: string): CompareTextsReturnType {
  const shownCanonical = canonicalText(shown);
  const signedCanonical = canonicalText(signed);
  if (shownCanonical === signedCanonical) return 'exact';
  const shownWording = wordingOfCanonical(shownCanonical);
  return shownWording !== '' && shownWording === wordingOfCanonical(signedCanonical) ? 'wording' : 'differs';
}
