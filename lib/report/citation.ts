import { shortHex } from '../chain/short-hex';
import { BaseError } from '../errors';
import { displayOrigin, displaySafe } from '../text/display-safe';
import { modelClaimOf, modelClaimWords, type ModelClaim } from '../verdict/model-claim';
import type { Report } from './schema';
import { readableDate } from './readable-date';
import { checkItYourself, excerpt, generatorKindWords, sourceKindWords, verdictWord } from './words';
import { labelledSigner } from '../verdict/signer-label';

/** The report has no snippet at that position. */
export class CitationSnippetError extends BaseError {
  override name = 'CitationSnippetError';

  constructor(position: number, count: number) {
    super(`The report has no snippet at position ${position}`, {
      details: count === 0 ? 'It has no snippets.' : `It has ${count} ${count === 1 ? 'snippet' : 'snippets'}, at positions 0 to ${count - 1}.`,
    });
  }
}

export type CitationTextReturnType = string;

export type CitationTextOptions = {
  /** A share link to the proof, for readers to check it again themselves. */
  shareLink?: string | undefined;
};

/**
 * A plain-text record of one snippet's check, for a journalist to paste
 * into notes or a story: what was checked, when, against what, the
 * outcome, and which Verity made it. `position` is the snippet's place in
 * `report.snippets` (0 for a one-snippet report). Hashes and addresses are
 * short: the full ones are in the report.
 */
export function citationText(report: Report, position = 0, { shareLink }: CitationTextOptions = {}): CitationTextReturnType {
  const snippet = report.snippets[position];
  if (snippet === undefined) throw new CitationSnippetError(position, report.snippets.length);
  const { facts } = snippet;
  const tally = (ok: boolean | null) => snippet.checks.filter((check) => check.ok === ok).length;
  const chain = facts.chainId !== undefined ? `${facts.chainName ?? 'chain'} (chain id ${facts.chainId})` : undefined;
  const { source } = report;
  const model = modelClaimOf(facts);
  const lines = [
    `Checked with Verity on ${readableDate(snippet.checkedAt)}`,
    `${sourceKindWords[source.kind]}${source.location === undefined ? '' : source.kind === 'shared' ? sharedFrom(source.location) : `: ${source.location}`}`,
    source.title && `Title: ${displaySafe(source.title)}`,
    `Verdict: ${verdictWord(snippet.state)}, confidence ${snippet.confidence}/100`,
    `Why: ${snippet.summary}`,
    snippet.proofType && `Proof: ${snippet.proofType}${chain ? ` on ${chain}` : ''}`,
    facts.tx && `Transaction: ${shortHex(facts.tx)}${facts.anchorBlock ? ` in block ${facts.anchorBlock}` : ''}`,
    facts.uid && `Attestation UID: ${shortHex(facts.uid)}`,
    facts.attester && `Attester: ${facts.signerLabel ? `${labelledSigner(facts)} (${shortHex(facts.attester)})` : shortHex(facts.attester)}`,
    facts.teeId && `TEE: ${shortHex(facts.teeId)}`,
    facts.contract && `Contract: ${shortHex(facts.contract)}${facts.tokenId ? `, token ${facts.tokenId}` : ''}`,
    model && modelClaimLine(model),
    `Checks: ${tally(true)} passed, ${tally(false)} failed, ${tally(null)} not run`,
    `Text: "${excerpt(snippet.text.shown, 280)}"`,
    shareLink && checkItYourself(shareLink),
    `Verity ${generatorKindWords[report.generator.kind]} ${report.generator.version}`,
  ];
  return lines.filter(Boolean).join('\n');
}

/** A share link's page is only what the link says: its origin (no user name, host in punycode). */
function sharedFrom(location: string): string {
  return `, which says it comes from ${displayOrigin(location) ?? displaySafe(location, { maxLength: 60 })} (not opened or checked)`;
}

/** The model in its claimant's words: no one checked it. */
function modelClaimLine(model: ModelClaim): string {
  const { speaker, claim } = modelClaimWords(model);
  return `${speaker}${model.by === 'page' ? ' (not signed)' : ''}: ${claim}`;
}
