// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { renderDom } from '../test/ui/dom';
import { TextDiff, textsToDiff } from './TextDiff';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

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

  it('says when the texts differ too much to match word by word', () => {
    const signed = Array.from({ length: 800 }, (_, index) => `a${index}`).join(' ');
    const shown = Array.from({ length: 800 }, (_, index) => `b${index}`).join(' ');
    const { container, unmount } = renderDom(<TextDiff signed={signed} shown={shown} />);
    cleanup = unmount;
    expect(container.textContent).toContain('differ in too many places to match word by word');
    const diff = container.querySelector('[aria-label="Differences between the signed text and the page"]')!;
    expect(diff.querySelectorAll('del')).toHaveLength(1);
    expect(diff.querySelectorAll('ins')).toHaveLength(1);
  });

  it('says nothing of the kind for a small change', () => {
    const { container, unmount } = renderDom(<TextDiff signed="Rates held steady." shown="Rates held." />);
    cleanup = unmount;
    expect(container.textContent).not.toContain('too many places');
    expect(container.textContent).toContain('1 difference');
  });
});

describe('textsToDiff', () => {
  it('gives both texts when the proof signs a text and the checked one differs from it, in wording or more', () => {
    expect(textsToDiff({ signed: 'Rates held.', shown: 'rates held', match: 'wording' })).toEqual({ signed: 'Rates held.', shown: 'rates held' });
    expect(textsToDiff({ signed: 'Rates held.', shown: 'Rates cut.', match: 'differs' })).toEqual({ signed: 'Rates held.', shown: 'Rates cut.' });
  });

  it('gives nothing when the texts are the same, the proof signs the shown text, or the signed text is unreadable', () => {
    expect(textsToDiff({ signed: 'Rates held.', shown: 'Rates held.', match: 'exact' })).toBeNull();
    expect(textsToDiff({ signed: 'Rates held.', shown: 'Rates held.', match: 'shown-is-signed' })).toBeNull();
    expect(textsToDiff({ signed: null, shown: 'Rates cut.', match: 'differs' })).toBeNull();
  });
});
