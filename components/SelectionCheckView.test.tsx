// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SelectionCheck } from '../messaging/messages';
import { click, renderDom } from '../test/ui/dom';
import { selectionHeadlines } from './selection-outcome';
import { SelectionCheckView } from './SelectionCheckView';
import { stateStyles } from './state-style';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const render = (check: SelectionCheck, onReveal = vi.fn(), missing?: string) => {
  const view = renderDom(<SelectionCheckView check={check} onReveal={onReveal} missing={missing} />);
  cleanup = view.unmount;
  return view.container;
};

const base = { pageUrl: 'https://news.example.com/story', checkedAt: Date.UTC(2026, 10, 24, 9, 30) };

const inSignedText: SelectionCheck = {
  ...base,
  quote: 'protected bike lanes to four downtown streets',
  within: ['p2'],
  outcome: 'in-signed-text',
  parts: [
    {
      text: 'protected bike lanes to four downtown streets',
      proofId: 'p2',
      match: 'exact',
      state: 'verified',
      confidence: 90,
      excerpt: 'The city council approved a two-year pilot',
      signer: { name: 'Example Newsroom', id: `0x${'12'.repeat(20)}` },
      model: { by: 'attester', model: 'gpt-x' },
    },
  ],
  state: 'verified',
  confidence: 90,
  summary: 'The selection is part of the text the proof of this snippet signs.',
};

const partlySigned: SelectionCheck = {
  ...base,
  quote: 'the first weekend sold out. Critics were unimpressed',
  within: [],
  outcome: 'partly-signed',
  parts: [
    { text: 'the first weekend sold out', proofId: 'p4', match: 'wording', state: 'verified', confidence: 75, excerpt: 'Ticket sales opened', signer: { name: 'Example Newsroom' }, model: { by: 'page', model: 'gpt-x' } },
    { text: 'Critics were unimpressed', proofId: null, match: null },
  ],
  state: 'verified',
  confidence: 75,
  summary: 'Part of the selection is signed by a proof of this page; the rest by none.',
};

const notSigned: SelectionCheck = {
  ...base,
  quote: 'A sentence nobody signed.',
  within: [],
  outcome: 'not-signed',
  parts: [{ text: 'A sentence nobody signed.', proofId: null, match: null }],
  summary: 'No proof on this page signs this text.',
};

