import { describe, expect, it } from 'vitest';
import type { SelectionCheck } from '../../messaging/messages';
import { selectionCardContentOf } from './selection-card-content';

const base: SelectionCheck = { pageUrl: 'https://news.example/', checkedAt: 1, quote: 'q', within: [], outcome: 'not-signed', parts: [], summary: 'No proof on this page signs the selected text.' };

describe('selectionCardContentOf', () => {
  it('gives the outcome, the verdict in words and the confidence of the proofs that hold the selection, and where it was found', () => {
    const long = `Rain ${'is expected '.repeat(20)}`;
    const content = selectionCardContentOf({
      ...base,
      outcome: 'spans-proofs',
      state: 'pending',
      confidence: 61.6,
      summary: 'The selection runs across 2 snippets…',
      parts: [
        { text: 'a', proofId: 'p0', match: 'exact', state: 'verified', confidence: 90, excerpt: 'The council approved the budget.' },
        { text: 'b', proofId: 'p1', match: 'wording', state: 'pending', confidence: 62, excerpt: long },
        { text: 'c', proofId: 'p0', match: 'exact', state: 'verified', confidence: 90, excerpt: 'The council approved the budget.' },
      ],
    });
    expect(content).toMatchObject({
      headline: 'Signed, across several snippets',
      summary: 'The selection runs across 2 snippets…',
      state: { state: 'pending', word: 'Pending' },
      confidence: { value: 62, rated: true },
    });
    expect(content.snippets.map(({ id, state }) => [id, state])).toEqual([
      ['p0', 'verified'],
      ['p1', 'pending'],
    ]);
    expect(content.snippets[1]!.excerpt.length).toBeLessThanOrEqual(90);
    expect(content.snippets[1]!.excerpt.endsWith('…')).toBe(true);
  });

  it('shows no state, confidence, snippet, scope or signer when no proof holds the selection', () => {
    const content = selectionCardContentOf(base);
    expect(content).toEqual({ headline: 'No proof on this page signs it', summary: base.summary, facts: [], snippets: [] });
  });

  it('says what the proofs holding the selection vouch for: AI-generated text, by whom, its origin and not its truth', () => {
    const signer = { name: 'Example Newsroom', id: `0x${'12'.repeat(20)}` };
    const content = selectionCardContentOf({
      ...base,
      outcome: 'in-signed-text',
      state: 'untrusted',
      confidence: 30,
      parts: [{ text: 'q', proofId: 'p0', match: 'exact', state: 'untrusted', confidence: 30, excerpt: 'q', signer, model: { by: 'page', model: 'gpt-x' } }],
    });
    expect(content.scope).toBe('AI-generated text from a source you have not chosen to trust. Verity checks its origin, not whether it is true.');
    expect(content.facts).toEqual([
      { label: 'Vouched by', value: 'Example Newsroom', title: signer.id },
      { label: 'The page says', value: 'model “gpt-x”' },
    ]);
  });

  it('does not rate a proof that could not be checked', () => {
    expect(selectionCardContentOf({ ...base, outcome: 'found-in-proof', state: 'unavailable', confidence: 0 }).confidence).toMatchObject({ rated: false });
  });
});
