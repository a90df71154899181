import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { trustListCopiesKey, settingsKeys } from '../../storage/settings-keys';
import { isTrustChange, readTrustSources } from './trust-sources';

/** storage.managed answering with `items` only when `answer` is called (the seconds after a browser start). */
function slowManaged(): { answer: (items: Record<string, unknown>) => void } {
  let answer: (items: Record<string, unknown>) => void = () => undefined;
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise((resolve) => (answer = resolve)));
  return { answer };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('readTrustSources', () => {
  it("reads the organisation's string, the user's layer and the trust lists' copies", async () => {
    const user = { chains: {} };
    const copies = { 'https://lists.example/a.json': { error: 'down', failedAt: '2026-12-01T00:00:00.000Z' } };
    await fakeBrowser.storage.managed.set({ trustConfig: '{"chains":{}}' });
    await fakeBrowser.storage.local.set({ [settingsKeys.userTrustConfig]: user, [trustListCopiesKey]: copies });
    expect(await readTrustSources()).toEqual({ managed: '{"chains":{}}', user, copies });
  });

  it('has no managed layer where managed storage is missing or fails', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await readTrustSources()).toEqual({ managed: undefined, user: undefined, copies: {} });
  });

  it('waits for storage.managed, even with a policy remembered from an older version: a policy may have come, changed or gone since', async () => {
    await fakeBrowser.storage.local.set({ 'verity.trustConfig.lastManaged': '{"old":true}' });
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
  it('is a change of either layer or of the trust lists\' copies, and nothing else', () => {
    expect(isTrustChange({ trustConfig: {} }, 'managed')).toBe(true);
    expect(isTrustChange({ [settingsKeys.userTrustConfig]: {} }, 'local')).toBe(true);
    expect(isTrustChange({ [trustListCopiesKey]: {} }, 'local')).toBe(true);
    expect(isTrustChange({ 'verity.trustConfig.lastManaged': {} }, 'local')).toBe(false);
    expect(isTrustChange({ [settingsKeys.display]: {} }, 'local')).toBe(false);
    expect(isTrustChange({ [settingsKeys.userTrustConfig]: {} }, 'session')).toBe(false);
  });
});
