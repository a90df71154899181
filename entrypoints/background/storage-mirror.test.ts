import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createStorageMirror } from './storage-mirror';
import type { SessionStorage } from './verification/session-records';

/** storage.session, its calls counted. */
function countedArea() {
  const area = fakeBrowser.storage.session;
  const calls = { get: vi.fn(), set: vi.fn(), remove: vi.fn() };
  const counted: SessionStorage = {
    get: (keys) => (calls.get(keys), area.get(keys)),
    set: (items) => (calls.set(items), area.set(items)),
    remove: (keys) => (calls.remove(keys), area.remove(keys)),
  };
  return { area, counted, calls };
}

beforeEach(() => fakeBrowser.reset());

describe('createStorageMirror', () => {
  it('reads each key from the area once, present or absent, and writes through', async () => {
    const { area, counted, calls } = countedArea();
    await area.set({ a: { n: 1 } });
    const mirror = createStorageMirror({ area: counted });
    expect(await mirror.get(['a', 'b'])).toEqual({ a: { n: 1 } });
    expect(await mirror.get(['a', 'b'])).toEqual({ a: { n: 1 } });
    expect(calls.get).toHaveBeenCalledTimes(1);

    await mirror.set({ b: { n: 2 } });
    await mirror.remove(['a']);
    expect(await mirror.get(['a', 'b'])).toEqual({ b: { n: 2 } });
    expect(calls.get).toHaveBeenCalledTimes(1);
    expect(await area.get(null)).toEqual({ b: { n: 2 } });
  });

  it('hands out copies: changing what it gave or was given changes nothing stored', async () => {
    const mirror = createStorageMirror({ area: countedArea().counted });
    const value = { list: [1] };
    await mirror.set({ a: value });
    value.list.push(2);
    const read = (await mirror.get(['a'])).a as { list: number[] };
    read.list.push(3);
    expect(await mirror.get(['a'])).toEqual({ a: { list: [1] } });
  });

  it('keeps a write made while a read of the same key was under way, not what the read found', async () => {
    const { area, counted } = countedArea();
    await area.set({ a: 'old' });
    let release: (() => void) | undefined;
    const slow: SessionStorage = { ...counted, get: async (keys) => { const read = await area.get(keys); await new Promise<void>((resolve) => (release = resolve)); return read; } };
    const mirror = createStorageMirror({ area: slow });
    const reading = mirror.get(['a']);
    await vi.waitFor(() => expect(release).toBeDefined());
    await mirror.set({ a: 'new' });
    release!();
    expect(await reading).toEqual({ a: 'new' });
    expect(await mirror.get(['a'])).toEqual({ a: 'new' });
  });

  it('forgets a value whose write failed, and reads the area again', async () => {
    const { area, counted, calls } = countedArea();
    await area.set({ a: 'stored' });
    const full: SessionStorage = { ...counted, set: async () => { throw new Error('QUOTA_BYTES quota exceeded'); } };
    const mirror = createStorageMirror({ area: full });
    await expect(mirror.set({ a: 'not stored' })).rejects.toThrow('quota');
    expect(await mirror.get(['a'])).toEqual({ a: 'stored' });
    expect(calls.get).toHaveBeenCalledTimes(1);
  });
});
