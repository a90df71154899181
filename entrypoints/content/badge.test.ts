// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { verdictStates } from '../../lib/verdict/states';
import { createBadge, shownWord, type BadgeEvents } from './badge';
import { badgeLabel, badgeWord } from './badge-label';
import { createBadgeSheet } from './badge-sheet';
import { verdictOf } from '../../test/fakes/verdict-fixtures';

const events = (): BadgeEvents => ({ onEnter: vi.fn(), onLeave: vi.fn(), onActivate: vi.fn() });

describe('badge words and names', () => {
  it('uses the words of every Verity page', () => {
    expect([...verdictStates, 'checking' as const].map(badgeWord)).toEqual([
      'Unreadable',
      'Invalid',
      'Altered',
      'Untrusted',
      "Couldn't check",
      'Pending',
      'Verified',
      'Checking',
    ]);
  });

  it('names the badge in full for assistive technology', () => {
    expect(badgeLabel(verdictOf('verified', { confidence: 95 }))).toBe('Verity: verified, confidence 95');
    expect(badgeLabel(verdictOf('altered', { confidence: 0 }))).toBe('Verity: altered');
    expect(badgeLabel(undefined)).toBe('Verity: checking this proof');
  });

  it('says a proof that could not be checked without a rating, never failed', () => {
    const label = badgeLabel(verdictOf('unavailable', { confidence: 0 }));
    expect(label).toBe("Verity: couldn't check");
    expect(label).not.toMatch(/fail|invalid/i);
  });
});

