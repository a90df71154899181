import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHeldPrefixMatcher, type WordTest } from './longest-held-prefix';

const endsWith: WordTest = (textWord, patternWord) => textWord.endsWith(patternWord);
const startsWith: WordTest = (textWord, patternWord) => textWord.startsWith(patternWord);
const held = (pattern: string, text: string): number =>
  createHeldPrefixMatcher({ pattern: pattern.split(' '), first: endsWith, last: startsWith })(text.split(' '));

/** The same answer by brute force. */
function bruteForce(pattern: string[], text: string[]): number {
  const stands = (position: number, word: string): boolean =>
    pattern.length === 1
      ? word.includes(pattern[0]!)
      : position === 0
        ? word.endsWith(pattern[0]!)
        : position === pattern.length - 1
          ? word.startsWith(pattern[position]!)
          : word === pattern[position];
  let longest = 0;
  text.forEach((_, start) => {
    let length = 0;
    while (length < pattern.length && start + length < text.length && stands(length, text[start + length]!)) length += 1;
    longest = Math.max(longest, length);
  });
  return longest;
}

describe('createHeldPrefixMatcher', () => {
  it('counts the words of the pattern found in a row from its start', () => {
    expect(held('the budget was cut', 'so the budget was raised')).toBe(3);
    expect(held('the budget was cut', 'so the budget was cutting')).toBe(4);
    expect(held('he budget', 'the budget')).toBe(2);
    expect(held('budget the', 'the budget')).toBe(1);
    expect(held('was cut short', 'x was cut shorter')).toBe(3);
  });

  it('does not let an inner word be cut', () => {
    expect(held('a bud was', 'a budget was')).toBe(1);
  });

  it('holds a one-word pattern inside any word', () => {
    expect(held('dge', 'the budget')).toBe(1);
    expect(held('xyz', 'the budget')).toBe(0);
  });

  it('finds nothing for an empty pattern or text', () => {
    expect(createHeldPrefixMatcher({ pattern: [], first: endsWith, last: startsWith })(['a'])).toBe(0);
    expect(held('a b', '')).toBe(0);
  });

  it('falls back to a shorter alignment after a mismatch', () => {
    expect(held('a a b', 'a a a b')).toBe(3);
    expect(held('ab ab c', 'xab ab ab c')).toBe(3);
  });

  it('agrees with brute force', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b'), minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.array(word, { maxLength: 14 }), (pattern, text) => {
        expect(createHeldPrefixMatcher({ pattern, first: endsWith, last: startsWith })(text)).toBe(bruteForce(pattern, text));
      }),
      { numRuns: 1000 },
    );
  });
});
