// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SelectionCheck } from '../../messaging/messages';
import { createCardSheet } from './card-sheet';
import { createSelectionCard, selectionCardTag } from './selection-card';
import { removeHitTest, stubHitTest } from '../../test/fakes/hit-test';

const check: SelectionCheck = {
  pageUrl: 'https://news.example/',
  checkedAt: 1,
  quote: 'approved the budget',
  within: ['p0'],
  outcome: 'in-signed-text',
  parts: [
    {
      text: 'approved the budget',
      proofId: 'p0',
      match: 'exact',
      state: 'verified',
      confidence: 92,
      excerpt: 'The council approved the budget.',
      signer: { name: 'Example Newsroom', id: `0x${'12'.repeat(20)}` },
      model: { by: 'page', model: 'gpt-x' },
    },
  ],
  state: 'verified',
  confidence: 92,
  summary: 'The proof of this snippet signs the selected text, and that proof checks out.',
};

// The card's shadow root is closed: the test reaches it the way a reader's tools do, through the host it attaches to.
const roots = new WeakMap<Element, ShadowRoot>();
const attachShadow = Element.prototype.attachShadow;
let controller: AbortController;

beforeEach(() => {
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    roots.set(this, root);
    return root;
  });
  // jsdom lays nothing out.
  Range.prototype.getBoundingClientRect = () => ({ left: 10, top: 20, bottom: 40, right: 90, width: 80, height: 20, x: 10, y: 20, toJSON: () => ({}) });
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));
  document.body.innerHTML = '<p id="one">The council approved the budget.</p><button id="page-button">Page</button>';
  controller = new AbortController();
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
  removeHitTest(document);
});

function setUp(reveal = vi.fn(() => true), onHidden = vi.fn()) {
  const card = createSelectionCard({ document, signal: controller.signal, sheet: createCardSheet(), reveal, onHidden, shadowRoots: () => [] });
  const range = document.createRange();
  range.selectNodeContents(document.getElementById('one')!);
  const host = () => document.querySelector<HTMLElement>(selectionCardTag)!;
  const root = () => roots.get(host())!;
  return { card, range, host, root, reveal };
}

