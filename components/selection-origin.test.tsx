import { describe, expect, it } from 'vitest';
import type { QuotePartResult, SelectionCheck } from '../messaging/messages';
import { selectionOriginOf } from './selection-origin';

const newsroom = { name: 'Example Newsroom', id: `0x${'12'.repeat(20)}` };
const enclave = { name: 'Enclave 0xabab…abab', id: `0x${'ab'.repeat(32)}` };
const signed = (proofId: string, state: QuotePartResult['state'], signer = newsroom): QuotePartResult => ({
  text: 'words',
  proofId,
  match: 'exact',
  state,
  confidence: 80,
  excerpt: 'words',
  signer,
  model: { by: 'page', model: 'gpt-x' },
});
const unsigned: QuotePartResult = { text: 'other words', proofId: null, match: null };
const check = (outcome: SelectionCheck['outcome'], parts: QuotePartResult[], state?: SelectionCheck['state']) => ({ outcome, parts, ...(state && { state }) });

describe('selectionOriginOf', () => {
  it('names each signer of words signed whole once, then the model claimed, with the scope of the answer’s state', () => {
    expect(selectionOriginOf(check('spans-proofs', [signed('p0', 'verified'), signed('p1', 'verified', enclave), signed('p0', 'verified')], 'verified'))).toEqual({
      scope: 'AI-generated text, and the proof shows where it came from. Verity checks its origin, not whether it is true.',
      facts: [
        { label: 'Vouched by', value: 'Example Newsroom', title: newsroom.id },
        { label: 'Vouched by', value: 'Enclave 0xabab…abab', title: enclave.id },
        { label: 'The page says', value: 'model “gpt-x”' },
      ],
    });
  });

  it('says of a selection partly signed who vouches for the signed part only, claims no model for it, and implies nothing of the rest', () => {
    const origin = selectionOriginOf(check('partly-signed', [signed('p0', 'verified'), unsigned]));
    expect(origin.facts).toEqual([{ label: 'Part vouched by', value: 'Example Newsroom', title: newsroom.id }]);
    expect(origin.scope).toMatch(/^The signed part is AI-generated text.*nothing shows where the rest came from/);
    // Even were its holder's good state given to the whole, it is not said of the whole.
    expect(selectionOriginOf(check('partly-signed', [signed('p0', 'verified'), unsigned], 'verified')).scope).toBe(origin.scope);
  });

  it('has a signer whose proof does not hold only claim to be one, and the failure’s scope say it is not about truth', () => {
    expect(selectionOriginOf(check('partly-signed', [signed('p0', 'altered'), unsigned], 'altered'))).toEqual({
      scope: 'The words were changed after they were signed. That is about the text’s origin: it does not make it false.',
      facts: [{ label: 'Claimed signer', value: 'Example Newsroom', title: newsroom.id }],
    });
  });

  it('names no one for words signed only in another snippet, or in none', () => {
    expect(selectionOriginOf(check('found-in-other-snippet', [signed('p1', 'verified')]))).toEqual({ facts: [] });
    expect(selectionOriginOf(check('not-signed', [unsigned]))).toEqual({ facts: [] });
    // The selected snippet's own failure still says what it is about.
    expect(selectionOriginOf(check('not-in-signed-text', [unsigned], 'invalid')).scope).toMatch(/does not make the text false/);
    // Nothing was checked: nothing is said either way.
    expect(selectionOriginOf(check('not-checked', [], 'unavailable'))).toEqual({ facts: [] });
  });
});
