import { beforeAll, describe, expect, it, vi } from 'vitest';
import { settingsKeys } from '../../lib/extension/settings-keys';
import type * as TrustSources from './trust-sources';

/** What chrome.storage holds: a managed area's items, or the error it rejects with where no policy is set up. */
const stored: { managed: Record<string, unknown> | Error; user: Record<string, unknown> } = { managed: {}, user: {} };

// wxt/browser takes the global `chrome` when it is first imported: stub it first, and import after.
vi.stubGlobal('chrome', {
  storage: {
    managed: { get: async () => (stored.managed instanceof Error ? Promise.reject(stored.managed) : stored.managed) },
    local: { get: async () => stored.user },
  },
});
let sources: typeof TrustSources;
beforeAll(async () => {
  sources = await import('./trust-sources');
});

describe('readTrustSources', () => {
  it("reads the organisation's string and the user's layer", async () => {
    const user = { chains: {} };
    Object.assign(stored, { managed: { trustConfig: '{"chains":{}}' }, user: { [settingsKeys.userTrustConfig]: user } });
    expect(await sources.readTrustSources()).toEqual({ managed: '{"chains":{}}', user });
  });

  it('has no managed layer where managed storage is missing or fails', async () => {
    Object.assign(stored, { managed: new Error('Managed storage manifest not found'), user: {} });
    expect(await sources.readTrustSources()).toEqual({ managed: undefined, user: undefined });
  });
});

describe('isTrustChange', () => {
  it('is a change of either layer, and nothing else', () => {
    expect(sources.isTrustChange({ trustConfig: {} }, 'managed')).toBe(true);
    expect(sources.isTrustChange({ [settingsKeys.userTrustConfig]: {} }, 'local')).toBe(true);
    expect(sources.isTrustChange({ [settingsKeys.display]: {} }, 'local')).toBe(false);
    expect(sources.isTrustChange({ [settingsKeys.userTrustConfig]: {} }, 'session')).toBe(false);
  });
});
