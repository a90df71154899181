/**
 * The keys of what the extension keeps in `browser.storage.local`, with the
 * shapes stored under them. The extension reads and writes them as WXT
 * storage items (storage/settings-items.ts); the names stay here, free of
 * browser APIs, for the Node code that reads them too (e2e tests, devnet).
 * Every part watches its items, so a change applies without reloading pages.
 */
export const settingsKeys = {
  /**
   * The user's own trust configuration (spec §7), a TrustConfig object.
   * It holds every section the user edited in full, and never the entries
   * the organisation set by policy (those stay read-only on the options
   * page). Absent until the user saves or imports a configuration.
   */
  userTrustConfig: 'verity.trustConfig.user',
  /** DisplaySettings: how Verity shows itself on pages. */
  display: 'verity.display',
  /** The address of the verifier page share links open at (lib/share/share-base.ts); absent for the default. */
  shareLinkBase: 'verity.shareLinkBase',
} as const;

/**
 * The last good copy of every subscribed trust list, with when it was
 * fetched and why the last refresh failed (lib/trust/list-copy.ts), by URL.
 * The worker's own (entrypoints/background/trust-list-refresh.ts); the
 * options page adds the copy it previewed when the reader subscribes.
 */
export const trustListCopiesKey = 'verity.trustLists.copies';

/** The managed-storage key (spec §7, public/managed-schema.json). */
export const managedTrustConfigKey = 'trustConfig';

export type DisplaySettings = {
  /** Draw a badge beside each snippet with a proof. */
  showBadges: boolean;
  /** Host names where Verity neither looks for proofs nor draws anything; each covers its subdomains. */
  disabledSites: string[];
};

export const defaultDisplaySettings: DisplaySettings = { showBadges: true, disabledSites: [] };

/** The stored display settings, with defaults for whatever is missing or of the wrong type. */
export function displaySettingsFrom(stored: unknown): DisplaySettings {
  const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    showBadges: typeof value.showBadges === 'boolean' ? value.showBadges : defaultDisplaySettings.showBadges,
    disabledSites: Array.isArray(value.disabledSites)
      ? value.disabledSites.filter((site): site is string => typeof site === 'string')
      : defaultDisplaySettings.disabledSites,
  };
}

/** Whether a disabled-sites entry covers `hostname`: the site itself or a subdomain of it. */
export function siteCovers(site: string, hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === site || host.endsWith(`.${site}`);
}

/** Whether Verity is off on `hostname`. */
export function isSiteDisabled(hostname: string, settings: DisplaySettings): boolean {
  return settings.disabledSites.some((site) => siteCovers(site, hostname));
}
