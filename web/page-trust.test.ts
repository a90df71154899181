import { describe, expect, it, vi } from 'vitest';
import { defaultTrustConfig } from '../lib/trust/defaults';
import { loadPageTrust, PageTrustConfigError } from './page-trust';

const pageUrl = 'https://verify.example.org/verity/?x=1#share=v1.abc';

describe('loadPageTrust', () => {
  it('uses the trust-config.json the host put beside the page, merged over the defaults', async () => {
    const fetchFn = vi.fn(async (_url: URL) => new Response(JSON.stringify({ trustedAttesters: [{ address: `0x${'5'.repeat(40)}`, label: 'Example Newsroom' }] })));
    const trust = await loadPageTrust({ pageUrl, fetchFn: fetchFn as unknown as typeof fetch });
    expect(fetchFn.mock.calls[0]![0]).toEqual(new URL('https://verify.example.org/verity/trust-config.json'));
    expect(trust.from).toBe('host');
    expect(trust.config.trustedAttesters).toEqual([{ address: `0x${'5'.repeat(40)}`, label: 'Example Newsroom' }]);
    expect(trust.config.chains).toEqual(defaultTrustConfig.chains);
  });

  it("uses Verity's defaults where the host put none, or the request cannot be made", async () => {
    expect(await loadPageTrust({ pageUrl, fetchFn: async () => new Response('', { status: 404 }) })).toEqual({ config: defaultTrustConfig, from: 'default' });
    expect(await loadPageTrust({ pageUrl, fetchFn: () => Promise.reject(new TypeError('Failed to fetch')) })).toEqual({ config: defaultTrustConfig, from: 'default' });
  });

  it('refuses a configuration that is there but broken, rather than silently checking with the defaults', async () => {
    await expect(loadPageTrust({ pageUrl, fetchFn: async () => new Response('{"chains": 4}') })).rejects.toThrow(PageTrustConfigError);
    await expect(loadPageTrust({ pageUrl, fetchFn: async () => new Response('', { status: 500 }) })).rejects.toThrow(
      'This verifier page has a trust configuration it cannot read',
    );
  });
});
