import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultDisplaySettings, settingsKeys, type DisplaySettings } from '../../storage/settings-keys';
import { watchDisplaySettings } from './display-settings';

const off = { showBadges: false, disabledSites: ['example.com'] };

function watched(): { applied: DisplaySettings[]; controller: AbortController } {
  const applied: DisplaySettings[] = [];
  const controller = new AbortController();
  watchDisplaySettings(controller.signal, (settings) => applied.push(settings));
  return { applied, controller };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('watchDisplaySettings', () => {
  it('applies the stored settings, then every change the options page writes', async () => {
    await fakeBrowser.storage.local.set({ [settingsKeys.display]: off });
    const { applied } = watched();
    await vi.runAllTimersAsync();
    expect(applied).toEqual([off]);
    await fakeBrowser.storage.local.set({ [settingsKeys.display]: { showBadges: true, disabledSites: [] } });
    await fakeBrowser.storage.local.remove(settingsKeys.display);
    expect(applied).toEqual([off, { showBadges: true, disabledSites: [] }, defaultDisplaySettings]);
  });

  it('fills in defaults for what a stored value lacks', async () => {
    await fakeBrowser.storage.local.set({ [settingsKeys.display]: { showBadges: false } });
    const { applied } = watched();
    await vi.runAllTimersAsync();
    expect(applied).toEqual([{ showBadges: false, disabledSites: [] }]);
  });

  it('lets a change that lands before the first read win over it', async () => {
    let answer: (items: Record<string, unknown>) => void = () => undefined;
    vi.spyOn(fakeBrowser.storage.local, 'get').mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const { applied } = watched();
    await fakeBrowser.storage.local.set({ [settingsKeys.display]: off });
    answer({});
    await vi.runAllTimersAsync();
    expect(applied).toEqual([off]);
  });

  it('uses the defaults when storage cannot be read', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('gone'));
    const { applied } = watched();
    await vi.runAllTimersAsync();
    expect(applied).toEqual([defaultDisplaySettings]);
  });

  it('applies nothing once aborted', async () => {
    const { applied, controller } = watched();
    controller.abort();
    await fakeBrowser.storage.local.set({ [settingsKeys.display]: off });
    await vi.runAllTimersAsync();
    expect(applied).toEqual([]);
  });
});
