import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { layerTrustLists } from '../../lib/trust/list-layer';
import { trustListCopiesKey } from '../../storage/settings-keys';
import { serveTrustLists, type TrustListRoute } from '../../test/fixtures/trust-list-server';
import { createTrustListRefresher } from './trust-list-refresh';
import type { TrustState } from './verification/trust-state';

const list = { name: 'Press Council', updated: '2026-12-01T09:00:00Z', attesters: [{ address: '0x00000000000000000000000000000000000000a1', label: 'Example Newsroom' }] };
const routes: Record<string, TrustListRoute> = { '/council.json': { body: list } };
let server: Awaited<ReturnType<typeof serveTrustLists>>;

beforeAll(async () => {
  server = await serveTrustLists(routes);
});
afterAll(() => server.close());
beforeEach(() => fakeBrowser.reset());

/** A trust state subscribing to `urls`, as the worker's trust source gives it. */
const subscribedTo = (...urls: string[]) => async () => ({ config: layerTrustLists({ user: { trustLists: urls.map((url) => ({ url, name: 'List' })) } }).config }) as TrustState;
const storedCopies = async () => (await fakeBrowser.storage.local.get(trustListCopiesKey))[trustListCopiesKey] as Record<string, { error?: string; list?: unknown }>;

describe('the worker’s trust list refresher', () => {
  it('fetches a new subscription once, keeps the copy when the list goes down, and drops lists no longer subscribed', async () => {
    const url = `${server.baseUrl}/council.json`;
    await createTrustListRefresher({ trust: subscribedTo(url) }).refresh({ onlyNew: true });
    expect((await storedCopies())[url]).toMatchObject({ list: { name: 'Press Council' } });
    const fetched = server.requests.length;

    // Nothing new: no fetch at all.
    await createTrustListRefresher({ trust: subscribedTo(url) }).refresh({ onlyNew: true });
    expect(server.requests).toHaveLength(fetched);

    routes['/council.json'] = { status: 503 };
    await createTrustListRefresher({ trust: subscribedTo(url) }).refresh();
    expect((await storedCopies())[url]).toMatchObject({ list: { name: 'Press Council' }, error: "The list's server answered 503 Service Unavailable" });

    await createTrustListRefresher({ trust: subscribedTo() }).refresh({ onlyNew: true });
    expect(await storedCopies()).toEqual({});
  });
});
