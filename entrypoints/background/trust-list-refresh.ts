import { browser } from 'wxt/browser';
import { refreshTrustLists } from '../../lib/trust/list-copy';
import { fetchTrustList } from '../../lib/trust/list-fetch';
import { trustListCopiesItem } from '../../storage/settings-items';
import type { TrustState } from './verification/trust-state';

export const trustListAlarmName = 'verity.trustLists.refresh';

/** About daily: lists change when their publishers edit them, seldom more than that. */
const periodInMinutes = 24 * 60;

/** The alarm that refreshes every subscribed list. Ensured on every start of the worker: a browser restart may drop alarms. */
export async function ensureTrustListAlarm(): Promise<void> {
  // Creating it again would push its next run back: leave a running one alone.
  if (await browser.alarms.get(trustListAlarmName)) return;
  await browser.alarms.create(trustListAlarmName, { periodInMinutes, delayInMinutes: periodInMinutes });
}

export type CreateTrustListRefresherParameters = {
  /** The effective trust state, whose `trustLists` are the subscriptions. */
  trust: () => Promise<TrustState>;
};

export type TrustListRefresher = {
  /** Fetches the subscribed lists (with `onlyNew`, those never tried yet) and stores the copies if they changed. */
  refresh(options?: { onlyNew?: boolean }): Promise<void>;
};

/**
 * Keeps the stored copies of the subscribed lists: a good fetch replaces a
 * copy, a failed one keeps it and records why (lib/trust/list-copy.ts).
 * Storing them is a trust change: the worker reads the configuration again
 * and verifies again what the old one verified. One refresh at a time, so
 * two cannot write over each other.
 */
export function createTrustListRefresher({ trust }: CreateTrustListRefresherParameters): TrustListRefresher {
  let running: Promise<void> = Promise.resolve();
  const refreshOnce = async (onlyNew: boolean) => {
    const urls = ((await trust()).config.trustLists ?? []).map(({ url }) => url);
    const copies = await trustListCopiesItem.getValue();
    if (onlyNew && urls.every((url) => Object.hasOwn(copies, url)) && Object.keys(copies).length === urls.length) return;
    const refreshed = await refreshTrustLists({ urls, copies, onlyNew, fetchList: (url) => fetchTrustList({ url }) });
    if (JSON.stringify(refreshed) !== JSON.stringify(copies)) await trustListCopiesItem.setValue(refreshed);
  };
  return {
    refresh({ onlyNew = false } = {}) {
      const next = running.then(() => refreshOnce(onlyNew));
      running = next.catch(() => undefined);
      return next;
    },
  };
}
