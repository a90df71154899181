import { browser } from 'wxt/browser';

export const imageTrustListAlarmName = 'verity.c2pa.trust-lists';

/**
 * About once a day the C2PA Trust List is fetched again (refreshImageTrustLists).
 * Ensured on every start of the worker, as a browser restart may drop alarms;
 * the first run waits a few minutes so a browser start is not slowed.
 */
export async function ensureImageTrustListAlarm(): Promise<void> {
  if (await browser.alarms.get(imageTrustListAlarmName)) return;
  await browser.alarms.create(imageTrustListAlarmName, { periodInMinutes: 24 * 60, delayInMinutes: 5 });
}
