import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lastManagedTrustConfigKey, trustListCopiesKey, settingsKeys } from '../../storage/settings-keys';
import { isTrustChange, readTrustSources } from './trust-sources';

/** What storage.local holds now. */
const local = () => fakeBrowser.storage.local.get();

/** storage.managed answering with `items` only when `answer` is called (the seconds after a browser start). */
function slowManaged(): { answer: (items: Record<string, unknown>) => void } {
  let answer: (items: Record<string, unknown>) => void = () => undefined;
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise((resolve) => (answer = resolve)));
  return { answer };
}

beforeEach(() => {
  fakeBrowser.reset();
  // The worker remembers storage.managed's answer in the background: run those writes to the end before asserting.
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('readTrustSources', () => {
  it("reads the organisation's string, the user's layer and the trust lists' copies, and remembers the organisation's", async () => {
    const user = { chains: {} };
    const copies = { 'https://lists.example/a.json': { error: 'down', failedAt: '2026-12-01T00:00:00.000Z' } };
    await fakeBrowser.storage.managed.set({ trustConfig: '{"chains":{}}' });
    await fakeBrowser.storage.local.set({ [settingsKeys.userTrustConfig]: user, [trustListCopiesKey]: copies });
    expect(await readTrustSources()).toEqual({ managed: '{"chains":{}}', user, copies });
    await vi.runAllTimersAsync();
    expect((await local())[lastManagedTrustConfigKey]).toBe('{"chains":{}}');
  });

  it('has no managed layer where managed storage is missing or fails', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await readTrustSources()).toEqual({ managed: undefined, user: undefined, copies: {} });
  });

  it("answers with the organisation's last layer while storage.managed is slow, and stores the fresh one when it differs", async () => {
    await fakeBrowser.storage.local.set({ [lastManagedTrustConfigKey]: '{"old":true}' });
    const managed = slowManaged();
    expect(await readTrustSources()).toEqual({ managed: '{"old":true}', user: undefined, copies: {} });
    managed.answer({ trustConfig: '{"new":true}' });
    await vi.runAllTimersAsync();
    expect((await local())[lastManagedTrustConfigKey]).toBe('{"new":true}');
  });

  it('forgets the last layer when the organisation no longer sets one', async () => {
    await fakeBrowser.storage.local.set({ [lastManagedTrustConfigKey]: '{"old":true}' });
    const managed = slowManaged();
    await readTrustSources();
    managed.answer({});
    await vi.runAllTimersAsync();
    expect(await local()).not.toHaveProperty(lastManagedTrustConfigKey);
  });

  it('leaves the last layer alone when the fresh one is the same', async () => {
    await fakeBrowser.storage.local.set({ [lastManagedTrustConfigKey]: '{"same":true}' });
    await fakeBrowser.storage.managed.set({ trustConfig: '{"same":true}' });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await readTrustSources()).toMatchObject({ managed: '{"same":true}' });
    await vi.runAllTimersAsync();
    expect(set).not.toHaveBeenCalled();
  });

  it('waits for storage.managed when no organisation layer was read before: a policy may have come since', async () => {
    const managed = slowManaged();
    const reading = readTrustSources();
    const answered = vi.fn();
    void reading.then(answered);
    await vi.runAllTimersAsync();
    expect(answered).not.toHaveBeenCalled();
    managed.answer({ trustConfig: '{"policy":true}' });
    expect(await reading).toEqual({ managed: '{"policy":true}', user: undefined, copies: {} });
  });
});

describe('isTrustChange', () => {
  it("is a change of either layer or of the organisation's last layer, and nothing else", () => {
    expect(isTrustChange({ trustConfig: {} }, 'managed')).toBe(true);
    expect(isTrustChange({ [settingsKeys.userTrustConfig]: {} }, 'local')).toBe(true);
    expect(isTrustChange({ [lastManagedTrustConfigKey]: {} }, 'local')).toBe(true);
    expect(isTrustChange({ [trustListCopiesKey]: {} }, 'local')).toBe(true);
    expect(isTrustChange({ [settingsKeys.display]: {} }, 'local')).toBe(false);
    expect(isTrustChange({ [settingsKeys.userTrustConfig]: {} }, 'session')).toBe(false);
  });
});
