import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { trustListCopiesItem, userTrustConfigItem } from '../../storage/settings-items';
import { managedTrustConfigKey, settingsKeys, trustListCopiesKey } from '../../storage/settings-keys';
import type { TrustListCopies } from '../../lib/trust/list-copy';
import type { TrustSources } from './verification/trust-state';

/**
 * Both layers of the trust configuration as stored. Managed storage is
 * missing where no policy is set up (Firefox without one, say) and then
 * rejects: that is no managed layer, not an error to show.
 *
 * For 2 to 5 s after Chromium starts, storage.managed answers no one: its
 * policy loader runs as a best-effort task, held back until the browser
 * counts its start as complete (docs/protocol.md, "The organisation's
 * policy at browser start"). The worker waits for it all the same, with
 * or without a policy read before: the policy may have come, changed or
 * gone since, and a verdict made without it could be one it changes.
 */
export async function readTrustSources(): Promise<TrustSources> {
  const managed = browser.storage.managed.get(managedTrustConfigKey).then(
    (items): unknown => items[managedTrustConfigKey],
    () => undefined,
  );
  // The local items in one storage read; absent is undefined here, as in TrustSources.
  const [user, copies] = (await storage.getItems([userTrustConfigItem, trustListCopiesItem])).map(({ value }): unknown => value ?? undefined);
  return { managed: await managed, user, ...(copies !== undefined && { copies: copies as TrustListCopies }) };
}

/** Whether a storage change touches either layer or the trust lists' copies. */
export function isTrustChange(changes: Record<string, unknown>, area: string): boolean {
  return (
    (area === 'managed' && managedTrustConfigKey in changes) ||
    (area === 'local' && (settingsKeys.userTrustConfig in changes || trustListCopiesKey in changes))
  );
}
