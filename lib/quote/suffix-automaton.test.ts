import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { longestHeldSuffixes, suffixAutomaton } from './suffix-automaton';

const codes = (text: string): number[] => Array.from(text, (character) => character.charCodeAt(0));

/** The same answer by brute force. */
function bruteForce(sequence: string, text: string): number[] {
  return Array.from(sequence, (_, end) => {
    let longest = 0;
    for (let length = 1; length <= end + 1; length += 1) if (text.includes(sequence.slice(end + 1 - length, end + 1))) longest = length;
    return longest;
  });
}

describe('longestHeldSuffixes', () => {
  it('gives, per position, the longest substring ending there that the text holds', () => {
    const automaton = suffixAutomaton(codes('abcab'));
    expect([...longestHeldSuffixes(automaton, codes('xxbcaxab'))]).toEqual([1, 2, 2, 3, 2]);
    expect([...longestHeldSuffixes(automaton, codes('zzz'))]).toEqual([0, 0, 0, 0, 0]);
    expect([...longestHeldSuffixes(automaton, codes('abcab'))]).toEqual([1, 2, 3, 4, 5]);
  });

  it('handles an empty sequence and an empty text', () => {
    expect([...longestHeldSuffixes(suffixAutomaton([]), codes('abc'))]).toEqual([]);
    expect([...longestHeldSuffixes(suffixAutomaton(codes('ab')), [])]).toEqual([0, 0]);
  });

  it('agrees with brute force', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 24 });
    fc.assert(
      fc.property(text, text, (sequence, scanned) => {
        expect([...longestHeldSuffixes(suffixAutomaton(codes(sequence)), codes(scanned))]).toEqual(bruteForce(sequence, scanned));
      }),
      { numRuns: 400 },
    );
  });
});
