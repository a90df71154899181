import { browser } from 'wxt/browser';

export const historyAlarmName = 'verity.history.prune';

/** Once a day: retention is counted in days. */
const periodInMinutes = 24 * 60;

/**
 * The alarm that deletes history entries older than the retention allows,
 * also when nothing new is verified. Ensured on every start of the worker:
 * a browser restart may drop alarms.
 */
export async function ensureHistoryAlarm(): Promise<void> {
  // Creating it again would push its next run back: leave a running one alone.
  if (await browser.alarms.get(historyAlarmName)) return;
  await browser.alarms.create(historyAlarmName, { periodInMinutes, delayInMinutes: 1 });
}
