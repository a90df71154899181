import { browser } from 'wxt/browser';

export const recheckAlarmName = 'verity.recheck';

/** Every 30 s: the shortest period Chrome allows, and about the time a chain takes to add the confirmations a pending proof waits for. */
const periodInMinutes = 0.5;

/** The alarm that rechecks pending verdicts. An alarm, not a timer: it survives the worker and wakes it. */
export const recheckAlarm = {
  async start(): Promise<void> {
    // Creating it again would push its next run back: leave a running one alone.
    if (await browser.alarms.get(recheckAlarmName)) return;
    await browser.alarms.create(recheckAlarmName, { periodInMinutes, delayInMinutes: periodInMinutes });
  },
  async stop(): Promise<void> {
    await browser.alarms.clear(recheckAlarmName);
  },
};
