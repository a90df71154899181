import { shortHex } from '../chain/short-hex';
import { renderingDoubtSentence, renderingDoubtsIn } from './rendering-doubts';
import { signatureChecked } from './signature-checked';
import type { CheckId, Verdict } from './types';
import { labelledSigner } from './signer-label';

/**
 * Why a verdict is what it is, in a reader's words: no hashes, addresses,
 * RPC counts or parser errors. The card and the popup say this; the check's
 * own detail (`Verdict.summary`, the checks) is for the inspector, reports
 * and the CLI.
 */
export function readerReasonOf(verdict: Pick<Verdict, 'state' | 'proofType' | 'checks' | 'facts'>): string {
  const { state, checks, facts } = verdict;
  if (state === 'verified') return `${vouchedWords(verdict)}.`;
  const deciding = checks.find((check) => check.implies === state)?.id;
  switch (state) {
    case 'pending':
      return `${vouchedWords(verdict)}. The chain has not yet confirmed the record enough times to count it as final.`;
    case 'unavailable':
      if (deciding === 'chain') {
        return facts.chainId === undefined
          ? 'Verity could not finish checking this proof.'
          : 'The proof is recorded on a network Verity is not set up to read.';
      }
      // Only the fixed words of the doubts the detail names are repeated, never the detail itself.
      if (deciding === 'rendering') return renderingDoubtSentence(renderingDoubtsIn(checks.find((check) => check.id === 'rendering')!.detail));
      if (deciding === 'shown-text') return 'Verity could not compare the text on the page with the text that was signed.';
      if (deciding === 'tab-budget') return 'This page asked more of Verity than one tab may, so this proof was not checked. Other tabs are unaffected.';
      return 'Verity could not reach the network this proof is recorded on. It will try again.';
    case 'untrusted':
      if (!signatureChecked(verdict)) return 'The proof rests on a service you have not chosen to trust, so Verity checked nothing about who produced the text.';
      return untrustedReasons[deciding ?? 'attester-trusted']?.(verdict) ?? 'The signature holds, but it rests on a service you have not chosen to trust.';
    case 'altered':
      return (deciding !== undefined && alteredReasons[deciding]) || 'The words on the page are not the words that were signed.';
    case 'invalid':
      return (deciding !== undefined && invalidReasons[deciding]) || 'The proof does not hold up when checked.';
    case 'malformed':
      return 'The proof attached to this text is damaged or in a form Verity cannot read.';
  }
}

/** A checked proof whose signer (attester, token contract, settlement relay) the reader has not chosen to trust: the card offers to. */
const untrustedReasons: Partial<Record<CheckId, (verdict: Pick<Verdict, 'facts'>) => string>> = {
  // The card names the signer in its "Vouched by" row; this says what holds and what trusting them would change.
  'attester-trusted': () => 'The signature holds. Verity shows this signer’s proofs as Verified once you choose to trust them.',
  'contract-trusted': () => 'Vouched for by an AI content token contract you have not chosen to trust.',
  'relay-trusted': () => 'The signature holds, and it was recorded on chain by a settlement relay you have not chosen to trust.',
};

const alteredReasons: Partial<Record<CheckId, string>> = {
  'content-binding': 'The words on the page are not the words that were signed.',
  'shown-text': 'The page shows different words from the ones that were signed.',
  'shown-links': 'A link in the text points somewhere other than where the signed text says.',
  rendering: 'Part of the text is hidden from readers, or readers see words that were not signed.',
};

const invalidReasons: Partial<Record<CheckId, string>> = {
  signature: 'The signature does not match: the proof was not signed by the one it names.',
  'tee-key': 'The proof names a secure enclave that is not registered.',
  'tee-enabled': 'The secure enclave that signed this has been switched off by its registry.',
  'settlement-log': 'The record the proof points to on the chain does not match it.',
  'merkle-proof': 'The record the proof points to on the chain does not match it.',
  uid: 'The proof’s identifier does not match its contents.',
  attestation: 'The record this proof names does not exist on the chain.',
  schema: 'The record on the chain does not say which text it vouches for.',
  revocation: 'The signer has withdrawn this proof.',
  expiry: 'This proof has expired.',
  'erc7007-verify': 'The token contract does not vouch for this text.',
  'erc7007-token': 'The token this proof names does not exist.',
  'erc7007-record': 'The token this proof names is not the record of this text.',
};

/** Who stands behind the text, as a sentence's start. */
function vouchedWords({ proofType, facts }: Pick<Verdict, 'proofType' | 'facts'>): string {
  switch (proofType) {
    case 'og-tee':
    case 'og-settlement':
      return facts.tx ? 'Made by an AI model in a secure OpenGradient enclave, and recorded on chain' : 'Made by an AI model in a secure OpenGradient enclave';
    case 'eas-offchain':
    case 'eas-onchain':
      return `Vouched for by ${signerWords({ facts })}`;
    case 'erc7007':
      return 'Vouched for by the AI content token it names';
    default:
      return 'Every check passed';
  }
}

/** The signer as the reader's trust settings name them, else a short address. */
function signerWords({ facts }: Pick<Verdict, 'facts'>): string {
  const named = labelledSigner(facts);
  if (named !== undefined) return named;
  return facts.attester === undefined ? 'an attester' : `the attester ${shortHex(facts.attester)}`;
}

