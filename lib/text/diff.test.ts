import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTexts, type DiffPart } from './diff';

function side(parts: DiffPart[], kind: 'signed-only' | 'shown-only'): string {
  return parts
    .filter((part) => part.kind === 'same' || part.kind === kind)
    .map((part) => part.text)
    .join(' ');
}

describe('diffTexts', () => {
  it('gives one same part for equal canonical texts', () => {
    expect(diffTexts({ signed: 'a  b\u00a0c', shown: 'a b c' })).toEqual({ parts: [{ kind: 'same', text: 'a b c' }], complete: true });
  });

  it('shows a replaced word', () => {
    expect(diffTexts({ signed: 'the answer is 42 today', shown: 'the answer is 43 today' })).toEqual({
      parts: [
        { kind: 'same', text: 'the answer is' },
        { kind: 'signed-only', text: '42' },
        { kind: 'shown-only', text: '43' },
        { kind: 'same', text: 'today' },
      ],
      complete: true,
    });
  });

  it('shows inserted and removed words', () => {
    expect(diffTexts({ signed: 'he is guilty', shown: 'he is not guilty' }).parts).toEqual([
      { kind: 'same', text: 'he is' },
      { kind: 'shown-only', text: 'not' },
      { kind: 'same', text: 'guilty' },
    ]);
    expect(diffTexts({ signed: 'one two three four', shown: 'one four' }).parts).toEqual([
      { kind: 'same', text: 'one' },
      { kind: 'signed-only', text: 'two three' },
      { kind: 'same', text: 'four' },
    ]);
    expect(diffTexts({ signed: '', shown: 'new' }).parts).toEqual([{ kind: 'shown-only', text: 'new' }]);
  });

  it('finds a minimal diff in the middle of two reorderings', () => {
    const { parts } = diffTexts({ signed: 'a b c d e f', shown: 'a c b d f e' });
    const edits = parts.filter((part) => part.kind !== 'same').flatMap((part) => part.text.split(' '));
    expect(edits).toHaveLength(4);
  });

  it('rebuilds both texts from its parts', () => {
    const words = fc.array(fc.constantFrom('a', 'b', 'c', 'dd', 'é', '42'), { maxLength: 40 }).map((list) => list.join(' '));
    fc.assert(
      fc.property(words, words, (signed, shown) => {
        const { parts, complete } = diffTexts({ signed, shown });
        expect(complete).toBe(true);
        expect(side(parts, 'signed-only')).toBe(signed);
        expect(side(parts, 'shown-only')).toBe(shown);
        for (let index = 1; index < parts.length; index += 1) expect(parts[index]!.kind).not.toBe(parts[index - 1]!.kind);
      }),
      { numRuns: 500 },
    );
  });

  it('diffs a 200,000-character text with a few changes completely', () => {
    const words = Array.from({ length: 30_000 }, (_, index) => `w${index % 997}`);
    const signed = words.join(' ');
    const changed = [...words];
    changed[10] = 'X';
    changed[15_000] = 'Y';
    changed.splice(29_000, 3);
    const { parts, complete } = diffTexts({ signed, shown: changed.join(' ') });
    expect(complete).toBe(true);
    expect(parts.filter((part) => part.kind === 'shown-only').map((part) => part.text)).toEqual(['X', 'Y']);
  });

  // A quadratic diff of 30,000 words each would run out the test's timeout; its time is in `npm run bench -- inputs`.
  it('falls back to a coarse diff when the texts share nothing, without stalling', () => {
    const signed = Array.from({ length: 30_000 }, (_, index) => `s${index}`).join(' ');
    const shown = Array.from({ length: 30_000 }, (_, index) => `t${index}`).join(' ');
    const { parts, complete } = diffTexts({ signed: `same ${signed} end`, shown: `same ${shown} end` });
    expect(complete).toBe(false);
    expect(parts.map((part) => part.kind)).toEqual(['same', 'signed-only', 'shown-only', 'same']);
    expect(side(parts, 'shown-only')).toBe(`same ${shown} end`);
  });

  it('gives up past maxEdits', () => {
    const signed = Array.from({ length: 100 }, (_, index) => `a${index}`).join(' ');
    const shown = Array.from({ length: 100 }, (_, index) => `b${index}`).join(' ');
    expect(diffTexts({ signed, shown, maxEdits: 199 }).complete).toBe(false);
    expect(diffTexts({ signed, shown, maxEdits: 200 }).complete).toBe(true);
  });

  it('gives up past maxSteps', () => {
    const signed = 'x '.repeat(5_000) + 'a';
    const shown = 'b ' + 'x '.repeat(5_000);
    expect(diffTexts({ signed, shown, maxSteps: 1_000 }).complete).toBe(false);
    expect(diffTexts({ signed, shown }).complete).toBe(true);
  });

  it('stays bounded on long texts of one repeated word with scattered edits', () => {
    const signed = Array.from({ length: 60_000 }, (_, index) => (index % 100 === 0 ? 'y' : 'x')).join(' ');
    const shown = Array.from({ length: 60_000 }, (_, index) => (index % 150 === 0 ? 'z' : 'x')).join(' ');
    const { parts } = diffTexts({ signed, shown });
    // Complete or coarse, the parts still spell out both texts.
    expect(side(parts, 'signed-only')).toBe(signed);
    expect(side(parts, 'shown-only')).toBe(shown);
  });
});

