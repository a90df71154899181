import { browser } from 'wxt/browser';
import { defaultDisplaySettings, displaySettingsFrom, settingsKeys, type DisplaySettings } from '../../storage/settings-keys';

/**
 * The display settings now and whenever they change: the options page
 * writes them to storage, and every open page follows without a reload.
 * A change that lands before the first read wins over it.
 */
export function watchDisplaySettings(signal: AbortSignal, apply: (settings: DisplaySettings) => void): void {
  let changed = false;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local' || !(settingsKeys.display in changes) || signal.aborted) return;
    changed = true;
    apply(displaySettingsFrom(changes[settingsKeys.display]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
  browser.storage.local.get(settingsKeys.display).then(
    (stored) => {
      if (!changed && !signal.aborted) apply(displaySettingsFrom(stored[settingsKeys.display]));
    },
    () => {
      if (!changed && !signal.aborted) apply(defaultDisplaySettings);
    },
  );
}
