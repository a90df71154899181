import { describe, expect, it } from 'vitest';
import type { VerdictState } from '../../../lib/verdict/states';
import type { Verdict, VerdictFacts } from '../../../lib/verdict/types';
import { composeSelectionCheck, signedTextOf, type SelectionProof } from './selection-check';
import { verdictOf } from '../../../test/fakes/worker-fixtures';
import { overBudgetVerdict } from '../verification/tab-budget';

/** A verdict whose envelope carries `signed` (or, with `shownIsSigned`, signs the shown text). */
function signing(
  state: VerdictState,
  signed: string,
  { shownIsSigned = false, confidence, facts = {}, proofType }: { shownIsSigned?: boolean; confidence?: number; facts?: VerdictFacts; proofType?: Verdict['proofType'] } = {},
): Verdict {
  const verdict = verdictOf(state);
  return {
    ...verdict,
    confidence: confidence ?? verdict.confidence,
    proofType: proofType ?? verdict.proofType,
    facts,
    text: { signed, shown: signed, match: shownIsSigned ? 'shown-is-signed' : 'exact' },
  };
}

const teeId = `0x${'ab'.repeat(32)}` as const;
const first: SelectionProof = {
  id: 'p0',
  excerpt: 'The council approved the budget…',
  verdict: signing('verified', 'The council approved the budget on Tuesday. It passed seven to two.', { facts: { teeId, model: 'gpt-x' } }),
};
const second: SelectionProof = { id: 'p1', excerpt: 'Rain is expected…', verdict: signing('pending', 'Rain is expected over the weekend.', { confidence: 60 }) };
const base = { pageUrl: 'https://news.example/', checkedAt: 1_000 };

