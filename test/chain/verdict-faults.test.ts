import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../../devnet/anvil';
import { startDevnet, type StartDevnetReturnType } from '../../devnet/devnet';
import type { TrustConfig } from '../../lib/trust/schema';
import type { Verdict } from '../../lib/verdict/types';
import { startDelayProxy, startJunkServer, startTamperProxy, type FaultServer } from './helpers/fault-servers';
import { verifyDemoPage } from './helpers/verify-page';

/**
 * Faults seen by a whole page of real proofs: whatever goes wrong with the
 * RPCs, a proof that would verify is `unavailable` with the reason, never
 * `verified`, `invalid` or `altered`.
 */
let devnet: StartDevnetReturnType;
const servers: FaultServer[] = [];

beforeAll(async () => {
  devnet = await startDevnet();
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await devnet?.stop();
});

function withRpcs(rpc: string[]): TrustConfig {
  const local = devnet.trustConfig.chains[String(devnet.chainId)]!;
  return { ...devnet.trustConfig, chains: { ...devnet.trustConfig.chains, [devnet.chainId]: { ...local, rpc } } };
}

const verifyPage = (trust: TrustConfig, timeoutMs?: number) => verifyDemoPage({ devnet, trust, timeoutMs });

/** Every proof that verifies on a healthy chain is unavailable, for `reason`; nothing anywhere is verified. */
function expectUnavailableFor(verdicts: Verdict[], reason: RegExp): void {
  const states = new Set(verdicts.map((verdict) => verdict.state));
  expect(states.has('verified')).toBe(false);
  expect(states.has('pending')).toBe(false);
  devnet.scenarios.forEach((scenario, index) => {
    if (scenario.expectedState !== 'verified') return;
    const verdict = verdicts[index]!;
    expect(verdict.state, scenario.id).toBe('unavailable');
    expect(verdict.summary, scenario.id).toMatch(reason);
    expect(verdict.confidence).toBe(0);
  });
}

describe('a page of real proofs when the RPC fails', () => {
  it('is unavailable when the RPC is down', async () => {
    const closedPort = await freeLoopbackPort();
    expectUnavailableFor(await verifyPage(withRpcs([`http://127.0.0.1:${closedPort}`])), /Could not reach RPC/);
  });

  it('is unavailable when the RPC is slower than the timeout', async () => {
    const slow = await startDelayProxy(devnet.rpcUrl, 1_500);
    servers.push(slow);
    expectUnavailableFor(await verifyPage(withRpcs([slow.url]), 300), /timed out/);
  });

  it('is unavailable when the RPC returns garbage', async () => {
    const junk = await startJunkServer('<html>502 Bad Gateway</html>');
    servers.push(junk);
    expectUnavailableFor(await verifyPage(withRpcs([junk.url])), /invalid response/);
  });

  it('is unavailable when two RPCs disagree, never verified on either answer', async () => {
    const liar = await startTamperProxy(devnet.rpcUrl, (answer, call) => {
      if (call.method === 'eth_call' && typeof answer.result === 'string' && answer.result.length > 2) {
        const flipped = answer.result.endsWith('0') ? '1' : '0';
        return { ...answer, result: answer.result.slice(0, -1) + flipped };
      }
      if (call.method === 'eth_getTransactionReceipt' && answer.result && typeof answer.result === 'object') {
        return { ...answer, result: { ...answer.result, logs: [] } };
      }
      return answer;
    });
    servers.push(liar);
    expectUnavailableFor(await verifyPage(withRpcs([devnet.rpcUrl, liar.url])), /RPC endpoints disagree/);
  });

  it('still verifies when two honest RPCs agree', async () => {
    const honest = await startTamperProxy(devnet.rpcUrl);
    servers.push(honest);
    const verdicts = await verifyPage(withRpcs([devnet.rpcUrl, honest.url]));
    const verifiedIndexes = devnet.scenarios.flatMap((scenario, index) => (scenario.expectedState === 'verified' ? [index] : []));
    for (const index of verifiedIndexes) {
      expect(verdicts[index]!.state, devnet.scenarios[index]!.id).toBe('verified');
      expect(verdicts[index]!.facts.rpcs ?? []).toHaveLength(2);
    }
  });
});
