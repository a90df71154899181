import { checkQuote, type QuotePart } from '../../../lib/quote/check-quote';
import { worstState, type VerdictState } from '../../../lib/verdict/states';
import type { Verdict } from '../../../lib/verdict/types';
import { modelClaimOf } from '../../../lib/verdict/model-claim';
import { vouchedBy } from '../../../lib/verdict/origin-facts';
import { signerWords } from '../../../lib/report/signer-words';
import type { QuotePartResult, SelectionCheck } from '../../../messaging/messages';

/** One proof of the page, with its verdict, as a selection is checked against it. */
export type SelectionProof = {
  id: string;
  excerpt: string;
  verdict: Verdict;
  /** The tab's stored bytes refused it (tab-budget.ts): listed, never checked. */
  refused?: 'storage' | undefined;
};

export type ComposeSelectionCheckParameters = {
  pageUrl: string;
  /** The selection's canonical text; '' when nothing could be read. */
  quote: string;
  /** Ids of the proofs whose snippets the selection touches. */
  within: readonly string[];
  /** The page's proofs; undefined when Verity cannot read the page at all (no content script answered and none is known). */
  proofs: readonly SelectionProof[] | undefined;
  /** ms since the epoch. */
  checkedAt: number;
};

export type ComposeSelectionCheckReturnType = SelectionCheck;

/**
 * Fewest words (runs of letters and digits) a piece of a longer quote
 * needs to count as signed: "the"
 * or "30" is in almost any signed text, and says nothing of where the
 * quote came from. A whole quote counts at any length.
 */
export const minAttributedWords = 3;

/** States in which the proof binds the text it was verified with: the shown text is then known to be what was signed. */
const bindingStates = new Set<VerdictState>(['verified', 'pending', 'untrusted']);

/**
 * What a verdict says its proof signs, or null when that is not known. An
 * envelope with a `text` names it, unless that text failed the content
 * binding (it is then not what was signed); one without signs the shown
 * text, but only a verdict whose checks held shows that it does (an
 * altered or invalid one has the shown text as `signed` without any proof
 * of it).
 */
export function signedTextOf(verdict: Verdict): string | null {
  if (verdict.text.match !== 'shown-is-signed') {
    const bindingFailed = verdict.checks.some((check) => check.id === 'content-binding' && check.ok === false);
    return bindingFailed ? null : verdict.text.signed;
  }
  return bindingStates.has(verdict.state) ? verdict.text.signed : null;
}

/**
 * The answer to "Verify selection" (outcomes: SelectionCheck in
 * messages.ts). The quote is looked for in the signed text of every proof
 * of the page that has one (lib/quote/check-quote.ts); the state is the
 * worst verdict among the proofs that hold it, and nothing is claimed of a
 * proof that does not.
 */