describe('composeSelectionCheck', () => {
  it('says the selection is signed by the proof of the snippet it lies in, with that verdict and who vouches for it', () => {
    const check = composeSelectionCheck({ ...base, quote: 'approved the budget', within: ['p0'], proofs: [first, second] });
    expect(check).toMatchObject({
      outcome: 'in-signed-text',
      state: 'verified',
      confidence: 90,
      parts: [
        {
          text: 'approved the budget',
          proofId: 'p0',
          match: 'exact',
          state: 'verified',
          excerpt: first.excerpt,
          signer: { name: 'Enclave 0xabab…abab', id: teeId },
          model: { by: 'page', model: 'gpt-x' },
        },
      ],
    });
    expect(check.summary).toBe('The proof of this snippet signs the selected text, and that proof checks out: vouched for by the OpenGradient secure enclave 0xabab…abab.');
  });

  it('names the signer of an untrusted proof as someone the reader has not chosen to trust, by the name the trust settings give', () => {
    const attester = `0x${'12'.repeat(20)}` as const;
    const untrusted: SelectionProof = { id: 'p6', excerpt: 'Harbour…', verdict: signing('untrusted', 'Harbour fees rise in May.', { proofType: 'eas-onchain', facts: { attester } }) };
    expect(composeSelectionCheck({ ...base, quote: 'Harbour fees rise', within: ['p6'], proofs: [untrusted] }).summary).toBe(
      'The proof of this snippet signs the selected text, but the proof is signed by the attester 0x1212…1212, whom you have not chosen to trust.',
    );
    const named = { ...untrusted, verdict: { ...untrusted.verdict, facts: { attester, signerLabel: 'Harbour Gazette', signerList: 'Press Council' } } };
    const check = composeSelectionCheck({ ...base, quote: 'Harbour fees rise', within: ['p6'], proofs: [named] });
    expect(check.summary).toContain('signed by Harbour Gazette (from the list “Press Council”), whom you have not chosen to trust');
    expect(check.parts[0]!.signer).toEqual({ name: 'Harbour Gazette (from the list “Press Council”)', id: attester });
  });

  it('answers a selection in a snippet whose proof the tab’s budget refused unavailable, never with the words another proof signs', () => {
    const refused: SelectionProof = { id: 'p2', excerpt: 'The council approved…', verdict: overBudgetVerdict('storage', 'The council approved…'), refused: 'storage' };
    const check = composeSelectionCheck({ ...base, quote: 'The council approved the budget on Tuesday.', within: ['p2'], proofs: [first, second, refused] });
    expect(check).toMatchObject({ outcome: 'not-checked', state: 'unavailable', confidence: 0, parts: [] });
    expect(check.summary).toBe(
      'Verity did not check the proof of this snippet: the page holds more proof data than Verity keeps for one tab, so this says nothing either way about the selected words. Other tabs are unaffected.',
    );
    // One refused for the rate is kept with its verdict alone, and answered the same, with its own reason.
    const overRate = composeSelectionCheck({ ...base, quote: 'approved the budget', within: ['p2'], proofs: [first, { ...refused, verdict: overBudgetVerdict('rate', ''), refused: undefined }] });
    expect(overRate).toMatchObject({ outcome: 'not-checked', state: 'unavailable' });
    expect(overRate.summary).toMatch(/changed its proofs faster than Verity checks them for one tab/);
    // Outside its snippet, the other proofs answer as ever, saying one was not looked in.
    expect(composeSelectionCheck({ ...base, quote: 'Nothing signs these words at all', within: [], proofs: [first, refused] }).summary).toMatch(/one proof could not be read or checked/);
  });

  it('says a selection in a snippet is not signed when its proof does not sign those words, and why when the snippet was altered', () => {
    const altered: SelectionProof = { id: 'p2', excerpt: 'The mayor resigned…', verdict: signing('altered', 'The mayor stayed in office.') };
    const check = composeSelectionCheck({ ...base, quote: 'resigned', within: ['p2'], proofs: [first, altered] });
    // The snippet's altered verdict is the answer's state: never hidden behind "not signed".
    expect(check).toMatchObject({ outcome: 'not-in-signed-text', state: 'altered' });
    expect(check.summary).toMatch(/changed or added after signing/);

    const partly = composeSelectionCheck({ ...base, quote: 'The mayor stayed in office. Then resigned', within: ['p2'], proofs: [first, altered] });
    expect(partly).toMatchObject({
      outcome: 'partly-signed',
      state: 'altered',
      parts: [
        { text: 'The mayor stayed in office.', proofId: 'p2' },
        { text: 'Then resigned', proofId: null },
      ],
    });
    expect(partly.summary).toMatch(/changed since it was signed/);
  });

  it('finds a quote outside any snippet in the signed text of a proof of the page', () => {
    const check = composeSelectionCheck({ ...base, quote: 'Rain is expected', within: [], proofs: [first, second] });
    expect(check).toMatchObject({ outcome: 'found-in-proof', state: 'pending', confidence: 60 });
    expect(check.summary).toContain('“Rain is expected…”');
  });

  it('never gives a selection in a snippet the verdict of another snippet that signs its words', () => {
    // The page shows "The vaccine is not safe" under a proof of something else; another snippet signs "The vaccine is safe".
    const safe: SelectionProof = { id: 'p3', excerpt: 'The vaccine is safe…', verdict: signing('verified', 'The vaccine is safe for children over five.') };
    const shown: SelectionProof = { id: 'p4', excerpt: 'The vaccine is not safe…', verdict: signing('verified', 'Trials ended in March.') };
    const check = composeSelectionCheck({ ...base, quote: 'The vaccine is safe for children', within: ['p4'], proofs: [safe, shown] });
    expect(check).toMatchObject({ outcome: 'found-in-other-snippet', parts: [{ proofId: 'p3' }] });
    expect(check.state).toBeUndefined();
    expect(check.summary).toBe(
      'The proof of the snippet you selected in does not sign these words. They are signed in another snippet on this page (“The vaccine is safe…”), which says nothing about the text you selected.',
    );
    // The selected snippet's own failure is still the answer's state.
    const failing = { ...shown, verdict: signing('altered', 'Trials ended in March.') };
    expect(composeSelectionCheck({ ...base, quote: 'The vaccine is safe for children', within: ['p4'], proofs: [safe, failing] })).toMatchObject({
      outcome: 'found-in-other-snippet',
      state: 'altered',
    });
    // With the unselectable word read, the question is the words on screen: signed by no one.
    expect(composeSelectionCheck({ ...base, quote: 'The vaccine is not safe', within: ['p4'], proofs: [safe, shown] })).toMatchObject({ outcome: 'partly-signed' });
  });

  it('gives a selection across two snippets the worse of their verdicts and the lower confidence', () => {
    const check = composeSelectionCheck({ ...base, quote: 'seven to two. Rain is expected', within: ['p0', 'p1'], proofs: [first, second] });
    expect(check).toMatchObject({ outcome: 'spans-proofs', state: 'pending', confidence: 60 });
    expect(check.parts.map((part) => part.proofId)).toEqual(['p0', 'p1']);
    expect(check.summary).toMatch(/waiting for the chain to confirm it: vouched for by the OpenGradient secure enclave 0xabab…abab and an OpenGradient secure enclave\.$/);
  });

  it('says when only part of a selection is signed, never more, and gives it no state to colour it green', () => {
    const check = composeSelectionCheck({ ...base, quote: 'It passed seven to two, said nobody at all', within: [], proofs: [first] });
    expect(check.outcome).toBe('partly-signed');
    expect(check.state).toBeUndefined();
    expect(check.parts.find((part) => part.proofId === 'p0')).toMatchObject({ state: 'verified' });
    expect(check.parts.some((part) => part.proofId === null)).toBe(true);
    expect(check.summary).toMatch(/^Only part of the selection/);
  });

  it('gives a selection in a snippet whose proof is invalid that state, also when the words are not what it signs', () => {
    const invalid: SelectionProof = { id: 'p5', excerpt: 'Officials said…', verdict: signing('invalid', 'Officials said the bridge is safe.') };
    const check = composeSelectionCheck({ ...base, quote: 'the tunnel was closed', within: ['p5'], proofs: [invalid] });
    expect(check).toMatchObject({ outcome: 'not-in-signed-text', state: 'invalid' });
  });

  it('attributes no piece of a longer quote that is too short to say where it came from', () => {
    // "the budget" is in the first proof's text, and "Rain" in the second's: two words, or one, prove nothing.
    const check = composeSelectionCheck({ ...base, quote: 'Aliens ate the budget. Rain fell.', within: [], proofs: [first, second] });
    expect(check).toMatchObject({ outcome: 'not-signed', parts: [{ text: 'Aliens ate the budget. Rain fell.', proofId: null, match: null }] });
    // A whole quote counts at any length.
    expect(composeSelectionCheck({ ...base, quote: 'Tuesday', within: ['p0'], proofs: [first] }).outcome).toBe('in-signed-text');
  });

  it('says no proof signs a text none holds, and names the proofs it could not look in', () => {
    const malformed: SelectionProof = { id: 'p3', excerpt: 'x', verdict: verdictOf('malformed') };
    const check = composeSelectionCheck({ ...base, quote: 'Aliens landed', within: [], proofs: [first, malformed] });
    expect(check).toMatchObject({ outcome: 'not-signed', parts: [{ proofId: null, match: null }] });
    expect(check.state).toBeUndefined();
    expect(check.summary).toBe('No proof on this page signs the selected text (one proof could not be read or checked, so it was not looked in).');
  });

  it('tells no proofs on the page apart from a page Verity could not read, and an empty selection', () => {
    expect(composeSelectionCheck({ ...base, quote: 'words', within: [], proofs: [] }).outcome).toBe('no-proofs');
    const unread = composeSelectionCheck({ ...base, quote: 'words', within: [], proofs: undefined });
    expect(unread).toMatchObject({ outcome: 'unreadable', parts: [] });
    expect(unread.summary).toMatch(/cannot read this page/);
    expect(composeSelectionCheck({ ...base, quote: '', within: [], proofs: [first] }).outcome).toBe('unreadable');
  });

  it('holds the shown text as signed only when the verdict shows it was', () => {
    expect(signedTextOf(signing('verified', 'Shown and signed.', { shownIsSigned: true }))).toBe('Shown and signed.');
    expect(signedTextOf(signing('invalid', 'Shown, hash differs.', { shownIsSigned: true }))).toBeNull();
    expect(signedTextOf(signing('invalid', 'The envelope’s own text.'))).toBe('The envelope’s own text.');
    // An envelope text that does not hash to what was signed is a claim, not the signed text.
    const unbound = signing('altered', 'A text the proof never signed.');
    const bindingFailed = { id: 'content-binding', label: 'Content matches proof', ok: false, detail: 'No match.', implies: 'altered' } as const;
    expect(signedTextOf({ ...unbound, checks: [bindingFailed] })).toBeNull();
    expect(signedTextOf({ ...unbound, checks: [{ ...bindingFailed, ok: true }] })).toBe('A text the proof never signed.');
    const unprovenShown: SelectionProof = { id: 'p4', excerpt: 'Edited', verdict: signing('altered', 'Edited words here.', { shownIsSigned: true }) };
    const check = composeSelectionCheck({ ...base, quote: 'Edited words', within: ['p4'], proofs: [unprovenShown] });
    expect(check.outcome).toBe('not-in-signed-text');
    expect(check.summary).toMatch(/could not read what that proof signs/);
  });
});
