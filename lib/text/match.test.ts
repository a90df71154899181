import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTexts, wording } from './match';

describe('compareTexts', () => {
  it('is exact when the canonical texts are equal', () => {
    expect(compareTexts('Hello,\u00a0 world\u200b.', ' Hello, world. ')).toBe('exact');
    expect(compareTexts('Cafe\u0301', 'Caf\u00e9')).toBe('exact');
  });

  it('is a wording match when only markdown, punctuation, markup or case differ', () => {
    expect(compareTexts('The answer is 42 — really.', '**The answer** is _42_ - really!')).toBe('wording');
    expect(compareTexts('# Title\n\n* one\n* two', 'title one two')).toBe('wording');
    expect(compareTexts('ÉCOLE 東京 ٣', 'école, 東京: ٣')).toBe('wording');
  });

  it('differs when a word, a digit or the order changes', () => {
    expect(compareTexts('The answer is 42.', 'The answer is 43.')).toBe('differs');
    expect(compareTexts('not guilty', 'guilty')).toBe('differs');
    expect(compareTexts('a b', 'b a')).toBe('differs');
    expect(compareTexts('can not', 'cannot')).toBe('differs');
  });

  it('never lets texts without letters or digits match in wording', () => {
    expect(compareTexts('👍', '👎')).toBe('differs');
    expect(compareTexts('!!!', '???')).toBe('differs');
    expect(compareTexts('👍', '👍\ufe0f')).toBe('exact');
  });

  it('reduces the canonical text: a joiner inside a word does not split it', () => {
    expect(compareTexts('wo\u200drd!', 'word')).toBe('wording');
  });

  it('is symmetric, and exact on equal inputs', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(compareTexts(a, b)).toBe(compareTexts(b, a));
        expect(compareTexts(a, a)).toBe('exact');
      }),
    );
  });
});

describe('wording', () => {
  it('joins the runs of letters and digits with single spaces, lower-cased', () => {
    expect(wording('  Hello,   WORLD!! 2024-05 ')).toBe('hello world 2024 05');
  });

  it('splits at marks, which are not letters (spec: \\p{L}\\p{N})', () => {
    expect(wording('हिन्दी')).toBe('ह न द');
  });
});