export function composeSelectionCheck({ pageUrl, quote, within, proofs, checkedAt }: ComposeSelectionCheckParameters): ComposeSelectionCheckReturnType {
  const base = { pageUrl, checkedAt, quote, within: [...within] };
  if (quote === '') return { ...base, outcome: 'unreadable', parts: [], summary: 'Verity could not read a selection here: select some text on the page and try again.' };
  if (proofs === undefined) {
    return { ...base, outcome: 'unreadable', parts: [], summary: 'Verity cannot read this page, so it has no proofs to check the selection against.' };
  }
  if (proofs.length === 0) return { ...base, outcome: 'no-proofs', parts: [], summary: 'This page has no proofs to check the selection against.' };

  const byId = new Map(proofs.map((proof) => [proof.id, proof]));
  // A snippet whose proof the tab's budget kept Verity from checking: nothing is known of its words, whatever other proofs sign.
  const unchecked = within.flatMap((id) => byId.get(id) ?? []).filter(notCheckedForBudget);
  if (unchecked.length > 0) {
    return { ...base, outcome: 'not-checked', parts: [], state: 'unavailable', confidence: 0, summary: notCheckedSummary(unchecked) };
  }
  const sources = proofs.flatMap(({ id, verdict }) => {
    const signedText = signedTextOf(verdict);
    return signedText === null ? [] : [{ id, signedText }];
  });
  const checked = checkQuote({ quote, sources, within: within.filter((id) => byId.has(id)) });
  const parts = attributableParts(checked.quote, checked.parts).map(({ text, sourceId, match }): QuotePartResult => {
    const proof = sourceId === null ? undefined : byId.get(sourceId);
    if (proof === undefined || match === null) return { text, proofId: null, match: null };
    const { state, confidence, facts } = proof.verdict;
    const signer = vouchedBy(facts);
    const model = modelClaimOf(facts);
    return { text, proofId: proof.id, match, state, confidence, excerpt: proof.excerpt, ...(signer && { signer }), ...(model && { model }) };
  });
  const holders = [...new Set(parts.flatMap((part) => (part.proofId === null ? [] : [byId.get(part.proofId)!])))];
  const unread = proofs.length - sources.length;
  const check = { ...base, quote: checked.quote, parts };

  if (holders.length === 0) {
    const inSnippet = within.flatMap((id) => byId.get(id) ?? []);
    if (inSnippet.length === 0) return { ...check, outcome: 'not-signed', summary: `No proof on this page signs the selected text${unreadNote(unread)}.` };
    // The snippet's own failed verdict is never hidden behind "not signed": it is the answer's state.
    const failed = failedState(inSnippet);
    const notInSigned = { ...check, outcome: 'not-in-signed-text' as const, summary: notInSignedTextSummary(inSnippet) };
    return failed === undefined ? notInSigned : { ...notInSigned, state: failed.state, confidence: failed.confidence };
  }

  const state = worstState(holders.map((proof) => proof.verdict.state));
  const confidence = Math.min(...holders.map((proof) => proof.verdict.confidence));
  const held = { ...check, state, confidence };
  const wordingOnly = parts.some((part) => part.match === 'wording') ? ' (in wording: punctuation or formatting differ)' : '';
  if (parts.some((part) => part.proofId === null)) {
    const signed = parts.filter((part) => part.proofId !== null).length;
    const summary = `Only part of the selection is signed by a proof on this page (${signed} of ${parts.length} parts), ${stateClause(state, holders)}.`;
    // Part of it unsigned is never a good answer as a whole: no state to colour it by, unless a holder's is a failure.
    const failed = failedState(holders);
    const partly = { ...check, outcome: 'partly-signed' as const, summary };
    return failed === undefined ? partly : { ...partly, state: failed.state, confidence: failed.confidence };
  }
  const inSnippet = within.flatMap((id) => byId.get(id) ?? []);
  if (inSnippet.length > 0 && holders.some((proof) => !within.includes(proof.id))) {
    // Words signed for another snippet say nothing of the selected one (a page can make "not" unselectable, or show other words): never its verdict.
    const failed = failedState(inSnippet);
    const elsewhere = { ...check, outcome: 'found-in-other-snippet' as const, summary: foundElsewhereSummary(holders.filter((proof) => !within.includes(proof.id))) };
    return failed === undefined ? elsewhere : { ...elsewhere, state: failed.state, confidence: failed.confidence };
  }
  if (holders.length > 1 || parts.length > 1) {
    return {
      ...held,
      outcome: 'spans-proofs',
      summary: `The selection runs across ${holders.length > 1 ? `${holders.length} snippets` : 'parts of a snippet'}, and each part is signed by a proof on this page${wordingOnly}, ${stateClause(state, holders)}.`,
    };
  }
  const [holder] = holders;
  if (within.includes(holder!.id)) {
    return { ...held, outcome: 'in-signed-text', summary: `The proof of this snippet signs the selected text${wordingOnly}, ${stateClause(state, holders)}.` };
  }
  return {
    ...held,
    outcome: 'found-in-proof',
    summary: `The selected text is not a snippet with a proof of its own, but it quotes the signed text of “${holder!.excerpt}”${wordingOnly}, ${stateClause(state, holders)}.`,
  };
}

/** The quote's pieces with those too short to attribute (see minAttributedWords) counted as unsigned, and unsigned neighbours joined. */
function attributableParts(quote: string, parts: readonly QuotePart[]): QuotePart[] {
  if (parts.length <= 1) return [...parts];
  const joined: { start: number; end: number; part: QuotePart }[] = [];
  let cursor = 0;
  for (const part of parts) {
    const start = quote.indexOf(part.text, cursor);
    cursor = start + part.text.length;
    const short = (part.text.match(/[\p{L}\p{N}]+/gu) ?? []).length < minAttributedWords;
    const counted = short ? { ...part, sourceId: null, match: null } : part;
    const previous = joined.at(-1);
    if (previous && previous.part.sourceId === null && counted.sourceId === null) previous.end = cursor;
    else joined.push({ start, end: cursor, part: counted });
  }
  return joined.map(({ start, end, part }) => (part.sourceId === null ? { text: quote.slice(start, end), sourceId: null, match: null } : part));
}

