import type { ChainAccess } from '../../lib/chain/types';
import type { FoundSnippet } from '../../lib/extract/find-proofs';
import type { TrustConfig } from '../../lib/trust/schema';
import type { Verdict } from '../../lib/verdict/types';
import { verifySnippet } from '../../lib/verifiers/verify-snippet';

export type VerifySnippetsParameters = {
  snippets: readonly FoundSnippet[];
  trust: TrustConfig;
  /** One verification pass: its reads are shared by every snippet. */
  chains: ChainAccess;
};

/** Every snippet verified at once on one ChainAccess, as the CLI does. */
export function verifySnippets({ snippets, trust, chains }: VerifySnippetsParameters): Promise<Verdict[]> {
  return Promise.all(
    snippets.map((snippet) =>
      verifySnippet({ decoded: snippet.decoded, shownText: snippet.shownText, shownTextComplete: snippet.shownTextComplete, trust, chains }),
    ),
  );
}
