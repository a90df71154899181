import { getAddress, isAddress, isHex, type Address, type Hex } from 'viem';
import { canonicalText } from '../text/canonical';
import { checkEnvelope, type PublishEnvelope, type TextFormat } from './envelope';
import { InvalidFieldError } from './publish-errors';

export type Erc7007EnvelopeParameters = {
  chainId: number;
  /** The ERC-7007 contract. */
  contract: Address;
  tokenId: bigint;
  /** The prompt's bytes, as the contract recorded them. */
  prompt: Hex;
  /** The proof bytes the contract's verify() takes (an oracle's signature, a zkML proof…). */
  proof: Hex;
  /** The transaction that minted the token or added its AIGC data: readers find its record there instead of searching the logs. */
  tx?: Hex;
  /** The generated text (the token's aigcData as UTF-8), which the page must show. */
  text: string;
  /** `markdown` when the text is Markdown: the envelope then carries it as `text` with `"format": "markdown"`. */
  format?: TextFormat;
  model?: string;
};

export type Erc7007EnvelopeReturnType = {
  envelope: PublishEnvelope;
  signedText: string;
};

/**
 * An `erc7007` envelope (spec §3e). The contract checks the UTF-8 bytes of
 * the text as they are, so the envelope carries the text whenever a page's
 * canonical text would differ from it (line breaks, spacing, Markdown).
 * checkProofOnChain checks the token and its record before publishing.
 */
export function erc7007Envelope({ chainId, contract, tokenId, prompt, proof, tx, text, format = 'plain', model }: Erc7007EnvelopeParameters): Erc7007EnvelopeReturnType {
  if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new InvalidFieldError(`chainId must be a positive whole number, not ${String(chainId)}`, { field: 'chainId' });
  if (!isAddress(contract)) throw new InvalidFieldError(`contract must be a 0x address, not "${contract}"`, { field: 'contract' });
  if (tokenId < 0n || tokenId >= 1n << 256n) throw new InvalidFieldError(`tokenId must fit in uint256, not ${tokenId}`, { field: 'tokenId' });
  for (const [field, value] of [['prompt', prompt], ['proof', proof]] as const) {
    if (!isHex(value, { strict: true }) || value.length % 2 !== 0) throw new InvalidFieldError(`${field} must be 0x and an even number of hex digits`, { field });
  }
  if (tx !== undefined && !/^0x[0-9a-fA-F]{64}$/.test(tx)) throw new InvalidFieldError(`tx must be a transaction hash (0x and 64 hex digits), not "${tx}"`, { field: 'tx' });
  const needsText = format === 'markdown' || canonicalText(text) !== text;
  const envelope = checkEnvelope({
    v: 1,
    proof: { type: 'erc7007', chainId, contract: getAddress(contract), tokenId: tokenId.toString(), prompt, proof, ...(tx !== undefined && { tx }) },
    ...(needsText && { text }),
    ...(model !== undefined && { model }),
    ...(format === 'markdown' && { format: 'markdown' as const }),
  });
  return { envelope, signedText: text };
}
