import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { displaySettingsItem, readDisplaySettings, userTrustConfigItem } from './settings-items';
import { defaultDisplaySettings, settingsKeys } from './settings-keys';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings items', () => {
  it('read what was stored under the same keys before they existed, without metadata', async () => {
    const user = { chains: {} };
    await fakeBrowser.storage.local.set({
      [settingsKeys.userTrustConfig]: user,
      [settingsKeys.display]: { showBadges: false, disabledSites: ['example.com'] },
    });
    expect(await userTrustConfigItem.getValue()).toEqual(user);
    expect(await readDisplaySettings()).toEqual({ showBadges: false, disabledSites: ['example.com'] });
  });

  it('write the same shapes under the same keys, and nothing beside them', async () => {
    await displaySettingsItem.setValue({ showBadges: true, disabledSites: ['a.example'] });
    await userTrustConfigItem.setValue({ attesters: [] });
    expect(await fakeBrowser.storage.local.get()).toEqual({
      [settingsKeys.display]: { showBadges: true, disabledSites: ['a.example'] },
      [settingsKeys.userTrustConfig]: { attesters: [] },
    });
    await userTrustConfigItem.removeValue();
    expect(await fakeBrowser.storage.local.get()).not.toHaveProperty(settingsKeys.userTrustConfig);
  });

  it('give the default display settings when none are stored, and fill in what a stored value lacks', async () => {
    expect(await readDisplaySettings()).toEqual(defaultDisplaySettings);
    await fakeBrowser.storage.local.set({ [settingsKeys.display]: { showBadges: 'no', disabledSites: ['a.example', 3] } });
    expect(await readDisplaySettings()).toEqual({ showBadges: true, disabledSites: ['a.example'] });
  });

  it('are absent (null) when nothing is stored', async () => {
    expect(await userTrustConfigItem.getValue()).toBeNull();
  });
});
