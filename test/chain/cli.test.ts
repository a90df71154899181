import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../../devnet/anvil';
import { startDevnet, type StartDevnetReturnType } from '../../devnet/devnet';
import { reportSchema } from '../../lib/report/schema';
import { publishedReportValidator } from '../report-json-schema';
import { runVerity as verity } from '../run-verity';

/** The `verity` binary as a user runs it, against the devnet page served over HTTP. */
let devnet: StartDevnetReturnType;
let workDir: string;
let configPath: string;

beforeAll(async () => {
  devnet = await startDevnet({ servePage: true });
  workDir = await mkdtemp(join(tmpdir(), 'verity-cli-'));
  configPath = join(workDir, 'trust.json');
  await writeFile(configPath, JSON.stringify(devnet.trustConfig));
});

afterAll(async () => {
  await devnet?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('verity verify', () => {
  it('prints one JSON verdict per proof in document order, matching every scenario', async () => {
    const { code, stdout } = await verity(['verify', devnet.pageUrl!, '--config', configPath, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { source: string; snippets: { index: number; state: string; confidence: number; checks: { id: string; ok: boolean | null }[] }[] };
    expect(report.source).toBe(devnet.pageUrl);
    expect(report.snippets.map((snippet) => snippet.index)).toEqual(devnet.scenarios.map((_, index) => index));
    expect(report.snippets.map((snippet) => snippet.state)).toEqual(devnet.scenarios.map((scenario) => scenario.expectedState));
    for (const snippet of report.snippets) {
      expect(snippet.checks.length).toBeGreaterThan(0);
      for (const check of snippet.checks) expect([true, false, null]).toContain(check.ok);
    }
  });

  it('prints a readable table with a count per state', async () => {
    const { code, stdout } = await verity(['verify', devnet.pageUrl!, '--config', configPath]);
    expect(code).toBe(0);
    const counts = new Map<string, number>();
    for (const scenario of devnet.scenarios) counts.set(scenario.expectedState, (counts.get(scenario.expectedState) ?? 0) + 1);
    for (const [state, count] of counts) expect(stdout).toContain(`${count} ${state}`);
    expect(stdout).toContain(`${devnet.scenarios.length} proofs`);
  });

  it('reads standard input and an RPC given with --rpc', async () => {
    const scenario = devnet.scenarios.find((candidate) => candidate.id.startsWith('eas-onchain') && candidate.expectedState === 'verified')!;
    const config = { ...devnet.trustConfig, chains: {} };
    const configWithoutChains = join(workDir, 'no-chains.json');
    await writeFile(configWithoutChains, JSON.stringify(config));
    const { code, stdout } = await verity(['verify', '-', '--config', configWithoutChains, '--rpc', `${devnet.chainId}=${devnet.rpcUrl}`, '--json'], { stdin: scenario.html });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).snippets).toEqual([expect.objectContaining({ state: 'verified', proofType: 'eas-onchain' })]);
  });

  it('says unavailable, not invalid, when the chain cannot be reached', async () => {
    const closedPort = await freeLoopbackPort();
    const { code, stdout } = await verity(['verify', devnet.pageUrl!, '--config', configPath, '--rpc', `${devnet.chainId}=http://127.0.0.1:${closedPort}`, '--json']);
    expect(code).toBe(0);
    const states = (JSON.parse(stdout) as { snippets: { state: string }[] }).snippets.map((snippet) => snippet.state);
    devnet.scenarios.forEach((scenario, index) => {
      if (scenario.expectedState === 'verified') expect(states[index], scenario.id).toBe('unavailable');
    });
  });

  it('prints a JSON report (--report json) the report schema accepts, matching every scenario', async () => {
    const { code, stdout } = await verity(['verify', devnet.pageUrl!, '--config', configPath, '--report', 'json']);
    expect(code).toBe(0);
    const json: unknown = JSON.parse(stdout);
    expect(publishedReportValidator()(json)).toEqual([]);
    const report = reportSchema.parse(json);
    expect(report.generator).toMatchObject({ name: 'Verity', kind: 'cli' });
    expect(report.source).toEqual({ kind: 'page', location: devnet.pageUrl, title: 'What the machines wrote this week — The Harbour Gazette' });
    expect(report.scope).toBe('page');
    expect(report.snippets.map((snippet) => snippet.state)).toEqual(devnet.scenarios.map((scenario) => scenario.expectedState));
    const embedding: Record<string, string> = { 'attribute-json': 'attribute', 'attribute-base64url': 'attribute', script: 'script', 'text-token': 'text', 'short-ref': 'text', link: 'text' };
    expect(report.snippets.map((snippet) => snippet.form)).toEqual(devnet.scenarios.map((scenario) => embedding[scenario.form]));
    const counts: Record<string, number> = {};
    for (const scenario of devnet.scenarios) counts[scenario.expectedState] = (counts[scenario.expectedState] ?? 0) + 1;
    expect(report.summary).toMatchObject({ snippets: devnet.scenarios.length, counts, notChecked: 0 });
    expect(report.summary.confidence).toBe(Math.min(...report.snippets.map((snippet) => snippet.confidence)));
    // The devnet, with the RPC the verdicts used; a chain no configuration names is listed without one.
    expect(report.chains).toContainEqual(expect.objectContaining({ chainId: devnet.chainId, rpcs: [devnet.rpcUrl] }));
    for (const chain of report.chains.filter((candidate) => candidate.chainId !== devnet.chainId)) expect(chain.rpcs).toEqual([]);
    for (const snippet of report.snippets.filter((candidate) => candidate.state === 'verified')) {
      expect(snippet.facts.chainId).toBe(devnet.chainId);
      expect(snippet.facts.blockNumber).toMatch(/^[0-9]+$/);
      expect(snippet.checks.filter((check) => check.implies !== undefined)).toEqual([]);
    }
  });

  it('prints a Markdown report (--report md) with the table and a section per snippet', async () => {
    const { code, stdout } = await verity(['verify', devnet.pageUrl!, '--config', configPath, '--report', 'md']);
    expect(code).toBe(0);
    expect(stdout.startsWith('# Verity report\n')).toBe(true);
    expect(stdout).toContain(`- **Source:** Page: <${devnet.pageUrl}>`);
    expect(stdout).toContain('| # | Verdict | Confidence | Proof type | Excerpt |');
    const rows = stdout.split('\n').filter((line) => /^\| \d+ \|/.test(line));
    expect(rows).toHaveLength(devnet.scenarios.length);
    const sections = stdout.match(/^## Snippet \d+: .+$/gm) ?? [];
    expect(sections).toHaveLength(devnet.scenarios.length);
    expect(sections[0]).toMatch(/^## Snippet 1: /);
    expect(stdout.match(/^### Checks$/gm)).toHaveLength(devnet.scenarios.length);
  });

  it('exits 2 when --report is given with --json or an unknown format', async () => {
    const both = await verity(['verify', devnet.pageUrl!, '--report', 'json', '--json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--report and --json cannot be used together/);
    const unknown = await verity(['verify', devnet.pageUrl!, '--report', 'pdf']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--report "pdf": expected md or json/);
  });

  it('exits 1 when SOURCE cannot be read', async () => {
    const closedPort = await freeLoopbackPort();
    const unreachable = await verity(['verify', `http://127.0.0.1:${closedPort}/`]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/Cannot fetch/);
    const missing = await verity(['verify', join(workDir, 'missing.html')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/ENOENT/);
  });

  it('exits 2 for a usage or configuration error, naming the field', async () => {
    const badConfig = join(workDir, 'bad.json');
    await writeFile(badConfig, JSON.stringify({ chains: { '1': { confirmations: 0 } } }));
    const config = await verity(['verify', devnet.pageUrl!, '--config', badConfig]);
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/chains\.1\.confirmations/);
    const usage = await verity(['verify']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Missing SOURCE/);
  });
});