describe("diffTexts with text: 'as-written'", () => {
  const asWritten = (signed: string, shown: string) => diffTexts({ signed, shown, text: 'as-written' });

  it('takes a run of changed words as one change on each side', () => {
    expect(asWritten('found no significant link', 'found a strong link')).toEqual({
      parts: [
        { kind: 'same', text: 'found ' },
        { kind: 'signed-only', text: 'no significant' },
        { kind: 'shown-only', text: 'a strong' },
        { kind: 'same', text: ' link' },
      ],
      complete: true,
    });
  });

  it('shows punctuation and markup as changes of their own', () => {
    expect(asWritten('**Key** points', 'Key points').parts).toEqual([
      { kind: 'signed-only', text: '**' },
      { kind: 'same', text: 'Key' },
      { kind: 'signed-only', text: '**' },
      { kind: 'same', text: ' points' },
    ]);
  });

  it('keeps white space as written, where the canonical diff sees none', () => {
    expect(asWritten('a  b', 'a b').parts).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'signed-only', text: '  ' },
      { kind: 'shown-only', text: ' ' },
      { kind: 'same', text: 'b' },
    ]);
    expect(diffTexts({ signed: 'a  b', shown: 'a b' }).parts).toEqual([{ kind: 'same', text: 'a b' }]);
  });

  it('handles equal and empty texts', () => {
    expect(asWritten('same text', 'same text').parts).toEqual([{ kind: 'same', text: 'same text' }]);
    expect(asWritten('', 'new').parts).toEqual([{ kind: 'shown-only', text: 'new' }]);
    expect(asWritten('old', '').parts).toEqual([{ kind: 'signed-only', text: 'old' }]);
  });

  it('rebuilds both texts exactly from its parts', () => {
    const texts = fc.array(fc.constantFrom('a', 'b', 'dd', 'é', '42', ' ', '  ', '\n', ',', '**'), { maxLength: 40 }).map((list) => list.join(''));
    fc.assert(
      fc.property(texts, texts, (signed, shown) => {
        const { parts, complete } = asWritten(signed, shown);
        expect(complete).toBe(true);
        const sideOf = (kind: DiffPart['kind']) => parts.filter((part) => part.kind === 'same' || part.kind === kind).map((part) => part.text).join('');
        expect(sideOf('signed-only')).toBe(signed);
        expect(sideOf('shown-only')).toBe(shown);
        for (let index = 1; index < parts.length; index += 1) expect(parts[index]!.kind).not.toBe(parts[index - 1]!.kind);
      }),
      { numRuns: 500 },
    );
  });

  it('is bounded: past maxEdits the differing middle is one removal and one addition', () => {
    const signed = Array.from({ length: 400 }, (_, index) => `a${index}`).join(' ');
    const shown = Array.from({ length: 400 }, (_, index) => `b${index}`).join(' ');
    const { parts, complete } = diffTexts({ signed: `start ${signed} end`, shown: `start ${shown} end`, text: 'as-written', maxEdits: 100 });
    expect(complete).toBe(false);
    expect(parts.map((part) => part.kind)).toEqual(['same', 'signed-only', 'shown-only', 'same']);
  });
});
