import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../text/canonical';
import { wording } from '../text/match';
import { checkQuote, maxQuoteLength } from './check-quote';

const article = {
  id: 'a',
  signedText: 'The council approved the budget on Tuesday. Spending on schools rises by 4%, the mayor said.',
};
const sidebar = { id: 'b', signedText: 'Opposition members called the vote "rushed" and asked for a review.' };

describe('checkQuote: one source', () => {
  it('holds a quote that is a substring of the canonical text exactly', () => {
    const result = checkQuote({ quote: '  the budget on\u00a0Tuesday. ', sources: [article, sidebar] });
    expect(result.quote).toBe('the budget on Tuesday.');
    expect(result.parts).toEqual([{ text: 'the budget on Tuesday.', sourceId: 'a', match: 'exact' }]);
  });

  it('ignores zero-width characters and whitespace differences exactly', () => {
    const result = checkQuote({ quote: 'approved\u200b the\n\t budget', sources: [article] });
    expect(result.parts).toEqual([{ text: 'approved the budget', sourceId: 'a', match: 'exact' }]);
  });

  it('holds in wording when case, spacing, quotation marks or markdown differ', () => {
    for (const quote of ['APPROVED THE BUDGET', '**approved** the _budget_', 'schools rises by 4 %', '‘rushed’ and asked', '> the  vote rushed']) {
      const result = checkQuote({ quote, sources: [article, sidebar] });
      expect(result.parts, quote).toHaveLength(1);
      expect(result.parts[0]!.match, quote).toBe('wording');
      expect(result.parts[0]!.sourceId, quote).not.toBeNull();
    }
  });

  it('lets the first word end a source word and the last word start one', () => {
    const cut = checkQuote({ quote: 'uncil approved the bud', sources: [article] });
    expect(cut.parts).toEqual([{ text: 'uncil approved the bud', sourceId: 'a', match: 'exact' }]);
    const cutInWording = checkQuote({ quote: 'UNCIL approved the BUD', sources: [article] });
    expect(cutInWording.parts).toEqual([{ text: 'UNCIL approved the BUD', sourceId: 'a', match: 'wording' }]);
    expect(checkQuote({ quote: 'ounc', sources: [article] }).parts[0]!.sourceId).toBe('a');
  });

  it('compares exactly in UTF-16 code units, past characters outside the BMP', () => {
    const source = { id: 'e', signedText: 'Launch day 🚀🚀 went well, 東京 𝒳 included.' };
    expect(checkQuote({ quote: '🚀 went well, 東京 𝒳', sources: [source] }).parts).toEqual([{ text: '🚀 went well, 東京 𝒳', sourceId: 'e', match: 'exact' }]);
    expect(checkQuote({ quote: 'day 🚀🚀 WENT well, 東京 𝒳 included', sources: [source] }).parts).toEqual([
      { text: 'day 🚀🚀 WENT well, 東京 𝒳 included', sourceId: 'e', match: 'wording' },
    ]);
  });

  it('holds nothing in wording where a sign or sentence mark changed', () => {
    const question = checkQuote({ quote: 'the mayor said?', sources: [article] });
    expect(question.parts.map((part) => [part.text, part.sourceId])).toEqual([
      ['the mayor', 'a'],
      ['said?', null],
    ]);
    const sign = checkQuote({ quote: 'Spending on schools rises by -4%', sources: [article] });
    expect(sign.parts.at(-1)).toEqual({ text: '-4%', sourceId: null, match: null });
    expect(checkQuote({ quote: 'UNCIL, approved', sources: [article] }).parts[0]).toEqual({ text: 'UNCIL,', sourceId: null, match: null });
  });

  it('does not let an inner word be cut', () => {
    const result = checkQuote({ quote: 'council approv the budget', sources: [article] });
    expect(result.parts.map((part) => [part.text, part.sourceId])).toEqual([
      ['council', 'a'],
      ['approv', null],
      ['the budget', 'a'],
    ]);
  });

  it('holds nothing for a changed word, keeping the rest attributed', () => {
    const result = checkQuote({ quote: 'Spending on hospitals rises by 4%', sources: [article] });
    expect(result.parts).toEqual([
      { text: 'Spending on', sourceId: 'a', match: 'exact' },
      { text: 'hospitals', sourceId: null, match: null },
      { text: 'rises by 4%', sourceId: 'a', match: 'exact' },
    ]);
  });

  it('merges neighbouring words no source holds into one piece', () => {
    const result = checkQuote({ quote: 'the mayor denied everything yesterday', sources: [article] });
    expect(result.parts).toEqual([
      { text: 'the mayor', sourceId: 'a', match: 'exact' },
      { text: 'denied everything yesterday', sourceId: null, match: null },
    ]);
  });

  it('holds nothing when there are no sources', () => {
    expect(checkQuote({ quote: 'the budget', sources: [] }).parts).toEqual([{ text: 'the budget', sourceId: null, match: null }]);
  });
});