/** How far the holding proofs' verdict lets the answer go, and who vouches for them, as the end of a sentence. */
function stateClause(state: VerdictState, holders: readonly SelectionProof[]): string {
  switch (state) {
    case 'verified':
      return `and that proof checks out${vouchers(holders)}`;
    case 'pending':
      return `and that proof is valid so far, still waiting for the chain to confirm it${vouchers(holders)}`;
    case 'untrusted': {
      const signers = signersOf(holders.filter((proof) => proof.verdict.state === 'untrusted'));
      return signers === undefined ? 'but the proof is from no one your trust settings name' : `but the proof is signed by ${signers}, whom you have not chosen to trust`;
    }
    case 'unavailable':
      return 'but Verity could not finish checking that proof, so this says nothing either way';
    case 'altered':
      return 'but the snippet as shown was changed since it was signed';
    case 'invalid':
      return 'but that proof does not hold up: it is invalid';
    case 'malformed':
      return 'but that proof cannot be read';
  }
}

/** ": vouched for by …", naming each holding proof's signer as a citation does; empty when the proofs name no one. */
function vouchers(holders: readonly SelectionProof[]): string {
  const signers = signersOf(holders);
  return signers === undefined ? '' : `: vouched for by ${signers}`;
}

/** "A", "A and B", "A, B and C": each signer once; undefined when none is named. */
function signersOf(proofs: readonly SelectionProof[]): string | undefined {
  const names = [...new Set(proofs.flatMap((proof) => signerWords(proof.verdict) ?? []))];
  if (names.length === 0) return undefined;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** States that say a proof failed: an answer that touches one says so. */
const failureStates = new Set<VerdictState>(['altered', 'invalid', 'malformed']);

/** The worst failed verdict among these proofs, if any failed. */
function failedState(proofs: readonly SelectionProof[]): { state: VerdictState; confidence: number } | undefined {
  const failed = proofs.filter((proof) => failureStates.has(proof.verdict.state));
  if (failed.length === 0) return undefined;
  return { state: worstState(failed.map((proof) => proof.verdict.state)), confidence: Math.min(...failed.map((proof) => proof.verdict.confidence)) };
}

function notInSignedTextSummary(inSnippet: readonly SelectionProof[]): string {
  const altered = inSnippet.some((proof) => proof.verdict.state === 'altered');
  const unread = inSnippet.filter((proof) => signedTextOf(proof.verdict) === null).length;
  if (unread === inSnippet.length) {
    return 'The selection is in a snippet with a proof, but Verity could not read what that proof signs, so it cannot say whether these words are signed.';
  }
  return altered
    ? 'The proof of this snippet does not sign the selected words: they were changed or added after signing.'
    : 'The proof of this snippet does not sign the selected words.';
}

/** Whether a tab's budget refused this proof (its stored bytes, or its rate): its verdict is about the tab, not the proof. */
function notCheckedForBudget({ refused, verdict }: SelectionProof): boolean {
  return refused !== undefined || verdict.checks.some((check) => check.id === 'tab-budget');
}

function notCheckedSummary(unchecked: readonly SelectionProof[]): string {
  const why = unchecked.some((proof) => proof.refused === 'storage')
    ? 'the page holds more proof data than Verity keeps for one tab'
    : 'the page changed its proofs faster than Verity checks them for one tab';
  return `Verity did not check the proof of this snippet: ${why}, so this says nothing either way about the selected words. Other tabs are unaffected.`;
}

function foundElsewhereSummary(elsewhere: readonly SelectionProof[]): string {
  const where = elsewhere.length === 1 ? `another snippet on this page (“${elsewhere[0]!.excerpt}”)` : `${elsewhere.length} other snippets on this page`;
  return `The proof of the snippet you selected in does not sign these words. They are signed in ${where}, which says nothing about the text you selected.`;
}

function unreadNote(unread: number): string {
  if (unread === 0) return '';
  return unread === 1
    ? ' (one proof could not be read or checked, so it was not looked in)'
    : ` (${unread} proofs could not be read or checked, so they were not looked in)`;
}