describe('createSelectionCard', () => {
  it('is a dialog with a name that takes focus, says the outcome, the state and the confidence, and names the snippet', () => {
    const { card, range, host, root } = setUp();
    expect(card.show(check)).toBe(false);
    card.anchorTo(range);
    expect(card.show(check)).toBe(true);
    const dialog = root().querySelector('[role="dialog"]') as HTMLElement;
    expect(dialog.getAttribute('aria-label')).toBe('Verity: selection check');
    expect(root().activeElement).toBe(dialog);
    // The state is drawn from inside the closed shadow root: the page can neither read it from the host nor set it there.
    expect(dialog.dataset.state).toBe('verified');
    expect(host().hasAttribute('data-state')).toBe(false);
    expect(root().querySelector('.headline')!.textContent).toBe('Part of the signed text');
    expect(root().querySelector('.summary')!.textContent).toBe(check.summary);
    expect(root().querySelector('.chip')!.textContent).toBe('Verified');
    expect(root().querySelector('[role="meter"]')!.getAttribute('aria-valuenow')).toBe('92');
    expect(root().querySelector('.excerpt')!.textContent).toBe('The council approved the budget.');
    // Under the sheet's private name (shared-style.ts), important: no rule of the page's moves it.
    const top = [...host().style].find((name) => name.endsWith('-verity-top'))!;
    expect(top).toMatch(/^--v[0-9a-f]{8}-verity-top$/);
    expect(host().style.getPropertyValue(top)).toBe('46px');
    expect(host().style.getPropertyPriority(top)).toBe('important');
  });

  it('says, as the badge card does, that the words are AI-generated, who vouches for them, and that this is about origin, not truth', () => {
    const { card, range, root } = setUp();
    card.anchorTo(range);
    card.show(check);
    expect(root().querySelector('.note')!.textContent).toBe('AI-generated text, and the proof shows where it came from. Verity checks its origin, not whether it is true.');
    const facts = [...root().querySelectorAll('.facts dt')].map((term) => [term.textContent, term.nextElementSibling!.textContent, (term.nextElementSibling as HTMLElement).title]);
    expect(facts).toEqual([
      ['Vouched by', 'Example Newsroom', `0x${'12'.repeat(20)}`],
      ['The page says', 'model “gpt-x”', ''],
    ]);
  });

  it('shows the snippet on request, and says when it has left the page', () => {
    const { card, range, root, reveal } = setUp(vi.fn(() => false));
    card.anchorTo(range);
    card.show(check);
    const show = [...root().querySelectorAll('button')].find((button) => button.textContent === 'Show')!;
    expect(show.getAttribute('aria-label')).toBe('Show the snippet “The council approved the budget.”');
    show.click();
    expect(reveal).toHaveBeenCalledWith('p0');
    expect(root().querySelector('[role="status"]')!.textContent).toBe('That snippet is no longer on the page.');
  });

  it('stays open for an Escape the page made up: only the reader\'s own closes it (the e2e selection test presses it)', () => {
    const { card, range, host } = setUp();
    card.anchorTo(range);
    card.show(check);
    expect(document.activeElement).toBe(host());
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    document.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(host().hasAttribute('data-open')).toBe(true);
  });

  it('closes with its Close button, and has no state colour for a selection no proof signs', () => {
    const { card, range, host, root } = setUp();
    card.anchorTo(range);
    card.show({ ...check, outcome: 'not-signed', state: undefined, confidence: undefined, parts: [], summary: 'No proof on this page signs the selected text.' });
    expect((root().querySelector('[role="dialog"]') as HTMLElement).hasAttribute('data-state')).toBe(false);
    expect(root().querySelector('.chip')).toBeNull();
    expect(root().querySelector('.note')).toBeNull();
    expect(root().querySelector('.facts')).toBeNull();
    [...root().querySelectorAll('button')].find((button) => button.textContent === 'Close')!.click();
    expect(host().hasAttribute('data-open')).toBe(false);
  });

  it('offers "Copy citation" only when there is a citation, and copies nothing for a click the page made up', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { card, range, root } = setUp();
    card.anchorTo(range);
    card.show(check);
    expect([...root().querySelectorAll('button')].map((button) => button.textContent)).toEqual(['Show', 'Close']);
    card.show({ ...check, citation: '“approved the budget”' });
    const copy = [...root().querySelectorAll('button')].find((button) => button.textContent === 'Copy citation')!;
    // jsdom's click is untrusted, as a page's would be: the e2e selection test clicks it as a reader.
    copy.click();
    await Promise.resolve();
    expect(writeText).not.toHaveBeenCalled();
    expect(root().querySelector('[role="status"]')!.textContent).toBe('');
  });

  it('tells when the page draws over it once it is drawn, as the badge card does', async () => {
    const onHidden = vi.fn();
    const { card, range, host } = setUp(undefined, onHidden);
    document.body.insertAdjacentHTML('beforeend', '<div id="page-popover" style="background-color: rgb(255, 255, 255)"></div>');
    // Where Verity places it, under the selection's box (10, 20 to 90, 40).
    const box = { left: 10, top: 46, width: 304, height: 200, right: 314, bottom: 246, x: 10, y: 46, toJSON: () => ({}) };
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(box);
    const stack = stubHitTest(document, () => [host()]);
    vi.useFakeTimers();
    card.anchorTo(range);
    card.show(check);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onHidden).not.toHaveBeenCalled();
    stack.mockReturnValue([document.getElementById('page-popover')!, host()]);
    card.show(check);
    // Looked at once drawn, and again before it is flagged.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onHidden).toHaveBeenCalled();
    vi.useRealTimers();
  });
});
