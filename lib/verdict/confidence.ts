import type { ProofType } from '../envelope/schema';
import type { VerdictState } from './states';
import { signatureChecked } from './signature-checked';
import type { Check, TextMatch } from './types';

/**
 * How strong a proof of each kind is when every check passes: an enclave
 * signature settled on chain is the strongest evidence, an off-chain
 * signature the weakest. See docs/protocol.md, "Confidence".
 */
export const proofStrength = {
  'og-tee': 85,
  'og-tee-settled': 95,
  'og-settlement': 95,
  'eas-onchain': 90,
  erc7007: 85,
  'eas-offchain': 80,
} as const;

/** What lowers confidence without changing the state. */
export const confidencePenalty = {
  /** The shown text matches the signed text in wording only. */
  wordingMatch: 15,
  /** The TEE has since gone quiet (no recent heartbeat). */
  teeInactive: 5,
  /** Reads came from a single RPC endpoint, so nothing cross-checked them. */
  singleRpc: 5,
  /** The anchor has not reached the configured confirmations yet. */
  pending: 20,
} as const;

/**
 * Untrusted proofs whose signature was checked are consistent but vouched
 * for by nobody the reader trusts; without that check they get nothing.
 */
export const untrustedShare = 0.3;

/** Verified never drops below this: the checks passed. */
export const verifiedFloor = 50;

export type ConfidenceParameters = {
  state: VerdictState;
  proofType: ProofType | null;
  /** og-tee only: whether a settlement was part of the proof. */
  settled?: boolean;
  textMatch: TextMatch;
  checks: readonly Check[];
  /** How many RPC endpoints answered the reads. */
  rpcCount: number;
};

/**
 * Confidence from 0 to 100. Zero for every state that says the proof does
 * not hold or could not be checked, and for `untrusted` when the signature
 * was not checked; for the others, the proof type's strength less the
 * penalties that apply.
 */
export function confidenceOf({ state, proofType, settled, textMatch, checks, rpcCount }: ConfidenceParameters): number {
  if (proofType === null) return 0;
  if (state === 'malformed' || state === 'invalid' || state === 'altered' || state === 'unavailable') return 0;

  const strength = proofType === 'og-tee' && settled ? proofStrength['og-tee-settled'] : proofStrength[proofType];
  if (state === 'untrusted') return signatureChecked({ proofType, checks }) ? Math.round(strength * untrustedShare) : 0;

  let confidence = strength;
  if (textMatch === 'wording') confidence -= confidencePenalty.wordingMatch;
  if (checks.some((check) => check.id === 'tee-active' && check.ok === false)) confidence -= confidencePenalty.teeInactive;
  if (rpcCount < 2) confidence -= confidencePenalty.singleRpc;
  if (state === 'pending') return Math.max(1, confidence - confidencePenalty.pending);
  return Math.max(verifiedFloor, confidence);
}
