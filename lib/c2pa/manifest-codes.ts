import { manifestStore, type StatusLists } from './manifest-store';

export type ManifestStoreDetails = {
  /** The active manifest's validation codes, as the engine sorted them. */
  codes: StatusLists;
  /** The store's label for its active manifest. */
  activeManifest: string;
};

/**
 * What the inspector shows of a manifest store beyond the verdict: every
 * validation code of the active manifest, passed and failed. `undefined`
 * for a store Verity cannot read (the raw JSON is still shown).
 */
export function manifestStoreDetailsOf(store: unknown): ManifestStoreDetails | undefined {
  const parsed = manifestStore.safeParse(store);
  if (!parsed.success) return undefined;
  const codes = parsed.data.validation_results?.activeManifest ?? { success: [], informational: [], failure: [] };
  return { codes, activeManifest: parsed.data.active_manifest };
}
