// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { renderDom } from '../../test/ui/dom';
import { PageIntegrityWarnings } from './PageIntegrityNotice';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const clean = { badgesKeptOff: 0, badgesHidden: 0, cardHidden: false, lookAlikes: 0 };

function render(integrity: typeof clean) {
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

  it('shows nothing for a page that did nothing against Verity', () => {
    expect(render(clean).innerHTML).toBe('');
  });
});
