// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { renderDom } from '../../test/ui/dom';
import type { PageIntegrity } from '../../messaging/messages';
import { PageIntegrityWarnings } from './PageIntegrityNotice';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const clean: PageIntegrity = { badgesKeptOff: 0, badgesHidden: 0, cardHidden: false, lookAlikes: 0, lookAlikeWords: [] };

function render(integrity: PageIntegrity) {
  const view = renderDom(<PageIntegrityWarnings integrity={integrity} />);
  cleanup = view.unmount;
  return view.container;
}

describe('PageIntegrityWarnings', () => {
  it('alerts the reader, in words, to a page hiding badges and drawing its own', () => {
    const alert = render({ ...clean, badgesHidden: 2, lookAlikes: 2 }).querySelector('[role="alert"]')!;
    expect(alert.getAttribute('aria-label')).toBe("This page and Verity's badges");
    expect([...alert.querySelectorAll('p')].map((line) => line.textContent)).toEqual([
      expect.stringMatching(/^This page keeps hiding Verity’s badges/),
      expect.stringMatching(/^The page drew 2 badges that are not Verity’s/),
    ]);
  });

  it("lists what the page's look-alikes say, quoted as the page's, with bidi tricks written out", () => {
    const alert = render({ ...clean, lookAlikes: 7, lookAlikeWords: ['✓ Verified by Verity', 'Verity \u202eeifireV'] }).querySelector('[role="alert"]')!;
    const list = alert.querySelector('ul')!;
    expect(list.getAttribute('aria-label')).toBe('What the page’s look-alike badges say');
    expect([...list.querySelectorAll('li')].map((item) => item.textContent)).toEqual(['The page drew “✓ Verified by Verity”', 'The page drew “Verity \\u{202E}eifireV”']);
  });

  it('shows nothing for a page that did nothing against Verity', () => {
    expect(render(clean).innerHTML).toBe('');
  });
});
