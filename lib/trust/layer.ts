import { defaultTrustConfig } from './defaults';
import type { TrustConfigError } from './errors';
import { parseTrustConfig } from './parse';
import type { TrustConfig, TrustConfigInput } from './schema';

/** Which layer set a value; a value with no entry is a built-in default. */
export type TrustValueSource = 'managed' | 'user';

/**
 * Where each value of the effective configuration came from, by path:
 * `chains.ID.FIELD`, `opengradient.ID.FIELD`, `eas.ID.FIELD`, `erc7007.ID`,
 * `trustedAttesters.ADDRESS` (lower case), `trustLists.URL` and other top-level fields by name.
 */
export type TrustConfigProvenance = Record<string, TrustValueSource>;

export type LayerTrustConfigParameters = {
  /** The bottom layer; the built-in defaults when omitted. */
  defaults?: TrustConfig;
  /** The organisation's configuration: the managed-storage `trustConfig` string (or a parsed value); absent when undefined or null. */
  managed?: unknown;
  /** The user's own changes, as the options page stores them; absent when undefined or null. */
  user?: unknown;
};

export type LayerTrustConfigReturnType = {
  config: TrustConfig;
  provenance: TrustConfigProvenance;
  /** The managed configuration could not be used; it was ignored as a whole. */
  managedError?: TrustConfigError;
  /** The user's configuration could not be used; it was ignored as a whole. */
  userError?: TrustConfigError;
};

/**
 * The effective configuration (spec §7): defaults, then the organisation's,
 * then the user's, each merged over the ones before (see mergeTrustConfig).
 * A layer that does not validate is reported and left out entirely, never
 * half-applied: when the managed layer is rejected, the user's is merged over
 * the defaults alone. The user wins over the organisation; the provenance lets
 * the options page say which values the organisation set.
 */
export function layerTrustConfig({ defaults = defaultTrustConfig, managed, user }: LayerTrustConfigParameters = {}): LayerTrustConfigReturnType {
  let config = defaults;
  const provenance: TrustConfigProvenance = {};
  const apply = (input: unknown, source: TrustValueSource): TrustConfigError | undefined => {
    if (input === undefined || input === null) return undefined;
    const parsed = parseTrustConfig(input, { base: config });
    if (!parsed.ok) return parsed.error;
    for (const path of valuePaths(parsed.layer, config, parsed.config)) provenance[path] = source;
    config = parsed.config;
    return undefined;
  };
  const managedError = apply(managed, 'managed');
  const userError = apply(user, 'user');
  return { config, provenance, ...(managedError && { managedError }), ...(userError && { userError }) };
}

/**
 * The paths a layer sets. A chain entry the layer adds is the layer's as a
 * whole, including fields filled in by the schema (an absent explorer).
 */
function valuePaths(layer: TrustConfigInput, before: TrustConfig, after: TrustConfig): string[] {
  return Object.entries(layer).flatMap(([section, value]): string[] => {
    switch (section) {
      case 'chains':
      case 'opengradient':
      case 'eas':
        return Object.entries(value as Record<string, object>).flatMap(([chainId, entry]) => {
          const isNew = !Object.hasOwn(before[section], chainId);
          return Object.keys(isNew ? after[section][chainId]! : entry).map((field) => `${section}.${chainId}.${field}`);
        });
      case 'erc7007':
        return Object.keys(value as object).map((chainId) => `erc7007.${chainId}`);
      case 'trustedAttesters':
        return (value as { address: string }[]).map(({ address }) => `trustedAttesters.${address.toLowerCase()}`);
      case 'trustLists':
        return (value as { url: string }[]).map(({ url }) => `trustLists.${url}`);
      default:
        return [section];
    }
  });
}
