// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { elementMaker } from './card-dom';
import { citationControls } from './selection-card-citation';

// Here every click counts as the reader's: selection-card.test.ts shows a page's made-up click copies nothing.
vi.mock('./trusted-events', () => ({ trusted: <listener>(listener: listener) => listener }));

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

function setUp(writeText: (text: string) => Promise<void>) {
  vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
  const make = elementMaker(document);
  const status = make('span', 'status');
  const controls = citationControls({ document, citation: '“approved the budget”\nChecked with Verity', status, make });
  document.body.append(status, controls.button, controls.fallback);
  return { status, ...controls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('citationControls', () => {
  it('copies the citation and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const { status, button, fallback } = setUp(writeText);
    button.click();
    await settle();
    expect(writeText).toHaveBeenCalledWith('“approved the budget”\nChecked with Verity');
    expect(status.textContent).toBe('Citation copied');
    expect(fallback.hidden).toBe(true);
  });

  it('shows the citation selected in a field to copy by hand when the browser refuses the clipboard', async () => {
    const { status, button, fallback } = setUp(() => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')));
    button.click();
    await settle();
    const field = fallback.querySelector('textarea')!;
    expect(fallback.hidden).toBe(false);
    expect(field.value).toBe('“approved the budget”\nChecked with Verity');
    expect(field.readOnly).toBe(true);
    expect(document.activeElement).toBe(field);
    expect(field.selectionStart).toBe(0);
    expect(field.selectionEnd).toBe(field.value.length);
    expect(status.textContent).toBe('Copy the citation from the box below.');
  });
});
