import { defaultDisplaySettings, displaySettingsFrom, type DisplaySettings } from '../../storage/settings-keys';
import { displaySettingsItem, readDisplaySettings } from '../../storage/settings-items';

/**
 * The display settings now and whenever they change: the options page
 * writes them to storage, and every open page follows without a reload.
 * A change that lands before the first read wins over it.
 */
export function watchDisplaySettings(signal: AbortSignal, apply: (settings: DisplaySettings) => void): void {
  let changed = false;
  const unwatch = displaySettingsItem.watch((value) => {
    if (signal.aborted) return;
    changed = true;
    apply(displaySettingsFrom(value));
  });
  signal.addEventListener('abort', unwatch, { once: true });
  readDisplaySettings().then(
    (settings) => {
      if (!changed && !signal.aborted) apply(settings);
    },
    () => {
      if (!changed && !signal.aborted) apply(defaultDisplaySettings);
    },
  );
}
