import type { StartDevnetReturnType } from '../../../devnet/devnet';
import { createChainAccess } from '../../../lib/chain/access';
import { findProofs } from '../../../lib/extract/find-proofs';
import { parseHtml } from '../../../lib/extract/parse-html';
import type { TrustConfig } from '../../../lib/trust/schema';
import type { Verdict } from '../../../lib/verdict/types';
import { verifySnippet } from '../../../lib/verifiers/verify-snippet';

export type VerifyDemoPageParameters = {
  devnet: StartDevnetReturnType;
  /** The devnet's own when omitted. */
  trust?: TrustConfig;
  timeoutMs?: number;
};

/** Every proof of the devnet's demo page, in page order, verified on one fresh ChainAccess. */
export async function verifyDemoPage({ devnet, trust = devnet.trustConfig, timeoutMs }: VerifyDemoPageParameters): Promise<Verdict[]> {
  const { snippets } = findProofs(parseHtml(devnet.pageHtml));
  const chains = createChainAccess({ trust, timeoutMs });
  return Promise.all(snippets.map(({ decoded, shownText, shownTextComplete }) => verifySnippet({ decoded, shownText, shownTextComplete, trust, chains })));
}
