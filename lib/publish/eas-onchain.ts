import type { Hex } from 'viem';
import { checkEnvelope, type PublishEnvelope, type TextFormat } from './envelope';
import { InvalidFieldError } from './publish-errors';

export type EasOnchainEnvelopeParameters = {
  chainId: number;
  /** The attestation's UID (the `Attested` event's `uid`). */
  uid: Hex;
  /** The attested text, which the page must show. */
  text: string;
  /** `markdown` when the text is Markdown: the envelope then carries it as `text` with `"format": "markdown"`. */
  format?: TextFormat;
  /** The model name shown to readers. */
  model?: string;
};

export type EasOnchainEnvelopeReturnType = {
  envelope: PublishEnvelope;
  signedText: string;
};

/**
 * An `eas-onchain` envelope (spec §3d). Readers find the EAS contract in
 * their own trust configuration, so the envelope names only the chain and
 * the UID; without Markdown it can be written as the short reference
 * `ai-proof:v1:eas:CHAINID:UID`. checkProofOnChain checks it against a chain
 * before it is published.
 */
export function easOnchainEnvelope({ chainId, uid, text, format = 'plain', model }: EasOnchainEnvelopeParameters): EasOnchainEnvelopeReturnType {
  if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new InvalidFieldError(`chainId must be a positive whole number, not ${String(chainId)}`, { field: 'chainId' });
  if (!/^0x[0-9a-fA-F]{64}$/.test(uid)) throw new InvalidFieldError(`uid must be 0x and 64 hex digits, not "${uid}"`, { field: 'uid' });
  // EAS hashes the canonical text, which the page shows as is: only Markdown needs its source in the envelope.
  const envelope = checkEnvelope({
    v: 1,
    proof: { type: 'eas-onchain', chainId, uid: uid.toLowerCase() },
    ...(format === 'markdown' && { text, format: 'markdown' as const }),
    ...(model !== undefined && { model }),
  });
  return { envelope, signedText: text };
}
