// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SelectionCheck } from '../../messaging/messages';
import { click, renderDom } from '../../test/ui/dom';
import { alteredOgTee, checkingTab, emptyTab, mixedTab, verifiedOgTee, wordingVerified } from '../../test/ui/fixtures';
import { pageVouchersOf, summarizePage } from './page-summary';
import { shortHex } from '../../lib/chain/short-hex';
import { PopupView, type PopupViewProps } from './PopupView';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const render = (tab = mixedTab, onReveal = vi.fn()) => {
  const view = renderDom(
    <PopupView tab={tab} inspectorUrl={(id) => `inspector.html?tab=7${id ? `&proof=${id}` : ''}`} onReveal={onReveal} onOpenOptions={vi.fn()} />,
  );
  cleanup = view.unmount;
  return view.container;
};

describe('summarizePage', () => {
  it('gives a page whose proofs agree their state', () => {
    const summary = summarizePage([
      { id: 'a', form: 'attribute', excerpt: '', verdict: verifiedOgTee },
      { id: 'b', form: 'attribute', excerpt: '', verdict: wordingVerified },
    ]);
    expect(summary.overall).toEqual({ state: 'verified', mixed: false });
  });

  it('calls a page whose proofs disagree mixed, drawn as its worst state', () => {
    const summary = summarizePage([
      { id: 'a', form: 'attribute', excerpt: '', verdict: verifiedOgTee },
      { id: 'b', form: 'attribute', excerpt: '', verdict: alteredOgTee },
    ]);
    expect(summary.overall).toEqual({ state: 'altered', mixed: true });
    expect(summary.counts).toEqual({ verified: 1, altered: 1 });
  });

  it('counts proofs still being checked apart, and has no overall before the first verdict', () => {
    expect(summarizePage(checkingTab.proofs)).toMatchObject({ total: 3, checking: 2, counts: { verified: 1 } });
    expect(summarizePage([{ id: 'a', form: 'text', excerpt: '' }]).overall).toBeNull();
  });
});

