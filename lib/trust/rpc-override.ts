import { parseTrustConfig } from './parse';
import type { TrustConfig, TrustConfigInput } from './schema';

/** One `--rpc CHAINID=URL` of the command line (spec §8). */
export type RpcOverride = { chainId: string | number; url: string };

/**
 * Makes the given URLs the RPCs of their chains: a chain's whole list is
 * replaced by the URLs given for it, in order, so `--rpc 1=A --rpc 1=B`
 * cross-checks A against B. A chain the configuration lacks gets a minimal
 * entry: name "Chain ID", confirmations 1 (such a chain is almost always a
 * local or private node, where blocks come only with transactions and any
 * larger count would leave proofs pending; set it in a --config file for
 * anything else), no explorer. Throws TrustConfigError on a bad id or URL.
 */
export function withRpcOverrides(config: TrustConfig, overrides: readonly RpcOverride[]): TrustConfig {
  const urlsByChain = new Map<string, string[]>();
  for (const { chainId, url } of overrides) urlsByChain.set(String(chainId), [...(urlsByChain.get(String(chainId)) ?? []), url]);
  const layer: TrustConfigInput = {
    chains: Object.fromEntries(
      [...urlsByChain].map(([chainId, rpc]) => [
        chainId,
        Object.hasOwn(config.chains, chainId) ? { rpc } : { name: `Chain ${chainId}`, rpc, confirmations: 1, explorer: null },
      ]),
    ),
  };
  const parsed = parseTrustConfig(layer, { base: config });
  if (!parsed.ok) throw parsed.error;
  return parsed.config;
}

/** One override; repeated calls for one chain replace each other (use withRpcOverrides to give a chain several). */
export function withRpcOverride(config: TrustConfig, chainId: string | number, url: string): TrustConfig {
  return withRpcOverrides(config, [{ chainId, url }]);
}
