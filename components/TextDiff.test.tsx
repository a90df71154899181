// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { renderDom } from '../test/ui/dom';
import { TextDiff } from './TextDiff';

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
