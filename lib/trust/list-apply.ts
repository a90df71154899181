import type { TrustList } from './list-schema';
import type { TrustConfig } from './schema';

/** A list as it is layered: its copy, and the name its subscription gives it (what verdicts say). */
export type NamedTrustList = { name: string; list: TrustList };

export type ApplyTrustListsReturnType = {
  config: TrustConfig;
  /**
   * The list name of every value a list added, by path: `trustedAttesters.ADDRESS`,
   * `erc7007.ID.ADDRESS` (addresses lower case), `eas.ID.FIELD`, `opengradient.ID.FIELD`.
   */
  sources: Record<string, string>;
};

/**
 * Lays trust lists over `base` (docs/protocol.md, "Trust lists"). A list
 * only adds: a signer or ERC-7007 contract that is not trusted yet, an EAS
 * or OpenGradient entry for a chain that has none. What `base` or an earlier
 * list holds is never changed, so a list cannot swap the EAS contract of a
 * chain the defaults know, nor relabel a signer.
 */
export function applyTrustLists(base: TrustConfig, lists: readonly NamedTrustList[]): ApplyTrustListsReturnType {
  const config: TrustConfig = {
    ...base,
    opengradient: { ...base.opengradient },
    eas: { ...base.eas },
    erc7007: { ...base.erc7007 },
    trustedAttesters: [...base.trustedAttesters],
  };
  const sources: Record<string, string> = {};
  const trusted = new Set(base.trustedAttesters.map(({ address }) => address.toLowerCase()));
  for (const { name, list } of lists) {
    for (const { address, label, url } of list.attesters) {
      const key = address.toLowerCase();
      if (trusted.has(key)) continue;
      trusted.add(key);
      config.trustedAttesters.push({ address, label, ...(url !== undefined && { url }) });
      sources[`trustedAttesters.${key}`] = name;
    }
    for (const section of ['opengradient', 'eas'] as const) {
      for (const [chainId, entry] of Object.entries(list[section])) {
        if (Object.hasOwn(config[section], chainId)) continue;
        config[section][chainId] = entry as never;
        for (const field of Object.keys(entry)) sources[`${section}.${chainId}.${field}`] = name;
      }
    }
    for (const [chainId, contracts] of Object.entries(list.erc7007)) {
      const known = new Set((config.erc7007[chainId] ?? []).map((contract) => contract.toLowerCase()));
      const added = contracts.filter((contract) => !known.has(contract.toLowerCase()));
      if (added.length === 0) continue;
      config.erc7007[chainId] = [...(config.erc7007[chainId] ?? []), ...added];
      for (const contract of added) sources[`erc7007.${chainId}.${contract.toLowerCase()}`] = name;
    }
  }
  return { config, sources };
}