describe('createBadge', () => {
  it('gives every badge its own pill and icon, though they are cloned from one', () => {
    const sheet = createBadgeSheet().style;
    const first = createBadge({ document, id: 'a', sheet, events: events() });
    const second = createBadge({ document, id: 'b', sheet, events: events() });
    first.render(verdictOf('verified', { confidence: 95 }));
    expect(first.button).not.toBe(second.button);
    expect(shownWord(first.button)?.textContent).toBe('Verified');
    expect(shownWord(second.button)?.textContent).toBe('Checking');
    expect(second.button.dataset.state).toBe('checking');
    expect(first.button.querySelector('svg')).not.toBe(second.button.querySelector('svg'));
    const third = createBadge({ document, id: 'c', sheet, events: events() });
    expect(shownWord(third.button)?.textContent).toBe('Checking');
  });

  it('is a host the canonical text skips, its state only inside the shadow root, checking until a verdict', () => {
    const badge = createBadge({ document, id: 'p3', sheet: createBadgeSheet().style, events: events() });
    expect(badge.host.localName).toBe('verity-badge');
    expect(badge.host.hasAttribute('data-ai-proof-ignore')).toBe(true);
    expect(badge.host.dataset.verityProof).toBe('p3');
    expect(badge.button.dataset.state).toBe('checking');
    expect(badge.button.getAttribute('aria-label')).toBe('Verity: checking this proof');

    badge.render(verdictOf('verified', { confidence: 95 }));
    // The page sees the same host whatever the verdict: nothing on it tells the reader's trust settings.
    expect(badge.host.getAttributeNames().sort()).toEqual(['data-ai-proof-ignore', 'data-verity-proof']);
    expect(badge.button.dataset.state).toBe('verified');
    expect(shownWord(badge.button)?.textContent).toBe('Verified');
    expect(badge.button.querySelectorAll('svg')).toHaveLength(1);
    expect(badge.button.getAttribute('aria-label')).toBe('Verity: verified, confidence 95');
  });

  it('draws its state from the pill inside its shadow root, so a page writing the host changes neither look nor word', () => {
    const badge = createBadge({ document, id: 'p4', sheet: createBadgeSheet().style, events: events() });
    badge.host.dataset.state = 'altered';
    badge.render(verdictOf('altered', { confidence: 90 }));
    expect(badge.button.dataset.state).toBe('altered');
    expect(shownWord(badge.button)?.textContent).toBe('Altered');
    badge.host.dataset.state = 'verified';
    expect(badge.button.dataset.state).toBe('altered');
    const probe = document.createElement('div').attachShadow({ mode: 'open' });
    createBadgeSheet().style.adopt(probe);
    const css = probe.querySelector('style')?.textContent ?? [...probe.adoptedStyleSheets[0]!.cssRules].map((rule) => rule.cssText).join('\n');
    expect(css).toContain(".pill[data-state='verified']");
    expect(css).not.toMatch(/:host\([^)]*data-state/);
  });

  it("changes no node for a new verdict, only what is seen: every state has its word and icon shapes, and the sheet shows the state's alone", () => {
    const badge = createBadge({ document, id: 'p5', sheet: createBadgeSheet().style, events: events() });
    const words = [...badge.button.querySelectorAll<HTMLElement>('.word')];
    expect(words.map((word) => [word.dataset.of, word.textContent])).toEqual(['checking' as const, ...verdictStates].map((state) => [state, badgeWord(state)]));
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(badge.button, { childList: true, subtree: true, characterData: true });
    for (const state of verdictStates) badge.render(verdictOf(state, { confidence: 50 }));
    badge.render(undefined);
    observer.disconnect();
    expect(changes).toHaveLength(0);

    const probe = document.createElement('div').attachShadow({ mode: 'open' });
    createBadgeSheet().style.adopt(probe);
    const css = probe.querySelector('style')?.textContent ?? [...probe.adoptedStyleSheets[0]!.cssRules].map((rule) => rule.cssText).join('\n');
    expect(css).toMatch(/\[data-of\] \{ visibility: hidden; \}/);
    // Nor does a new verdict animate: a transition on the pill would draw frames of the whole page for each.
    expect(css).not.toMatch(/\.pill \{[^}]*transition/);
    for (const { dataset } of words) {
      expect(css).toContain(`.pill[data-state='${dataset.of}'] [data-of='${dataset.of}']`);
      expect(badge.button.querySelector(`svg [data-of='${dataset.of}']`), dataset.of).not.toBeNull();
    }
  });

  it('is a real button, focusable from the keyboard, that opens a dialog', () => {
    const badge = createBadge({ document, id: 'p1', sheet: createBadgeSheet().style, events: events() });
    expect(badge.button.localName).toBe('button');
    expect(badge.button.type).toBe('button');
    expect(badge.button.getAttribute('aria-haspopup')).toBe('dialog');
    badge.setExpanded(true);
    expect(badge.button.getAttribute('aria-expanded')).toBe('true');
  });

  it('tells of hover, focus and presses, and keeps its clicks from the page', () => {
    const handlers = events();
    const badge = createBadge({ document, id: 'p1', sheet: createBadgeSheet().style, events: handlers });
    const link = document.createElement('a');
    link.href = '#elsewhere';
    const pageClick = vi.fn();
    link.addEventListener('click', pageClick);
    link.append(badge.host);
    document.body.append(link);

    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    badge.button.dispatchEvent(click);
    expect(handlers.onActivate).toHaveBeenCalledWith(badge);
    expect(click.defaultPrevented).toBe(true);
    expect(pageClick).not.toHaveBeenCalled();

    badge.button.dispatchEvent(new FocusEvent('focus'));
    badge.button.dispatchEvent(new FocusEvent('blur'));
    expect(handlers.onEnter).toHaveBeenCalledWith(badge);
    expect(handlers.onLeave).toHaveBeenCalledWith(badge);
    link.remove();
  });

  it('shares one sheet between all badges, and hides them all by changing it alone', () => {
    const shared = createBadgeSheet();
    const replace = vi.spyOn(shared.style, 'replace');
    createBadge({ document, id: 'a', sheet: shared.style, events: events() });
    createBadge({ document, id: 'b', sheet: shared.style, events: events() });
    shared.setShown(false);
    expect(replace).toHaveBeenCalledOnce();
    expect(replace.mock.calls[0]![0]).toContain(':host { display: none !important; }');
    shared.setShown(true);
    expect(replace.mock.calls[1]![0]).not.toContain(':host { display: none');
  });

  it("draws the reader's mark from the shared sheet only, and none before it is known, in a box of the same width", () => {
    const shared = createBadgeSheet();
    const replace = vi.spyOn(shared.style, 'replace');
    shared.setMark({ colour: 'violet', symbol: 'diamond' });
    expect(replace.mock.calls[0]![0]).toContain(".mark::before { content: '◆'; color: #8e4ec6; }");
    shared.setShown(false);
    expect(replace.mock.calls[1]![0]).toContain("content: '◆'");
    shared.setMark(undefined);
    expect(replace.mock.calls[2]![0]).toContain('.mark { display: inline-block; width: 1em;');
    expect(replace.mock.calls[0]![0]).toContain('.mark { display: inline-block; width: 1em;');
    expect(replace.mock.calls[2]![0]).not.toContain('::before');
  });
});
