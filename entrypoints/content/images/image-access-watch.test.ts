import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { imageAccessKey } from '../../background/images/image-access';
import { watchImageAccess } from './image-access-watch';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => fakeBrowser.reset());

describe('watchImageAccess', () => {
  it('reads the stored grant once, then follows each change, until the content script ends', async () => {
    await fakeBrowser.storage.local.set({ [imageAccessKey]: true });
    const seen: boolean[] = [];
    const stop = new AbortController();
    watchImageAccess(stop.signal, (granted) => seen.push(granted));
    await settle();
    await fakeBrowser.storage.local.set({ [imageAccessKey]: false });
    await fakeBrowser.storage.local.set({ 'verity.display': {} });
    await settle();
    stop.abort();
    await fakeBrowser.storage.local.set({ [imageAccessKey]: true });
    await settle();
    expect(seen).toEqual([true, false]);
  });

  it('takes nothing stored as no grant', async () => {
    const seen: boolean[] = [];
    watchImageAccess(new AbortController().signal, (granted) => seen.push(granted));
    await settle();
    expect(seen).toEqual([false]);
  });
});
