import { stateStyles } from '../../components/state-style';
import type { PageProof } from '../../lib/extension/messages';
import type { Verdict } from '../../lib/verdict/types';

/**
 * A plain-text record of a check, for a journalist to paste into notes or
 * a story: what was checked, when, against what, and the outcome.
 */
export function citationText(pageUrl: string, proof: PageProof, verdict: Verdict, checkedAt: Date): string {
  const { facts } = verdict;
  const tally = (ok: boolean | null) => verdict.checks.filter((check) => check.ok === ok).length;
  const chain =
    facts.chainId !== undefined ? `${facts.chainName ?? 'chain'} (chain id ${facts.chainId})` : undefined;
  const lines = [
    `Checked with Verity on ${checkedAt.toISOString()}`,
    `Page: ${pageUrl}`,
    `Verdict: ${stateStyles[verdict.state].word} (${verdict.state}), confidence ${verdict.confidence}/100`,
    `Why: ${verdict.summary}`,
    verdict.proofType && `Proof: ${verdict.proofType}${chain ? ` on ${chain}` : ''}`,
    facts.tx && `Transaction: ${facts.tx}${facts.anchorBlock ? ` in block ${facts.anchorBlock}` : ''}`,
    facts.uid && `Attestation UID: ${facts.uid}`,
    facts.attester && `Attester: ${facts.signerLabel ? `${facts.signerLabel} ` : ''}${facts.attester}`,
    facts.teeId && `TEE: ${facts.teeId}`,
    facts.contract && `Contract: ${facts.contract}${facts.tokenId ? `, token ${facts.tokenId}` : ''}`,
    facts.model && `Model: ${facts.model}`,
    `Checks: ${tally(true)} passed, ${tally(false)} failed, ${tally(null)} not run`,
    `Text: "${excerpt(proof.shownText, 280)}"`,
  ];
  return lines.filter(Boolean).join('\n');
}

function excerpt(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
