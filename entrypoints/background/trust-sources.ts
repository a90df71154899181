import { browser } from 'wxt/browser';
import { settingsKeys } from '../../lib/extension/settings-keys';
import type { TrustSources } from '../../lib/extension/trust-state';

/** The managed-storage key (spec §7, public/managed-schema.json). */
export const managedTrustConfigKey = 'trustConfig';

/**
 * Both layers of the trust configuration as stored. Managed storage is
 * missing where no policy is set up (Firefox without one, say) and then
 * rejects: that is no managed layer, not an error to show.
 */
export async function readTrustSources(): Promise<TrustSources> {
  const [managed, user] = await Promise.all([
    browser.storage.managed.get(managedTrustConfigKey).then(
      (items) => items[managedTrustConfigKey],
      () => undefined,
    ),
    browser.storage.local.get(settingsKeys.userTrustConfig).then((items) => items[settingsKeys.userTrustConfig]),
  ]);
  return { managed, user };
}

/** Whether a storage change touches either layer. */
export function isTrustChange(changes: Record<string, unknown>, area: string): boolean {
  return (area === 'managed' && managedTrustConfigKey in changes) || (area === 'local' && settingsKeys.userTrustConfig in changes);
}
