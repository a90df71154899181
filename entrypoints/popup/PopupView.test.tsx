// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, renderDom } from '../../test/ui/dom';
import { alteredOgTee, checkingTab, emptyTab, mixedTab, verifiedOgTee, wordingVerified } from '../../test/ui/fixtures';
import { summarizePage } from './page-summary';
import { PopupView } from './PopupView';

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
  it('gives a page whose proofs agree their state, and the lowest confidence among them', () => {
    const summary = summarizePage([
      { id: 'a', form: 'attribute', excerpt: '', verdict: verifiedOgTee },
      { id: 'b', form: 'attribute', excerpt: '', verdict: wordingVerified },
    ]);
    expect(summary.overall).toEqual({ state: 'verified', mixed: false, confidence: 75 });
  });

  it('calls a page whose proofs disagree mixed, drawn as its worst state', () => {
    const summary = summarizePage([
      { id: 'a', form: 'attribute', excerpt: '', verdict: verifiedOgTee },
      { id: 'b', form: 'attribute', excerpt: '', verdict: alteredOgTee },
    ]);
    expect(summary.overall).toEqual({ state: 'altered', mixed: true, confidence: 0 });
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
    expect(container.textContent).toContain('Mixed results');
    expect(container.textContent).toContain('1 of 7 proofs verified');
    expect(container.querySelectorAll('ul[aria-label="Proofs by state"] li')).toHaveLength(7);
    expect(container.querySelectorAll('section[aria-labelledby="proofs-heading"] > ul > li')).toHaveLength(7);
    expect(container.textContent).toContain('14 more proofs not checked');
  });

  it('links each proof and the whole tab to the inspector, in a new tab', () => {
    const container = render();
    const hrefs = [...container.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(hrefs).toContain('inspector.html?tab=7&proof=p3');
    expect(hrefs.at(-1)).toBe('inspector.html?tab=7');
    expect([...container.querySelectorAll('a')].every((link) => link.target === '_blank')).toBe(true);
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
    expect(text).toContain('No AI proofs on this page');
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
    expect(view.container.textContent).not.toContain('No AI proofs');
    click([...view.container.querySelectorAll('button')].find((button) => button.textContent === 'Turn on for this site')!);
    expect(onTurnOn).toHaveBeenCalled();
  });
});
