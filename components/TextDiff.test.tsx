// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { renderDom } from '../test/ui/dom';
import { TextDiff } from './TextDiff';
import { wordDiff } from './word-diff';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('wordDiff', () => {
  it('marks words only in the first text as removed and only in the second as added', () => {
    expect(wordDiff('found no significant link', 'found a strong link')).toEqual([
      { kind: 'same', text: 'found ' },
      { kind: 'removed', text: 'no significant' },
      { kind: 'added', text: 'a strong' },
      { kind: 'same', text: ' link' },
    ]);
  });

  it('shows punctuation and markup as changes of their own', () => {
    expect(wordDiff('**Key** points', 'Key points')).toEqual([
      { kind: 'removed', text: '**' },
      { kind: 'same', text: 'Key' },
      { kind: 'removed', text: '**' },
      { kind: 'same', text: ' points' },
    ]);
  });

  it('returns one unchanged part for equal texts, and handles empty ones', () => {
    expect(wordDiff('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
    expect(wordDiff('', 'new')).toEqual([{ kind: 'added', text: 'new' }]);
    expect(wordDiff('old', '')).toEqual([{ kind: 'removed', text: 'old' }]);
  });

  it('keeps both texts whole, whatever the diff', () => {
    const before = 'The study of 2,400 adults found no significant link, though the sample was small.';
    const after = 'The study of 2,400 adults found a strong link, the authors said.';
    const parts = wordDiff(before, after);
    expect(parts.filter((part) => part.kind !== 'added').map((part) => part.text).join('')).toBe(before);
    expect(parts.filter((part) => part.kind !== 'removed').map((part) => part.text).join('')).toBe(after);
  });

  it('is bounded: past the cell limit the differing middle is one removal and one addition', () => {
    const before = Array.from({ length: 400 }, (_, index) => `a${index}`).join(' ');
    const after = Array.from({ length: 400 }, (_, index) => `b${index}`).join(' ');
    const parts = wordDiff(`start ${before} end`, `start ${after} end`, 10_000);
    expect(parts.map((part) => part.kind)).toEqual(['same', 'removed', 'added', 'same']);
  });
});

describe('TextDiff', () => {
  it('marks removed words with <del> and added ones with <ins>, named for screen readers', () => {
    const { container, unmount } = renderDom(<TextDiff signed="Rates held steady in June." shown="Rates were cut in June." />);
    cleanup = unmount;
    expect([...container.querySelectorAll('del')].map((element) => element.textContent)).toContain(
      '[only in the signed text: held steady]',
    );
    expect([...container.querySelectorAll('ins')].map((element) => element.textContent)).toContain(
      '[only on the page: were cut]',
    );
    expect(container.textContent).toContain('2 differences');
    expect(container.textContent).toContain('only in the signed text');
  });
});
