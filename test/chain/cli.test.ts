import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../../devnet/anvil';
import { startDevnet, type StartDevnetReturnType } from '../../devnet/devnet';

/** The `verity` binary as a user runs it, against the devnet page served over HTTP. */
let devnet: StartDevnetReturnType;
let workDir: string;
let configPath: string;

type CliResult = { code: number; stdout: string; stderr: string };

function verity(args: string[], stdin?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['cli/verity.mjs', ...args], { env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? '');
  });
}

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
    const { code, stdout } = await verity(['verify', '-', '--config', configWithoutChains, '--rpc', `${devnet.chainId}=${devnet.rpcUrl}`, '--json'], scenario.html);
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
