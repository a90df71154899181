import type { ProofType } from '../envelope/schema';
import { nothingCheckedNote, signatureChecked } from './signature-checked';
import type { VerdictState } from './states';
import type { Check, VerdictFacts } from './types';
import { labelledSigner } from './signer-label';

export type SummaryParameters = {
  state: VerdictState;
  proofType: ProofType | null;
  checks: readonly Check[];
  facts: VerdictFacts;
};

/**
 * One sentence saying why: for a verified proof, who vouched for the text;
 * otherwise the detail of the check that decided the state, and for an
 * `untrusted` proof whose signature was not checked, that nothing was.
 */
export function summarize({ state, proofType, checks, facts }: SummaryParameters): string {
  if (state !== 'verified') {
    const deciding = checks.find((check) => check.implies === state);
    if (!deciding) return 'No check decided this verdict.';
    return state === 'untrusted' && !signatureChecked({ proofType, checks }) ? `${deciding.detail} ${nothingCheckedNote}` : deciding.detail;
  }
  const wording = checks.some((check) => check.id === 'shown-text' && check.ok && /wording/i.test(check.detail))
    ? ' The wording matches; formatting differs.'
    : '';
  return `${vouchedBy(proofType, facts)}.${wording}`;
}

function vouchedBy(proofType: ProofType | null, facts: VerdictFacts): string {
  switch (proofType) {
    case 'og-tee':
    case 'og-settlement':
      return facts.tx
        ? 'Produced in an attested OpenGradient enclave and settled on chain'
        : 'Produced in an attested OpenGradient enclave';
    case 'eas-offchain':
    case 'eas-onchain':
      return `Attested by ${labelledSigner(facts) ?? facts.attester ?? 'a trusted attester'}`;
    case 'erc7007':
      return 'Confirmed by its ERC-7007 contract';
    default:
      return 'Every check passed';
  }
}
