import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTrustLists } from '../test/fixtures/trust-list-server';
import { runVerity } from '../test/run-verity';
import { loadTrustConfig } from './trust-config';

const newsroom = '0x00000000000000000000000000000000000000a1';
const list = { name: 'Press Council of Example', updated: '2026-12-01T09:00:00Z', attesters: [{ address: newsroom, label: 'Example Newsroom' }] };
let server: Awaited<ReturnType<typeof serveTrustLists>>;
let workDir: string;
let configPath: string;

beforeAll(async () => {
  server = await serveTrustLists({ '/council.json': { body: list } });
  workDir = await mkdtemp(join(tmpdir(), 'verity-trust-lists-'));
  configPath = join(workDir, 'config.json');
  const trustLists = [
    { url: `${server.baseUrl}/council.json`, name: 'Press Council' },
    { url: `${server.baseUrl}/missing.json`, name: 'Gone' },
  ];
  await writeFile(configPath, JSON.stringify({ trustLists }));
});
afterAll(async () => {
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('loadTrustConfig with trust lists', () => {
  it('fetches the subscribed lists once, layers them under the file, and warns of one that fails', async () => {
    const warnings: string[] = [];
    const trust = await loadTrustConfig({ configPath, rpcOverrides: [], warn: (message) => warnings.push(message) });
    expect(trust.trustedAttesters).toEqual([{ address: newsroom, label: 'Example Newsroom' }]);
    expect(trust.listSources).toEqual({ [`trustedAttesters.${newsroom}`]: 'Press Council' });
    expect(warnings).toEqual([`Trust list “Gone” (${server.baseUrl}/missing.json) not used: The list's server answered 404 Not Found`]);
    expect(server.requests.filter(({ path }) => path === '/council.json')).toHaveLength(1);
  });

  it('goes on with the run when a list fails, saying so on standard error', { timeout: 60_000 }, async () => {
    const page = join(workDir, 'page.html');
    await writeFile(page, '<p>No proofs here.</p>');
    const { code, stderr } = await runVerity(['verify', page, '--config', configPath, '--json']);
    expect(code).toBe(0);
    expect(stderr).toContain('Trust list “Gone”');
    expect(stderr).toContain('not used: The list\'s server answered 404 Not Found');
  });
});