describe('PopupView', () => {
  it('shows the page at a glance, each proof, and the proofs not checked', () => {
    const container = render();
    // States counted, with no page-wide score that one weak proof would drag to "None".
    expect(container.textContent).toContain('1 of 7 verified');
    expect(container.textContent).toContain('not whether it is true');
    expect(container.textContent).not.toContain('Mixed results');
    expect(container.querySelector('[role="meter"]')).toBeNull();
    expect(container.querySelectorAll('ul[aria-label="Proofs by state"] li')).toHaveLength(7);
    expect(container.querySelectorAll('section[aria-labelledby="proofs-heading"] > ul > li')).toHaveLength(7);
    expect(container.textContent).toContain('14 more proofs not checked');
  });

  it('says of a page whose proofs all check out that the texts are AI-generated, who vouches for them, and that this is about origin, not truth', () => {
    const container = render({
      url: 'https://news.example/',
      notChecked: 0,
      proofs: [
        { id: 'a', form: 'attribute', excerpt: 'One', verdict: verifiedOgTee },
        { id: 'b', form: 'attribute', excerpt: 'Two', verdict: wordingVerified },
      ],
    });
    const page = container.querySelector('section[aria-label="This page"]')!;
    expect(page.textContent).toContain('All 2 proofs on this page check out.');
    expect(page.textContent).toContain('AI-generated texts, and their proofs show where they came from. Verity checks their origin, not whether they are true.');
    const vouchers = [...page.querySelectorAll('[role="group"][aria-label="Where it came from"] dt')].map((term) => `${term.textContent}: ${term.nextElementSibling!.textContent}`);
    expect(vouchers).toEqual([`Vouched by: Enclave ${shortHex(verifiedOgTee.facts.teeId!)}, Example Newsroom`]);
  });

  it('names at most three signers of a page, and counts the others', () => {
    const proofs = ['1', '2', '3', '4', '5'].map((digit) => ({
      id: digit,
      form: 'attribute' as const,
      excerpt: digit,
      verdict: { ...verifiedOgTee, facts: { ...verifiedOgTee.facts, signerLabel: `Newsroom ${digit}` } },
    }));
    expect(pageVouchersOf(proofs)).toEqual({ label: 'Vouched by', value: 'Newsroom 1, Newsroom 2, Newsroom 3 and 2 more' });
    // A proof that does not hold, or is still being checked: the page vouches for nothing as a whole.
    expect(pageVouchersOf([...proofs, { id: 'x', form: 'attribute', excerpt: 'x', verdict: alteredOgTee }])).toBeUndefined();
    expect(pageVouchersOf([...proofs, { id: 'y', form: 'attribute', excerpt: 'y' }])).toBeUndefined();
  });

  it('links each proof and the whole tab to the inspector, in a new tab', () => {
    const container = render();
    const hrefs = [...container.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(hrefs).toContain('inspector.html?tab=7&proof=p3');
    expect(hrefs.at(-1)).toBe('inspector.html?tab=7');
    expect([...container.querySelectorAll('a')].every((link) => link.target === '_blank')).toBe(true);
  });

  it('offers no inspector for a proof Verity did not keep (over the tab’s stored bytes)', () => {
    const [first, ...rest] = mixedTab.proofs;
    const container = render({ ...mixedTab, proofs: [{ ...first!, kept: false }, ...rest] });
    const hrefs = [...container.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(hrefs).not.toContain(`inspector.html?tab=7&proof=${first!.id}`);
    expect(hrefs).toContain(`inspector.html?tab=7&proof=${rest[0]!.id}`);
  });

  it('asks to reveal a proof when its row is chosen', () => {
    const onReveal = vi.fn();
    const container = render(mixedTab, onReveal);
    click(container.querySelectorAll('section[aria-labelledby="proofs-heading"] li button')[2]!);
    expect(onReveal).toHaveBeenCalledWith('p3');
  });

  it('shows progress while proofs are being checked', () => {
    const container = render(checkingTab);
    const progress = container.querySelector('[role="progressbar"]');
    expect(progress?.getAttribute('aria-valuenow')).toBe('1');
    expect(progress?.getAttribute('aria-valuemax')).toBe('3');
    expect(container.textContent).toContain('2 still being checked');
  });

  it('explains what Verity looks for, and that nothing leaves the browser, when a page has no proofs', () => {
    const text = render(emptyTab).textContent;
    expect(text).toContain('No AI text with a proof on this page');
    expect(text).toContain('data-ai-proof');
    expect(text).toContain('application/ai-proof+json');
    expect(text).toContain('ai-proof:v1:');
    expect(text).toContain('Nothing is sent to any server of ours');
  });
});

describe('PopupView on a site where Verity is off', () => {
  it('says so instead of claiming there are no proofs, and offers to turn it on', () => {
    const onTurnOn = vi.fn();
    const view = renderDom(
      <PopupView tab={emptyTab} inspectorUrl={() => '#'} onReveal={vi.fn()} onOpenOptions={vi.fn()} off={{ onTurnOn }} />,
    );
    cleanup = view.unmount;
    expect(view.container.textContent).toContain('Verity is off for this site');
    expect(view.container.textContent).not.toContain('No AI text with a proof');
    click([...view.container.querySelectorAll('button')].find((button) => button.textContent === 'Turn on for this site')!);
    expect(onTurnOn).toHaveBeenCalled();
  });
});

describe('PopupView with the selection, the panels and the report', () => {
  const selection: SelectionCheck = {
    pageUrl: mixedTab.url,
    checkedAt: Date.UTC(2026, 10, 24, 9, 30),
    quote: 'with construction expected to begin in the spring',
    within: ['p1'],
    outcome: 'in-signed-text',
    parts: [
      {
        text: 'with construction expected to begin in the spring',
        proofId: 'p1',
        match: 'exact',
        state: 'verified',
        confidence: 90,
        excerpt: verifiedOgTee.text.shown,
      },
    ],
    state: 'verified',
    confidence: 90,
    summary: 'The selection is part of the text the proof of this snippet signs.',
  };

  const renderFull = (props: Partial<PopupViewProps>) => {
    const view = renderDom(<PopupView tab={mixedTab} inspectorUrl={() => '#'} onReveal={vi.fn()} onOpenOptions={vi.fn()} {...props} />);
    cleanup = view.unmount;
    return view;
  };

  it('puts the last selection checked first, and shows its snippet on the page when its part is chosen', () => {
    const onReveal = vi.fn();
    const { container } = renderFull({ selection, onReveal });
    const section = container.querySelector('section[aria-labelledby="selection-heading"]')!;
    expect(container.querySelector('main')!.firstElementChild).toBe(section);
    expect(section.textContent).toContain('Part of the signed text');
    expect(section.querySelector('blockquote')?.textContent).toBe(selection.quote);
    click(section.querySelector('ul[aria-label="Where each part was found"] button')!);
    expect(onReveal).toHaveBeenCalledWith('p1');
  });

  it('has no selection section when no selection was checked', () => {
    const { container } = renderFull({ selection: null });
    expect(container.querySelector('#selection-heading')).toBeNull();
  });

  it('switches panels as tabs: by click, and by the arrow keys with focus following', () => {
    const onChange = vi.fn();
    const paste = <p>The paste form</p>;
    const { container, rerender } = renderFull({ panels: { active: 'page', onChange, paste } });
    const tabs = [...container.querySelectorAll('[role="tab"]')] as HTMLButtonElement[];
    expect(tabs.map((tab) => [tab.textContent, tab.getAttribute('aria-selected'), tab.tabIndex])).toEqual([
      ['This page', 'true', 0],
      ['Check pasted', 'false', -1],
    ]);
    const [pagePanel, pastePanel] = [...container.querySelectorAll('[role="tabpanel"]')] as HTMLElement[];
    expect(pagePanel!.hidden).toBe(false);
    expect(pastePanel!.hidden).toBe(true);
    expect(pastePanel!.getAttribute('aria-labelledby')).toBe(tabs[1]!.id);

    click(tabs[1]!);
    expect(onChange).toHaveBeenLastCalledWith('paste');
    act(() => {
      tabs[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(onChange).toHaveBeenLastCalledWith('paste');
    expect(document.activeElement).toBe(tabs[1]);
    // Left from the first tab wraps around to the last.
    onChange.mockClear();
    act(() => {
      tabs[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    });
    expect(onChange).toHaveBeenCalledWith('paste');

    rerender(<PopupView tab={mixedTab} inspectorUrl={() => '#'} onReveal={vi.fn()} onOpenOptions={vi.fn()} panels={{ active: 'paste', onChange, paste }} />);
    expect(pagePanel!.hidden).toBe(true);
    expect(pastePanel!.hidden).toBe(false);
    expect(pastePanel!.textContent).toBe('The paste form');
    act(() => {
      tabs[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    });
    expect(onChange).toHaveBeenLastCalledWith('page');
  });

  it('opens the history from the header', () => {
    const onOpenHistory = vi.fn();
    const { container } = renderFull({ onOpenHistory });
    click(container.querySelector('header button[aria-label="History"]')!);
    expect(onOpenHistory).toHaveBeenCalled();
  });

  it('exports the page report in both formats, and says so when the proofs are gone', async () => {
    const getReport = vi.fn(() => Promise.resolve(null));
    const { container } = renderFull({ getReport });
    const group = container.querySelector('[role="group"][aria-label="Export report"]')!;
    const buttons = [...group.querySelectorAll('button')];
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual(['Export report as JSON', 'Export report as Markdown']);
    await act(async () => {
      buttons[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    expect(getReport).toHaveBeenCalledTimes(1);
    expect(group.querySelector('[role="status"]')?.textContent).toContain("Couldn't export");
  });

  it('offers the report of a page without proofs once its images with Content Credentials are listed, and not before', () => {
    const exportGroup = (imagesListed: boolean) => {
      const { container, unmount } = renderDom(<PopupView tab={emptyTab} inspectorUrl={() => '#'} onReveal={vi.fn()} onOpenOptions={vi.fn()} getReport={vi.fn()} imagesListed={imagesListed} />);
      const found = container.querySelector('[role="group"][aria-label="Export report"]') !== null;
      unmount();
      return found;
    };
    expect(exportGroup(false)).toBe(false);
    expect(exportGroup(true)).toBe(true);
  });

  it('offers no report while proofs are still being checked', () => {
    const { container } = renderFull({ tab: checkingTab, getReport: vi.fn() });
    const buttons = [...container.querySelectorAll('[role="group"][aria-label="Export report"] button')] as HTMLButtonElement[];
    expect(buttons.every((button) => button.disabled)).toBe(true);
  });
});
