import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { settingsKeys } from '../../storage/settings-keys';
import type * as TrustSources from './trust-sources';

/**
 * What chrome.storage holds. `managed` is what storage.managed answers
 * with: its items, the error it rejects with where no policy is set up, or
 * a promise that has not settled yet (the seconds after a browser start).
 */
const stored: { managed: Record<string, unknown> | Error | Promise<Record<string, unknown>>; local: Record<string, unknown> } = { managed: {}, local: {} };

const localArea = {
  get: async (keys: string[]) => Object.fromEntries(keys.filter((key) => key in stored.local).map((key) => [key, stored.local[key]])),
  set: async (items: Record<string, unknown>) => void Object.assign(stored.local, items),
  remove: async (key: string) => void delete stored.local[key],
};
// wxt/browser takes the global `chrome` when it is first imported: stub it first, and import after.
vi.stubGlobal('chrome', {
  storage: {
    managed: { get: async () => (stored.managed instanceof Error ? Promise.reject(stored.managed) : stored.managed) },
    local: localArea,
  },
});
let sources: typeof TrustSources;
beforeAll(async () => {
  sources = await import('./trust-sources');
});
beforeEach(() => {
  Object.assign(stored, { managed: {}, local: {} });
});

/** Lets the settled promises' callbacks run (the write of the organisation's layer, say). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A managed answer that comes when `answer` is called. */
function slowManaged(): { answer: (items: Record<string, unknown>) => void } {
  let answer: (items: Record<string, unknown>) => void = () => undefined;
  stored.managed = new Promise((resolve) => (answer = resolve));
  return { answer };
}

describe('readTrustSources', () => {
  it("reads the organisation's string and the user's layer, and remembers the organisation's", async () => {
    const user = { chains: {} };
    Object.assign(stored, { managed: { trustConfig: '{"chains":{}}' }, local: { [settingsKeys.userTrustConfig]: user } });
    expect(await sources.readTrustSources()).toEqual({ managed: '{"chains":{}}', user });
    await settle();
    expect(stored.local[sources.lastManagedTrustConfigKey]).toBe('{"chains":{}}');
  });

  it('has no managed layer where managed storage is missing or fails', async () => {
    Object.assign(stored, { managed: new Error('Managed storage manifest not found') });
    expect(await sources.readTrustSources()).toEqual({ managed: undefined, user: undefined });
  });

  it("answers with the organisation's last layer while storage.managed is slow, and stores the fresh one when it differs", async () => {
    stored.local[sources.lastManagedTrustConfigKey] = '{"old":true}';
    const managed = slowManaged();
    expect(await sources.readTrustSources()).toEqual({ managed: '{"old":true}', user: undefined });
    managed.answer({ trustConfig: '{"new":true}' });
    await settle();
    expect(stored.local[sources.lastManagedTrustConfigKey]).toBe('{"new":true}');
  });

  it('forgets the last layer when the organisation no longer sets one', async () => {
    stored.local[sources.lastManagedTrustConfigKey] = '{"old":true}';
    const managed = slowManaged();
    await sources.readTrustSources();
    managed.answer({});
    await settle();
    expect(stored.local).not.toHaveProperty(sources.lastManagedTrustConfigKey);
  });

  it('leaves the last layer alone when the fresh one is the same', async () => {
    stored.local[sources.lastManagedTrustConfigKey] = '{"same":true}';
    const set = vi.spyOn(localArea, 'set');
    stored.managed = { trustConfig: '{"same":true}' };
    expect(await sources.readTrustSources()).toMatchObject({ managed: '{"same":true}' });
    await settle();
    expect(set).not.toHaveBeenCalled();
    set.mockRestore();
  });

  it('waits for storage.managed when no organisation layer was read before: a policy may have come since', async () => {
    const managed = slowManaged();
    const reading = sources.readTrustSources();
    const answered = vi.fn();
    void reading.then(answered);
    await settle();
    expect(answered).not.toHaveBeenCalled();
    managed.answer({ trustConfig: '{"policy":true}' });
    expect(await reading).toEqual({ managed: '{"policy":true}', user: undefined });
  });
});

describe('isTrustChange', () => {
  it("is a change of either layer or of the organisation's last layer, and nothing else", () => {
    expect(sources.isTrustChange({ trustConfig: {} }, 'managed')).toBe(true);
    expect(sources.isTrustChange({ [settingsKeys.userTrustConfig]: {} }, 'local')).toBe(true);
    expect(sources.isTrustChange({ [sources.lastManagedTrustConfigKey]: {} }, 'local')).toBe(true);
    expect(sources.isTrustChange({ [settingsKeys.display]: {} }, 'local')).toBe(false);
    expect(sources.isTrustChange({ [settingsKeys.userTrustConfig]: {} }, 'session')).toBe(false);
  });
});