describe('checkQuote: several sources', () => {
  it('splits a selection spanning two snippets into a piece from each', () => {
    const result = checkQuote({
      quote: 'the mayor said. Opposition members called',
      sources: [article, sidebar],
      within: ['a', 'b'],
    });
    expect(result.parts).toEqual([
      { text: 'the mayor said.', sourceId: 'a', match: 'exact' },
      { text: 'Opposition members called', sourceId: 'b', match: 'exact' },
    ]);
  });

  it('splits in wording too, and leaves a piece in no snippet unattributed', () => {
    const result = checkQuote({ quote: 'MAYOR SAID. — (photo credit) — opposition members', sources: [article, sidebar] });
    expect(result.parts.map((part) => [part.sourceId, part.match])).toEqual([
      ['a', 'wording'],
      [null, null],
      ['b', 'wording'],
    ]);
    expect(result.parts[1]!.text).toBe('— (photo credit) —');
  });

  it('prefers the snippet the selection lies in when nested snippets both hold the quote', () => {
    const parent = { id: 'parent', signedText: `${article.signedText} ${sidebar.signedText}` };
    const sources = [parent, article, sidebar];
    expect(checkQuote({ quote: 'approved the budget', sources, within: ['a'] }).parts[0]!.sourceId).toBe('a');
    expect(checkQuote({ quote: 'approved the budget', sources, within: [] }).parts[0]!.sourceId).toBe('parent');
  });

  it('prefers the longest piece, even from a snippet the selection does not touch', () => {
    const parent = { id: 'parent', signedText: `${article.signedText} ${sidebar.signedText}` };
    const result = checkQuote({ quote: 'the mayor said. Opposition members', sources: [article, sidebar, parent], within: ['a', 'b'] });
    expect(result.parts).toEqual([{ text: 'the mayor said. Opposition members', sourceId: 'parent', match: 'exact' }]);
  });

  it('prefers an exact match over a wording one, then page order, for the same text signed twice', () => {
    const markdown = { id: 'md', signedText: '**The council** approved the budget' };
    const plain = { id: 'plain', signedText: 'The council approved the budget' };
    const copy = { id: 'copy', signedText: 'The council approved the budget' };
    expect(checkQuote({ quote: 'The council approved', sources: [markdown, plain, copy] }).parts).toEqual([
      { text: 'The council approved', sourceId: 'plain', match: 'exact' },
    ]);
    expect(checkQuote({ quote: 'The council approved', sources: [copy, plain] }).parts[0]!.sourceId).toBe('copy');
    expect(checkQuote({ quote: 'The council approved', sources: [markdown, plain], within: ['md'] }).parts).toEqual([
      { text: 'The council approved', sourceId: 'md', match: 'wording' },
    ]);
  });
});

describe('checkQuote: edges', () => {
  it('returns no parts for an empty or blank quote', () => {
    expect(checkQuote({ quote: '', sources: [article] })).toEqual({ quote: '', parts: [] });
    expect(checkQuote({ quote: ' \u00a0\u200b\n', sources: [article] })).toEqual({ quote: '', parts: [] });
  });

  it('holds a quote of signs and marks by the same rule, and one of only quotation marks or markers exactly', () => {
    const sources = [{ id: 'up', signedText: 'Great 👍' }, { id: 'down', signedText: 'Bad 👎!! **' }];
    expect(checkQuote({ quote: '👎', sources }).parts).toEqual([{ text: '👎', sourceId: 'down', match: 'exact' }]);
    expect(checkQuote({ quote: '👎 ! !', sources }).parts).toEqual([{ text: '👎 ! !', sourceId: 'down', match: 'wording' }]);
    expect(checkQuote({ quote: '?', sources }).parts).toEqual([{ text: '?', sourceId: null, match: null }]);
    expect(checkQuote({ quote: '**', sources }).parts).toEqual([{ text: '**', sourceId: 'down', match: 'exact' }]);
    expect(checkQuote({ quote: '“ ”', sources }).parts).toEqual([{ text: '“ ”', sourceId: null, match: null }]);
  });

  it('cuts the quote at the limit without splitting a surrogate pair', () => {
    const long = `${'a'.repeat(maxQuoteLength - 1)}😀tail`;
    const result = checkQuote({ quote: long, sources: [] });
    expect(result.quote).toBe('a'.repeat(maxQuoteLength - 1));
  });

  it('handles a big page: 500 sources of 900 words, a quote of 1,500 words', () => {
    const words = Array.from({ length: 900 }, (_, index) => `w${index % 97}`).join(' ');
    const sources = Array.from({ length: 500 }, (_, index) => ({ id: `s${index}`, signedText: `${words} end${index}` }));
    const quote = Array.from({ length: 1500 }, (_, index) => `w${(index * 7) % 97}`).join(' ');
    const result = checkQuote({ quote, sources });
    expect(wording(result.parts.map((part) => part.text).join(' '))).toBe(wording(quote));
    expect(result.parts.every((part) => part.sourceId === 's0')).toBe(true);
  });

  it('never throws, and its parts re-join to the quote', () => {
    const alphabet = fc.constantFrom('a', 'b', 'é', 'e\u0301', ' ', '\u00a0', '\u200d', '.', '*', '#', '\n', 'A', '1', '😀', '\ud800', 'ß');
    const text = fc.array(alphabet, { maxLength: 30 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 4 }), fc.array(fc.nat(4), { maxLength: 3 }), (quote, signedTexts, touched) => {
        const sources = signedTexts.map((signedText, index) => ({ id: String(index), signedText }));
        const result = checkQuote({ quote, sources, within: touched.map(String) });
        expect(result.parts.map((part) => part.text).join('').replaceAll(' ', '')).toBe(result.quote.replaceAll(' ', ''));
        expect(wording(result.parts.map((part) => part.text).join(' '))).toBe(wording(result.quote));
        for (const part of result.parts) {
          expect(part.text).not.toBe('');
          expect(part.sourceId === null).toBe(part.match === null);
          if (part.sourceId === null) continue;
          const source = canonicalText(sources[Number(part.sourceId)]!.signedText).normalize('NFC');
          if (part.match === 'exact') expect(source).toContain(part.text);
          else expect(wording(source)).toContain(wording(part.text));
        }
        const holder = sources.find(({ signedText }) => canonicalText(signedText).normalize('NFC').includes(result.quote));
        if (holder !== undefined && result.quote !== '') expect(result.parts).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });
});
