// @vitest-environment jsdom
import { act, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { selectionHeadlines } from '../../components/selection-outcome';
import { stateStyles } from '../../components/state-style';
import type { PastedCheck, StandaloneResult } from '../../messaging/messages';
import { shortHex } from '../../lib/chain/short-hex';
import { click, renderDom, typeInto } from '../../test/ui/dom';
import { alteredOgTee, alteredPageProof, verifiedOgTee, verifiedPageProof } from '../../test/ui/fixtures';
import { type PasteDraft, type PasteOutcome, PastePanel, type PastePanelProps } from './PastePanel';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const verifiedResult: StandaloneResult = { label: 'Envelope (og-tee)', proof: verifiedPageProof, verdict: verifiedOgTee };
const alteredResult: StandaloneResult = { label: 'Proof token (og-tee)', proof: alteredPageProof, verdict: alteredOgTee };

const done = (check: PastedCheck): PasteOutcome => ({ status: 'done', check, checkedAt: Date.UTC(2026, 10, 24) });

const render = (overrides: Partial<PastePanelProps> = {}) => {
  const props: PastePanelProps = {
    draft: { input: '', compareText: '' },
    onDraftChange: vi.fn(),
    onCheck: vi.fn(),
    outcome: { status: 'idle' },
    inspectorLinkOf: (result) => ({ ok: true, link: `chrome-extension://id/inspector.html#share=v1.${result.proof.id}` }),
    citationOf: (result) => `Citation of ${result.label}`,
    ...overrides,
  };
  const view = renderDom(<PastePanel {...props} />);
  cleanup = view.unmount;
  return { container: view.container, props, rerender: (next: Partial<PastePanelProps>) => view.rerender(<PastePanel {...props} {...next} />) };
};

const resultRegion = (container: HTMLElement) => container.querySelector('section[aria-label="Result"]')!;
const pressKey = (target: Element, init: KeyboardEventInit) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  });

