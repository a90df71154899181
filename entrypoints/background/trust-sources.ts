import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { lastManagedTrustConfigItem, trustListCopiesItem, userTrustConfigItem } from '../../storage/settings-items';
import { lastManagedTrustConfigKey, managedTrustConfigKey, settingsKeys, trustListCopiesKey } from '../../storage/settings-keys';
import type { TrustListCopies } from '../../lib/trust/list-copy';
import type { TrustSources } from './verification/trust-state';

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
  // The local items in one storage read; absent is undefined here, as in TrustSources.
  const [user, last, copies] = (await storage.getItems([userTrustConfigItem, lastManagedTrustConfigItem, trustListCopiesItem])).map(
    ({ value }): unknown => value ?? undefined,
  );
  fresh.then((managed) => rememberManaged(managed, last)).catch((error: unknown) => console.warn('Verity:', error));
  // Once storage.managed answers, it answers at once: then the fresh value usually wins, and either is right.
  const managed = last === undefined ? await fresh : await Promise.race([fresh, last]);
  return { managed, user, ...(copies !== undefined && { copies: copies as TrustListCopies }) };
}

/** Keeps storage.managed's answer for the next start of the browser, if it is news. */
async function rememberManaged(managed: unknown, last: unknown): Promise<void> {
  if (JSON.stringify(managed) === JSON.stringify(last)) return;
  if (managed === undefined) await lastManagedTrustConfigItem.removeValue();
  else await lastManagedTrustConfigItem.setValue(managed);
}

/** Whether a storage change touches either layer, the organisation's as last read, or the trust lists' copies. */
export function isTrustChange(changes: Record<string, unknown>, area: string): boolean {
  return (
    (area === 'managed' && managedTrustConfigKey in changes) ||
    (area === 'local' && (settingsKeys.userTrustConfig in changes || lastManagedTrustConfigKey in changes || trustListCopiesKey in changes))
  );
}
