import { createChainAccess } from '../lib/chain/access';
import { BaseError } from '../lib/errors';
import { decodeLocatedProof } from '../lib/extract/decode-located';
import type { SharedProof } from '../lib/share/types';
import type { TrustConfig } from '../lib/trust/schema';
import type { Verdict } from '../lib/verdict/types';
import { verifySnippet } from '../lib/verifiers/verify-snippet';

/** A share link with a proof but no text: there is nothing to verify the proof against. */
export class SharedProofWithoutTextError extends BaseError {
  override name = 'SharedProofWithoutTextError';

  constructor() {
    super('This link carries a proof without the text it is for, so there is nothing to verify it against');
  }
}

export type VerifySharedParameters = {
  shared: SharedProof;
  trust: TrustConfig;
  /** The fetch JSON-RPC requests go through; the page's own by default. */
  fetchFn?: typeof fetch;
};

/**
 * A shared proof verified in this page, as the extension's worker verifies
 * one (the same decoding and the same verifiers), with JSON-RPC requests
 * from the page to the configuration's public endpoints. Nothing in the
 * link is taken on trust.
 */
export async function verifyShared({ shared, trust, fetchFn }: VerifySharedParameters): Promise<Verdict> {
  const { proof } = shared;
  if (proof.shownText === '') throw new SharedProofWithoutTextError();
  return verifySnippet({
    decoded: decodeLocatedProof(proof),
    shownText: proof.shownText,
    shownTextComplete: proof.shownTextComplete !== false,
    renderedText: proof.renderedText,
    trust,
    chains: createChainAccess({ trust, ...(fetchFn && { fetchFn }) }),
  });
}
