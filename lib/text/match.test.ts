import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTexts, wording } from './match';

describe('compareTexts', () => {
  it('is exact when the canonical texts are equal', () => {
    expect(compareTexts('Hello,\u00a0 world\u200b.', ' Hello, world. ')).toBe('exact');
    expect(compareTexts('Cafe\u0301', 'Caf\u00e9')).toBe('exact');
  });

  it('is a wording match when only Markdown markers, quotation marks, apostrophes, whitespace or case differ', () => {
    expect(compareTexts('The answer is 42.', '**The answer** is _42_.')).toBe('wording');
    expect(compareTexts('# Title\n\n> quoted | cell', 'title quoted cell')).toBe('wording');
    expect(compareTexts('He said “it’s fine” ', 'He said "it\'s fine"')).toBe('wording');
    expect(compareTexts('«Oui» dit-il', '„Oui“ dit-il')).toBe('wording');
    expect(compareTexts('ÉCOLE 東京 ٣', 'école東京٣')).toBe('wording');
    expect(compareTexts('can not', 'cannot')).toBe('wording');
  });

  it('differs when a word, a digit, a sign, sentence punctuation or the order changes', () => {
    expect(compareTexts('The answer is 42.', 'The answer is 43.')).toBe('differs');
    expect(compareTexts('not guilty', 'guilty')).toBe('differs');
    expect(compareTexts('a b', 'b a')).toBe('differs');
    expect(compareTexts('The vaccine is safe.', 'The vaccine is safe?')).toBe('differs');
    expect(compareTexts('Growth was -2%', 'Growth was 2%')).toBe('differs');
    expect(compareTexts('Growth was −2 %', 'Growth was +2 %')).toBe('differs');
    expect(compareTexts('Costs rose by 5 $', 'Costs rose by 5 €')).toBe('differs');
    expect(compareTexts('x ≤ 3', 'x ≥ 3')).toBe('differs');
    expect(compareTexts('Yes, it works', 'Yes it works')).toBe('differs');
    expect(compareTexts('The answer is 42 — really.', 'The answer is 42 - really.')).toBe('differs');
    expect(compareTexts('Risk <1%', 'Risk >1%')).toBe('differs');
  });

  it('removes > and ~ wherever they stand, as spec §4 lists them among the Markdown markers: a wording match, never exact', () => {
    // Also "more than" and "about": verified at 15 points less, the card saying the formatting differs (docs/protocol.md §4).
    expect(compareTexts('Risk >1%', 'Risk 1%')).toBe('wording');
    expect(compareTexts('~40 dead', '40 dead')).toBe('wording');
  });

  it('never lets texts without letters or digits match in wording', () => {
    expect(compareTexts('👍', '👎')).toBe('differs');
    expect(compareTexts('!!!', '???')).toBe('differs');
    expect(compareTexts('👍', '👍\ufe0f')).toBe('exact');
  });

  it('reduces the canonical text: a joiner inside a word does not split it', () => {
    expect(compareTexts('wo\u200drd!', 'WORD!')).toBe('wording');
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
  it('drops Markdown markers, quotes, apostrophes and whitespace, and lower-cases the rest', () => {
    expect(wording('  **Hello**,   “WORLD”!! 2024-05 ')).toBe('hello,world!!2024-05');
  });

  it('keeps combining marks with their letters', () => {
    expect(wording('हिन्दी')).toBe('हिन्दी');
  });
});
