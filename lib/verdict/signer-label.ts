import type { VerdictFacts } from './types';

/**
 * The signer's name as the trust configuration gives it, with the list it
 * came from when a trust list named them: `Example Newsroom (from the list
 * “Press Council”)`. A name from a list is the list's word, not the
 * reader's, so it is never shown bare. Undefined when no one names the signer.
 */
export function labelledSigner({ signerLabel, signerList }: Pick<VerdictFacts, 'signerLabel' | 'signerList'>): string | undefined {
  if (signerLabel === undefined) return undefined;
  return signerList === undefined ? signerLabel : `${signerLabel} (from the list “${signerList}”)`;
}
