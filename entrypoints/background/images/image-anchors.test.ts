import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { imageAnchorsKey, interimListKey, trustListsKey } from './image-anchor-keys';
import { readImageAnchorSets } from './image-anchors';
import { shippedTrustLists } from './shipped-trust-lists';

afterEach(() => fakeBrowser.reset());

const pemOf = async (source: string, organisation?: Parameters<typeof readImageAnchorSets>[0]) => (await readImageAnchorSets(organisation)).find((set) => set.source === source)?.pem;

describe('readImageAnchorSets', () => {
  it('uses the shipped C2PA lists until a refreshed copy is kept, then the copy, the TSA list a set of its own', async () => {
    expect(await pemOf('c2pa-trust-list')).toBe(shippedTrustLists.official);
    expect(await pemOf('c2pa-tsa-list')).toBe(shippedTrustLists.tsa);
    await fakeBrowser.storage.local.set({ [trustListsKey]: { official: { copy: { pem: 'REFRESHED', fetchedAt: '2026-12-04T00:00:00Z', certificates: 1 } } } });
    expect(await pemOf('c2pa-trust-list')).toBe('REFRESHED');
    expect(await pemOf('c2pa-tsa-list')).toBe(shippedTrustLists.tsa);
    await fakeBrowser.storage.local.set({ [trustListsKey]: { tsa: { copy: { pem: 'REFRESHED TSA', fetchedAt: '2026-12-04T00:00:00Z', certificates: 1 } } } });
    expect(await pemOf('c2pa-tsa-list')).toBe('REFRESHED TSA');
  });

  it('leaves the interim list out unless turned on, the organisation’s word over the reader’s', async () => {
    expect(await pemOf('interim')).toBe('');
    await fakeBrowser.storage.local.set({ [interimListKey]: true, [imageAnchorsKey]: 'READER' });
    expect(await pemOf('interim')).toBe(shippedTrustLists.interim);
    expect(await pemOf('interim', { interimList: false })).toBe('');
    expect(await pemOf('reader')).toBe('READER');
    expect(await pemOf('organisation', { anchors: 'ORGANISATION' })).toBe('ORGANISATION');
  });
});
