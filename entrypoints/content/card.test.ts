// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cardShown } from './card';

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(document, 'elementsFromPoint');
});

function openCard() {
  document.body.innerHTML = '<verity-card></verity-card><div id="page-popover"></div>';
  const host = document.querySelector<HTMLElement>('verity-card')!;
  vi.spyOn(host, 'getBoundingClientRect').mockReturnValue({ left: 20, top: 40, width: 300, height: 200, right: 320, bottom: 240, x: 20, y: 40, toJSON: () => ({}) });
  return host;
}

describe('cardShown', () => {
  it('holds for a card that is the topmost element at its middle', () => {
    const host = openCard();
    const stack = vi.fn(() => [host, document.body]);
    Object.assign(document, { elementsFromPoint: stack });
    expect(cardShown(document, host, false)).toBe(true);
    expect(stack).toHaveBeenCalledWith(170, 140);
  });

  it('fails for a card the page drew over, or closed', () => {
    const host = openCard();
    Object.assign(document, { elementsFromPoint: () => [document.getElementById('page-popover')!, host] });
    expect(cardShown(document, host, false)).toBe(false);
    // A popover the page closed: `:popover-open` no longer matches (jsdom knows no popovers; this is the browser's answer).
    Object.assign(document, { elementsFromPoint: () => [host] });
    vi.spyOn(host, 'matches').mockReturnValue(false);
    expect(cardShown(document, host, true)).toBe(false);
  });
});
