import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTrustLists, type TrustListRoute } from '../../test/fixtures/trust-list-server';
import { refreshTrustListCopy, refreshTrustLists } from './list-copy';
import { fetchTrustList, TrustListFetchError } from './list-fetch';

const list = { name: 'Press Council', updated: '2026-12-01T09:00:00Z', attesters: [{ address: '0x00000000000000000000000000000000000000a1' as const, label: 'Example Newsroom' }] };
const routes: Record<string, TrustListRoute> = {
  '/list.json': { body: list },
  '/huge.json': { body: { ...list, padding: 'x'.repeat(600 * 1024) } },
  '/bad.json': { body: { ...list, updated: 'soon' } },
  '/gone.json': { status: 410 },
  '/slow.json': { hang: true },
};
let server: Awaited<ReturnType<typeof serveTrustLists>>;
const at = (path: string) => `${server.baseUrl}${path}`;
// Short enough to wait for a server that hangs; only /slow.json is meant to meet it (a loaded machine reads 600 kB slower).
const fetchList = (url: string) => fetchTrustList({ url, timeoutMs: url.endsWith('/slow.json') ? 200 : 10_000 });
const fixedNow = () => new Date('2026-12-04T08:00:00Z');

beforeAll(async () => {
  server = await serveTrustLists(routes);
});
afterAll(() => server.close());

describe('fetchTrustList', () => {
  it('fetches and reads a list, sending no credentials', async () => {
    await expect(fetchList(at('/list.json'))).resolves.toMatchObject({ name: 'Press Council', attesters: list.attesters });
    const { headers } = server.requests.find(({ path }) => path === '/list.json')!;
    expect(headers.cookie).toBeUndefined();
    expect(headers.authorization).toBeUndefined();
  });

  it.each([
    ['/gone.json', "The list's server answered 410 Gone"],
    ['/huge.json', 'The list is larger than 512 KiB'],
    ['/bad.json', 'Not a trust list: updated must be an ISO 8601 date and time'],
    ['/slow.json', 'No answer within 0.2 s'],
  ])('fails on %s with a reason in words', async (path, reason) => {
    const error = await fetchList(at(path)).catch((error: unknown) => error);
    expect(error).toBeInstanceOf(TrustListFetchError);
    expect((error as TrustListFetchError).shortMessage.startsWith(reason)).toBe(true);
  });

  it('refuses plain http to anywhere but this computer without fetching', async () => {
    await expect(fetchList('http://lists.example/list.json')).rejects.toThrow('A trust list must be at an https address');
  });
});

describe('refreshTrustListCopy', () => {
  it('keeps the last good copy when a refresh fails, and says why and when', async () => {
    const good = await refreshTrustListCopy({ url: at('/list.json'), previous: undefined, fetchList, now: () => new Date('2026-12-01T00:00:00Z') });
    expect(good).toMatchObject({ fetchedAt: '2026-12-01T00:00:00.000Z', list: { name: 'Press Council' } });
    expect(good.error).toBeUndefined();
    const failed = await refreshTrustListCopy({ url: at('/gone.json'), previous: good, fetchList, now: fixedNow });
    expect(failed).toEqual({ list: good.list, fetchedAt: good.fetchedAt, error: "The list's server answered 410 Gone", failedAt: '2026-12-04T08:00:00.000Z' });
    const again = await refreshTrustListCopy({ url: at('/list.json'), previous: failed, fetchList, now: fixedNow });
    expect(again).toEqual({ list: good.list, fetchedAt: '2026-12-04T08:00:00.000Z' });
  });
});

describe('refreshTrustLists', () => {
  it('refreshes the subscribed lists, drops copies of others, and with onlyNew fetches only lists never tried', async () => {
    const old = { list: { ...list, opengradient: {}, eas: {}, erc7007: {}, name: 'Old' }, fetchedAt: '2026-11-01T00:00:00.000Z' };
    const copies = { [at('/list.json')]: old, 'https://unsubscribed.example/x.json': old };
    const onlyNew = await refreshTrustLists({ urls: [at('/list.json'), at('/gone.json')], copies, fetchList, now: fixedNow, onlyNew: true });
    expect(onlyNew).toEqual({ [at('/list.json')]: old, [at('/gone.json')]: { error: "The list's server answered 410 Gone", failedAt: '2026-12-04T08:00:00.000Z' } });
    const all = await refreshTrustLists({ urls: [at('/list.json')], copies, fetchList, now: fixedNow });
    expect(all).toEqual({ [at('/list.json')]: { list: expect.objectContaining({ name: 'Press Council' }), fetchedAt: '2026-12-04T08:00:00.000Z' } });
  });
});
