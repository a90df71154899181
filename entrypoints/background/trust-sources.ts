import { browser } from 'wxt/browser';
import { settingsKeys } from '../../storage/settings-keys';
import type { TrustSources } from './verification/trust-state';

/** The managed-storage key (spec §7, public/managed-schema.json). */
export const managedTrustConfigKey = 'trustConfig';

/**
 * storage.local: the organisation's `trustConfig` as storage.managed last
 * gave it, absent when it gave none. The worker's own, not a setting.
 */
export const lastManagedTrustConfigKey = 'verity.trustConfig.lastManaged';

/**
 * Both layers of the trust configuration as stored. Managed storage is
 * missing where no policy is set up (Firefox without one, say) and then
 * rejects: that is no managed layer, not an error to show.
 *
 * For about 3 s after the browser starts, storage.managed answers no one
 * (Chromium's policy service is still loading; measured, whenever asked).
 * An organisation's configuration read before stands in meanwhile, and is
 * replaced in storage by the fresh one should they differ: that is a trust
 * change (isTrustChange), so the worker reads again and verifies again what
 * the old one verified. With no configuration remembered it waits: a
 * policy may have come since, and verifying without it would ignore it,
 * down to the RPC endpoints the organisation chose.
 */
export async function readTrustSources(): Promise<TrustSources> {
  const fresh = browser.storage.managed.get(managedTrustConfigKey).then(
    (items): unknown => items[managedTrustConfigKey],
    () => undefined,
  );
  const stored = await browser.storage.local.get([settingsKeys.userTrustConfig, lastManagedTrustConfigKey]);
  const last: unknown = stored[lastManagedTrustConfigKey];
  fresh.then((managed) => rememberManaged(managed, last)).catch((error: unknown) => console.warn('Verity:', error));
  // Once storage.managed answers, it answers at once: then the fresh value usually wins, and either is right.
  const managed = last === undefined ? await fresh : await Promise.race([fresh, last]);
  return { managed, user: stored[settingsKeys.userTrustConfig] };
}

/** Keeps storage.managed's answer for the next start of the browser, if it is news. */
async function rememberManaged(managed: unknown, last: unknown): Promise<void> {
  if (JSON.stringify(managed) === JSON.stringify(last)) return;
  if (managed === undefined) await browser.storage.local.remove(lastManagedTrustConfigKey);
  else await browser.storage.local.set({ [lastManagedTrustConfigKey]: managed });
}

/** Whether a storage change touches either layer, or the organisation's as last read. */
export function isTrustChange(changes: Record<string, unknown>, area: string): boolean {
  return (
    (area === 'managed' && managedTrustConfigKey in changes) ||
    (area === 'local' && (settingsKeys.userTrustConfig in changes || lastManagedTrustConfigKey in changes))
  );
}
