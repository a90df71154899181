import type { ProofType } from '../envelope/schema';
import type { Check, CheckId } from './types';

/**
 * The check that shows who stands behind the text, per proof type: the
 * signature, or for on-chain proofs the answer of the contract that holds
 * the record.
 */
export const signingCheck: Record<ProofType, CheckId> = {
  'og-tee': 'signature',
  'og-settlement': 'signature',
  'eas-offchain': 'signature',
  'eas-onchain': 'attestation',
  erc7007: 'erc7007-verify',
};

export type SignatureCheckedParameters = {
  proofType: ProofType | null;
  checks: readonly Pick<Check, 'id' | 'ok'>[];
};

/**
 * Whether the proof's signing check ran and held. An `untrusted` verdict
 * without it rests on a contract the reader does not trust that could not
 * be (or was not) read: nothing was checked (spec §6).
 */
export function signatureChecked({ proofType, checks }: SignatureCheckedParameters): boolean {
  if (proofType === null) return false;
  const id = signingCheck[proofType];
  return checks.some((check) => check.id === id && check.ok === true);
}

/** What an `untrusted` summary adds when nothing was checked. */
export const nothingCheckedNote = 'Nothing was checked: no signature was verified, so this says nothing about who produced the text.';
