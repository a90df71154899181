import type { TrustListSubscription } from './list-subscription';
import type { TrustConfig, TrustConfigInput, TrustedAttester } from './schema';

/**
 * Lays `override` over `base` (spec §7 layering):
 * - `chains`, `opengradient`, `eas`: per chain id, field by field; a field the
 *   override sets replaces the base's, the others stay. So `{ "chains": { "1":
 *   { "rpc": [...] } } }` changes only chain 1's RPCs.
 * - Lists are values, replaced whole, never concatenated (`rpc`,
 *   `settlementRelays`, each chain's `erc7007` list): an organisation that says
 *   "use only our node" must be able to drop the public ones.
 * - `trustedAttesters`: united by address; an address in both keeps its place
 *   and takes the override's label.
 * - `trustLists`: united by URL, like attesters: an organisation's list stays
 *   subscribed whatever the user's layer says.
 * - Other top-level fields (extra fields are allowed): the override's wins.
 * A layer adds and changes; it cannot remove a chain or an attester.
 */
export function mergeTrustConfig(base: TrustConfig, override: TrustConfig): TrustConfig;
export function mergeTrustConfig(base: TrustConfigInput, override: TrustConfigInput): TrustConfigInput;
export function mergeTrustConfig(base: TrustConfigInput, override: TrustConfigInput): TrustConfigInput {
  const merged: TrustConfigInput = { ...base, ...override };
  if (base.chains || override.chains) merged.chains = mergeByChain(base.chains, override.chains);
  if (base.opengradient || override.opengradient) merged.opengradient = mergeByChain(base.opengradient, override.opengradient);
  if (base.eas || override.eas) merged.eas = mergeByChain(base.eas, override.eas);
  if (base.erc7007 || override.erc7007) merged.erc7007 = { ...base.erc7007, ...override.erc7007 };
  if (base.trustedAttesters || override.trustedAttesters) merged.trustedAttesters = mergeAttesters(base.trustedAttesters, override.trustedAttesters);
  if (base.trustLists || override.trustLists) merged.trustLists = mergeByKey(base.trustLists, override.trustLists, ({ url }) => url);
  return merged;
}

function mergeByChain<entry extends object>(base: Record<string, entry> = {}, override: Record<string, entry> = {}): Record<string, entry> {
  const merged = { ...base };
  for (const [chainId, entry] of Object.entries(override)) merged[chainId] = { ...merged[chainId], ...entry };
  return merged;
}

function mergeAttesters(base?: readonly TrustedAttester[], override?: readonly TrustedAttester[]): TrustedAttester[] {
  return mergeByKey(base, override, ({ address }) => address.toLowerCase());
}

function mergeByKey<entry extends TrustedAttester | TrustListSubscription>(
  base: readonly entry[] = [],
  override: readonly entry[] = [],
  keyOf: (entry: entry) => string,
): entry[] {
  const byKey = new Map<string, entry>();
  for (const entry of [...base, ...override]) byKey.set(keyOf(entry), { ...byKey.get(keyOf(entry)), ...entry });
  return [...byKey.values()];
}