describe('SelectionCheckView', () => {
  it('shows a quote inside signed text with its verdict, the quote, where it was found, and when', () => {
    const container = render(inSignedText);
    expect(container.textContent).toContain(selectionHeadlines['in-signed-text']);
    expect(container.textContent).toContain(inSignedText.summary);
    expect(container.textContent).toContain(stateStyles.verified.word);
    expect(container.querySelector('[role="meter"]')?.getAttribute('aria-valuenow')).toBe('90');
    expect(container.querySelector('blockquote')?.textContent).toBe(inSignedText.quote);
    expect(container.querySelector('time')?.getAttribute('dateTime')).toBe('2026-11-24T09:30:00.000Z');
    const part = container.querySelector('ul[aria-label="Where each part was found"] li');
    expect(part?.textContent).toContain('Signed word for word in');
    expect(part?.textContent).toContain('The city council approved a two-year pilot');
  });

  it("gives the quote its proofs' verdict and colour only when they sign every word", () => {
    const panelOf = (container: HTMLElement) => container.querySelector('blockquote')!.parentElement!;
    const signed = panelOf(render(inSignedText));
    expect(signed.className).toContain(stateStyles.verified.panel.split(' ')[0]);
    expect(signed.textContent).toContain(stateStyles.verified.word);
    cleanup?.();
    const partly = panelOf(render(partlySigned));
    expect(partly.className).not.toContain(stateStyles.verified.panel.split(' ')[0]);
    expect(partly.textContent).not.toContain(stateStyles.verified.word);
    expect(partly.querySelector('[role="meter"]')).toBeNull();
  });

  it('says, as the badge card does, that signed words are AI-generated, who vouches, and that this is about origin, not truth', () => {
    const signed = render(inSignedText);
    expect(signed.textContent).toContain('AI-generated text, and the proof shows where it came from. Verity checks its origin, not whether it is true.');
    const facts = [...signed.querySelectorAll('[role="group"][aria-label="Where it came from"] dt')].map((term) => `${term.textContent}: ${term.nextElementSibling!.textContent}`);
    expect(facts).toEqual(['Vouched by: Example Newsroom', 'The attester says: model “gpt-x”']);
    cleanup?.();
    // Partly signed: who vouches for the signed part, and no word about the rest's origin or model.
    const partly = render(partlySigned);
    expect([...partly.querySelectorAll('[role="group"][aria-label="Where it came from"] dt')].map((term) => term.textContent)).toEqual(['Part vouched by']);
    expect(partly.textContent).toMatch(/nothing shows where the rest came from/);
    expect(partly.textContent).not.toContain('gpt-x');
    cleanup?.();
    expect(render(notSigned).querySelector('dl')).toBeNull();
  });

  it('lists each part of a partly signed quote, signed or not, and reveals the signed one on the page', () => {
    const onReveal = vi.fn();
    const container = render(partlySigned, onReveal);
    const parts = [...container.querySelectorAll('ul[aria-label="Where each part was found"] > li')];
    expect(parts).toHaveLength(2);
    expect(parts[0]!.textContent).toContain('same words; punctuation or formatting differ');
    expect(parts[1]!.textContent).toContain('Not signed by any proof on this page');
    // Only a part a proof signs can be shown on the page.
    expect(parts[1]!.querySelector('button')).toBeNull();
    click(parts[0]!.querySelector('button')!);
    expect(onReveal).toHaveBeenCalledWith('p4');
  });

  it("says when a part's snippet is no longer on the page", () => {
    const container = render(partlySigned, vi.fn(), 'p4');
    expect(container.querySelector('[role="status"]')?.textContent).toContain("isn't on the page any more");
  });

  it('claims no verdict for a quote no proof signs, and does not repeat it part by part', () => {
    const container = render(notSigned);
    expect(container.textContent).toContain(selectionHeadlines['not-signed']);
    for (const { word } of Object.values(stateStyles)) expect(container.textContent).not.toContain(word);
    expect(container.querySelector('[role="meter"]')).toBeNull();
    expect(container.querySelector('ul')).toBeNull();
  });

  it('has a headline for every outcome', () => {
    const outcomes: SelectionCheck['outcome'][] = [
      'in-signed-text',
      'not-in-signed-text',
      'found-in-proof',
      'found-in-other-snippet',
      'spans-proofs',
      'partly-signed',
      'not-signed',
      'no-proofs',
      'unreadable',
    ];
    const headlines = outcomes.map((outcome) => {
      const container = render({ ...notSigned, outcome, quote: '', parts: [] });
      const headline = container.querySelector('p')!.textContent;
      cleanup?.();
      return headline;
    });
    expect(headlines).toEqual(outcomes.map((outcome) => selectionHeadlines[outcome]));
    expect(new Set(headlines).size).toBe(outcomes.length);
  });

  it('offers the citation the worker made, and nothing to copy for a quote no proof holds', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const cited = render({ ...inSignedText, citation: '“protected bike lanes to four downtown streets”' });
    const copy = [...cited.querySelectorAll('button')].find((button) => button.textContent?.includes('Copy citation'))!;
    click(copy);
    await Promise.resolve();
    expect(writeText).toHaveBeenCalledWith('“protected bike lanes to four downtown streets”');
    cleanup?.();
    const uncited = render({ ...inSignedText, outcome: 'not-signed', state: undefined, parts: [] });
    expect([...uncited.querySelectorAll('button')].some((button) => button.textContent?.includes('Copy citation'))).toBe(false);
    vi.unstubAllGlobals();
  });
});
