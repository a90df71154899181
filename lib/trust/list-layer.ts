import { defaultTrustConfig } from './defaults';
import { applyTrustLists, type NamedTrustList } from './list-apply';
import type { TrustListCopies } from './list-copy';
import { parseTrustList } from './list-parse';
import { layerTrustConfig, type LayerTrustConfigParameters, type LayerTrustConfigReturnType, type TrustConfigProvenance } from './layer';

export type LayerTrustListsParameters = LayerTrustConfigParameters & {
  /** The last good copies of subscribed lists, by URL; a list with none adds nothing yet. */
  copies?: TrustListCopies | undefined;
};

/**
 * The effective configuration with trust lists (spec §7): built-in defaults,
 * then the subscribed lists in the order subscribed, then the organisation's,
 * then the user's. The subscriptions come from the organisation's and the
 * user's layers themselves. `config.listSources` says which values a list
 * put there and kept: a value the organisation or the user also set is
 * theirs, whatever the list says.
 */
export function layerTrustLists({ defaults = defaultTrustConfig, managed, user, copies = {} }: LayerTrustListsParameters = {}): LayerTrustConfigReturnType {
  const subscribed = layerTrustConfig({ defaults, managed, user });
  const lists = (subscribed.config.trustLists ?? []).flatMap(({ url, name }): NamedTrustList[] => {
    const copy = copies[url]?.list;
    const parsed = copy === undefined ? undefined : parseTrustList(copy);
    return parsed?.ok ? [{ name, list: parsed.list }] : [];
  });
  const listed = applyTrustLists(defaults, lists);
  const layered = lists.length === 0 ? subscribed : layerTrustConfig({ defaults: listed.config, managed, user });
  const config = { ...layered.config };
  // Only this function says what came from a list; a layer that wrote it has no say.
  delete config.listSources;
  const sources = Object.entries(listed.sources).filter(([path]) => !isOverridden(path, layered.provenance));
  if (sources.length > 0) config.listSources = Object.fromEntries(sources);
  return { ...layered, config };
}

/** The organisation or the user set the value at `path`, or the whole entry or list it is in (`erc7007.ID`). */
function isOverridden(path: string, provenance: TrustConfigProvenance): boolean {
  const parts = path.split('.');
  return parts.some((_, index) => Object.hasOwn(provenance, parts.slice(0, index + 1).join('.')));
}