describe('PastePanel', () => {
  it('names both fields and has an empty, polite live region before any check', () => {
    const { container } = render();
    const input = container.querySelector<HTMLTextAreaElement>('#paste-input')!;
    expect(container.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Text, proof token, envelope, share link, or transaction');
    expect(container.querySelector('label[for="paste-compare"]')?.textContent).toContain('Text to compare');
    const region = resultRegion(container);
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
  });

  it('checks on the button, and on Ctrl+Enter or Cmd+Enter in either field, but not on a plain Enter', () => {
    const onCheck = vi.fn();
    const { container } = render({ onCheck, draft: { input: 'ai-proof:v1:abc', compareText: '' } });
    click(container.querySelector('button[type="submit"]')!);
    expect(onCheck).toHaveBeenCalledTimes(1);
    pressKey(container.querySelector('#paste-input')!, { key: 'Enter' });
    expect(onCheck).toHaveBeenCalledTimes(1);
    pressKey(container.querySelector('#paste-input')!, { key: 'Enter', ctrlKey: true });
    pressKey(container.querySelector('#paste-compare')!, { key: 'Enter', metaKey: true });
    expect(onCheck).toHaveBeenCalledTimes(3);
  });

  it('says it is busy, and does not start a second check meanwhile', () => {
    const onCheck = vi.fn();
    const { container } = render({ onCheck, outcome: { status: 'busy' } });
    const button = container.querySelector('button[type="submit"]')!;
    expect(button.textContent).toBe('Checking…');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(resultRegion(container).getAttribute('aria-busy')).toBe('true');
    click(button);
    pressKey(container.querySelector('#paste-input')!, { key: 'Enter', ctrlKey: true });
    expect(onCheck).not.toHaveBeenCalled();
  });

  it('keeps what was typed when the answer shows', () => {
    function Harness() {
      const [draft, setDraft] = useState<PasteDraft>({ input: '', compareText: '' });
      const [outcome, setOutcome] = useState<PasteOutcome>({ status: 'idle' });
      return (
        <PastePanel
          draft={draft}
          onDraftChange={setDraft}
          onCheck={() => setOutcome(done({ kind: 'proofs', input: 'envelope', results: [verifiedResult] }))}
          outcome={outcome}
          inspectorLinkOf={() => ({ ok: true, link: '#' })}
          citationOf={() => ''}
        />
      );
    }
    const view = renderDom(<Harness />);
    cleanup = view.unmount;
    const input = view.container.querySelector<HTMLTextAreaElement>('#paste-input')!;
    const compare = view.container.querySelector<HTMLTextAreaElement>('#paste-compare')!;
    typeInto(input, '{"v":1}');
    typeInto(compare, 'The text it is for.');
    click(view.container.querySelector('button[type="submit"]')!);
    expect(resultRegion(view.container).textContent).toContain(stateStyles.verified.word);
    expect(input.value).toBe('{"v":1}');
    expect(compare.value).toBe('The text it is for.');
  });

  it('shows each proof with its verdict, checks, facts, a share link to the inspector and its citation', () => {
    const { container } = render({ outcome: done({ kind: 'proofs', input: 'token', results: [verifiedResult, alteredResult] }) });
    const region = resultRegion(container);
    expect(region.textContent).toContain('Read as a proof token · 2 proofs');
    const cards = [...region.querySelectorAll('article')];
    expect(cards.map((card) => card.getAttribute('aria-label'))).toEqual(['Envelope (og-tee)', 'Proof token (og-tee)']);
    const [verified, altered] = cards as [HTMLElement, HTMLElement];
    expect(verified.textContent).toContain(stateStyles.verified.word);
    expect(verified.textContent).toContain('Made by an AI model in a secure OpenGradient enclave, and recorded on chain.');
    // As the badge's card says it: AI-generated, who vouches, the model as a claim, and origin, not truth.
    expect(verified.textContent).toContain('AI-generated text, and the proof shows where it came from. Verity checks its origin, not whether it is true.');
    const origin = [...verified.querySelectorAll('[role="group"][aria-label="Where it came from"] dt')].map((term) => `${term.textContent}: ${term.nextElementSibling!.textContent}`);
    expect(origin).toEqual([`Vouched by: Enclave ${shortHex(verifiedOgTee.facts.teeId!)}`, 'The page says: model “meta-llama/Llama-3.1-70B-Instruct”']);
    expect(altered.textContent).toContain('The words were changed after they were signed. That is about the text’s origin: it does not make it false.');
    expect(verified.querySelector('[role="meter"]')?.getAttribute('aria-valuenow')).toBe('90');
    expect(verified.querySelectorAll('[data-outcome]')).toHaveLength(verifiedOgTee.checks.length);
    expect(verified.textContent).toContain(verifiedOgTee.facts.tx);
    const link = [...verified.querySelectorAll('a')].find((anchor) => anchor.textContent === 'Open in inspector')!;
    expect(link.getAttribute('href')).toBe('chrome-extension://id/inspector.html#share=v1.p1');
    expect(link.target).toBe('_blank');
    expect([...verified.querySelectorAll('button')].some((button) => button.textContent?.includes('Copy citation'))).toBe(true);
    // An altered text shows what differs from the signed text; a verified one has nothing to compare.
    expect(altered.textContent).toContain(stateStyles.altered.word);
    expect(altered.textContent).toContain('Signed text and yours');
    expect(verified.textContent).not.toContain('Signed text and yours');
  });

  it('copies the citation made for that proof', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.assign(navigator, { clipboard: { writeText } });
    const { container } = render({ outcome: done({ kind: 'proofs', input: 'envelope', results: [verifiedResult] }) });
    const copy = [...container.querySelectorAll('button')].find((button) => button.textContent?.includes('Copy citation'))!;
    // The clipboard answers asynchronously; the button then says it copied.
    await act(async () => {
      copy.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    expect(writeText).toHaveBeenCalledWith('Citation of Envelope (og-tee)');
    expect(copy.textContent).toContain('Copied');
  });

  it('says why a proof cannot be opened in the inspector', () => {
    const { container } = render({
      outcome: done({ kind: 'proofs', input: 'envelope', results: [verifiedResult] }),
      inspectorLinkOf: () => ({ ok: false, reason: 'The proof is too large for a share link' }),
    });
    expect(container.textContent).toContain("Can't open in the inspector: The proof is too large for a share link");
    expect([...container.querySelectorAll('a')].some((anchor) => anchor.textContent === 'Open in inspector')).toBe(false);
  });

  it('shows a quote check as the selection is shown', () => {
    const { container } = render({
      outcome: done({
        kind: 'quote',
        check: {
          pageUrl: 'https://news.example.com/',
          checkedAt: 0,
          quote: 'a dry, bright weekend',
          within: [],
          outcome: 'found-in-proof',
          parts: [{ text: 'a dry, bright weekend', proofId: 'p9', match: 'exact', state: 'verified', confidence: 88, excerpt: 'Our weather desk' }],
          state: 'verified',
          confidence: 88,
          summary: 'A proof on this page signs this text.',
        },
      }),
    });
    const region = resultRegion(container);
    expect(region.textContent).toContain('Read as a quote');
    expect(region.textContent).toContain(selectionHeadlines['found-in-proof']);
    expect(region.querySelector('blockquote')?.textContent).toBe('a dry, bright weekend');
  });

  it("shows a lookup that could not be made as could-not-check, never as a failure", () => {
    const { container } = render({
      outcome: done({ kind: 'problem', input: 'transaction', message: 'No configured chain answered.', unavailable: true }),
    });
    const region = resultRegion(container);
    expect(region.textContent).toContain(stateStyles.unavailable.word);
    expect(region.textContent).toContain('No configured chain answered.');
    expect(region.textContent).not.toContain(stateStyles.invalid.word);
    expect(region.textContent).not.toContain('Nothing to verify');
  });

  it('explains input there is nothing to verify in', () => {
    const { container } = render({ outcome: done({ kind: 'problem', input: 'envelope', message: 'This envelope does not carry its text.' }) });
    const region = resultRegion(container);
    expect(region.textContent).toContain('Read as a proof envelope');
    expect(region.textContent).toContain('Nothing to verify');
    expect(region.textContent).toContain('This envelope does not carry its text.');
    expect(region.textContent).not.toContain(stateStyles.unavailable.word);
  });

  it('reports a check that failed to run as an error, not a verdict', () => {
    const { container } = render({ outcome: { status: 'failed', message: 'No answer to "check-pasted"' } });
    const alert = resultRegion(container).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain("Verity couldn't check this");
    expect(alert?.textContent).toContain('No answer to "check-pasted"');
  });
});
