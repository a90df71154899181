import type { ProofType } from '../envelope/schema';
import type { VerdictFacts } from '../verdict/types';
import type { TrustConfig } from './schema';

export type ListFactsOfParameters = { trust: TrustConfig; proofType: ProofType; facts: VerdictFacts };

export type ListFactsOfReturnType = Pick<VerdictFacts, 'signerList' | 'signerPage' | 'trustLists'>;

/**
 * Which trust lists a verdict relies on: those that put in the effective
 * configuration (its `listSources`) the signer, the EAS or OpenGradient
 * contracts of the proof's chain, or its ERC-7007 contract; and the page
 * about the signer that the list gives, if it gives one.
 */
export function listFactsOf({ trust, proofType, facts }: ListFactsOfParameters): ListFactsOfReturnType {
  const sources = trust.listSources;
  if (!sources) return {};
  const signerList = facts.attester === undefined ? undefined : sources[`trustedAttesters.${facts.attester.toLowerCase()}`];
  const paths = facts.chainId === undefined ? [] : contractPaths(proofType, String(facts.chainId), facts);
  const lists = new Set([signerList, ...paths.map((path) => sources[path])].filter((name): name is string => name !== undefined));
  const signerPage = signerList === undefined ? undefined : trust.trustedAttesters.find(({ address }) => address.toLowerCase() === facts.attester?.toLowerCase())?.url;
  return {
    ...(signerList !== undefined && { signerList }),
    ...(signerPage !== undefined && { signerPage }),
    ...(lists.size > 0 && { trustLists: [...lists] }),
  };
}

/** Where the configuration keeps the contracts a proof of `proofType` on `chain` is checked against. */
function contractPaths(proofType: ProofType, chain: string, { relay, contract }: VerdictFacts): string[] {
  switch (proofType) {
    case 'eas-offchain':
    case 'eas-onchain':
      return [`eas.${chain}.eas`, `eas.${chain}.schemaRegistry`];
    case 'og-tee':
    case 'og-settlement':
      return [`opengradient.${chain}.teeRegistry`, ...(relay === undefined ? [] : [`opengradient.${chain}.settlementRelays`])];
    case 'erc7007':
      return contract === undefined ? [] : [`erc7007.${chain}.${contract.toLowerCase()}`];
  }
}
