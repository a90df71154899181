/** Whether a word of the text stands for a word of the pattern. */
export type WordTest = (textWord: string, patternWord: string) => boolean;

export type CreateHeldPrefixMatcherParameters = {
  /** The words looked for. */
  pattern: readonly string[];
  /** How the text's word may stand for the pattern's first word (a selection may cut it). */
  first: WordTest;
  /** How it may stand for the pattern's last word. */
  last: WordTest;
};

/** For a text: the number of words, from the start of the pattern, found in a row in it. */
export type HeldPrefixMatcher = (text: readonly string[]) => number;

export type CreateHeldPrefixMatcherReturnType = HeldPrefixMatcher;

/**
 * Finds the longest prefix of `pattern` that occurs as a run of words in a text,
 * where the run's first word need only pass `first`, the pattern's last
 * word `last` (a one-word pattern: a substring of a text word), and every
 * other word is equal. Knuth–Morris–Pratt, O(pattern + text): the failure
 * table stays valid with a looser first word, because a shorter
 * alignment always starts on a word the text and the pattern share. The
 * failure table is built once, for every text matched.
 */
export function createHeldPrefixMatcher({ pattern, first, last }: CreateHeldPrefixMatcherParameters): CreateHeldPrefixMatcherReturnType {
  const size = pattern.length;
  const stands = (position: number, word: string): boolean => {
    const patternWord = pattern[position]!;
    if (size === 1) return word.includes(patternWord);
    if (position === 0) return first(word, patternWord);
    if (position === size - 1) return last(word, patternWord);
    return word === patternWord;
  };

  // failure[i]: the longest proper prefix of the pattern that ends its first i words.
  const failure = new Int32Array(size);
  let matched = 0;
  for (let position = 1; position < size - 1; position += 1) {
    const word = pattern[position]!;
    while (matched > 0 && !stands(matched, word)) matched = failure[matched]!;
    if (stands(matched, word)) matched += 1;
    failure[position + 1] = matched;
  }

  return (text) => {
    let longest = 0;
    let current = 0;
    for (const word of text) {
      if (longest === size) break;
      while (current > 0 && !stands(current, word)) current = failure[current]!;
      if (stands(current, word)) current += 1;
      if (current > longest) longest = current;
    }
    return longest;
  };
}
