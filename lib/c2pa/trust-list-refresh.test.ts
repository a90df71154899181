import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestSigningChain } from '../../test/generators/c2pa-test-pki';
import { refreshTrustList, type TrustListStatus } from './trust-list-refresh';

let server: Server;
let base: string;
const { rootPem } = makeTestSigningChain('Refresh Test Org');
const answers: Record<string, { status: number; body: string }> = {
  '/good.pem': { status: 200, body: `Subject CN=Refresh Test Org Root CA\n${rootPem}` },
  '/garbage.pem': { status: 200, body: '<html>Rate limited</html>' },
  '/missing.pem': { status: 404, body: 'Not found' },
  '/huge.pem': { status: 200, body: `${rootPem}\n${'#'.repeat(600 * 1024)}` },
};

beforeAll(async () => {
  server = createServer((request, response) => {
    const answer = answers[request.url ?? ''] ?? { status: 500, body: '' };
    response.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function memory() {
  let kept: TrustListStatus | undefined;
  return { read: async () => kept, write: async (status: TrustListStatus) => void (kept = status), kept: () => kept };
}

describe('refreshTrustList against a local server', () => {
  it('keeps a list whose blocks are all certificates, with when and how many', async () => {
    const store = memory();
    const status = await refreshTrustList({ url: `${base}/good.pem`, ...store, now: () => new Date('2026-12-04T09:00:00Z') });
    expect(status).toEqual({ copy: { pem: answers['/good.pem']!.body, fetchedAt: '2026-12-04T09:00:00.000Z', certificates: 1 }, checkedAt: '2026-12-04T09:00:00.000Z' });
    expect(store.kept()).toEqual(status);
  });

  it('refuses an answer that is no certificate list, an HTTP error and one too large, keeping the last good copy and the error', async () => {
    const store = memory();
    await refreshTrustList({ url: `${base}/good.pem`, ...store });
    const good = store.kept()?.copy;
    for (const [path, error] of [
      ['/garbage.pem', /^The list fetched is not a list of certificates: No certificate found/],
      ['/missing.pem', /^The list could not be fetched: HTTP 404$/],
      ['/huge.pem', /^The list fetched is larger than 512 kB$/],
    ] as const) {
      const status = await refreshTrustList({ url: `${base}${path}`, ...store });
      expect(status.copy).toEqual(good);
      expect(status.error).toMatch(error);
    }
    // A refresh that succeeds clears the error.
    expect((await refreshTrustList({ url: `${base}/good.pem`, ...store })).error).toBeUndefined();
  });

  it('says a server that does not answer could not be reached, with no copy yet (the shipped list stands)', async () => {
    const store = memory();
    const status = await refreshTrustList({ url: 'http://127.0.0.1:9/list.pem', ...store });
    expect(status.copy).toBeUndefined();
    expect(status.error).toMatch(/^The list could not be fetched \(/);
  });
});
