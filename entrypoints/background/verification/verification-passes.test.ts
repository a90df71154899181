import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChainAccess } from '../../../lib/chain/types';
import { defaultTrustConfig } from '../../../lib/trust/defaults';
import type { Verdict } from '../../../lib/verdict/types';
import type { VerifySnippetParameters } from '../../../lib/verifiers/verify-snippet';
import { inputOf } from './session-records';
import { referenceProof, verdictOf } from '../../../test/fakes/worker-fixtures';
import { createVerificationPasses, type PassResult } from './verification-passes';

function setUp({ maxPerChain, verify }: { maxPerChain?: number; verify?: (parameters: VerifySnippetParameters) => Promise<Verdict> } = {}) {
  const chains: ChainAccess[] = [];
  const createChains = vi.fn(() => {
    const access: ChainAccess = { reader: () => undefined };
    chains.push(access);
    return access;
  });
  const passes: PassResult[][] = [];
  const verifyFn = vi.fn(verify ?? (async ({ shownText }: VerifySnippetParameters) => verdictOf('verified', shownText)));
  const queue = createVerificationPasses({
    trust: async () => ({ config: defaultTrustConfig, stamp: 'stamp-1' }),
    createChains,
    onPass: async (results) => {
      passes.push(results);
    },
    verify: verifyFn,
    maxPerChain,
  });
  return { queue, createChains, chains, passes, verify: verifyFn };
}

const job = (id: string, options?: Parameters<typeof referenceProof>[1]) => {
  const proof = referenceProof(id, options);
  return { key: `key-${proof.shownText}-${options?.chainId ?? 31337}`, input: inputOf(proof) };
};

describe('createVerificationPasses', () => {
  // The collecting window's timer fires only when a test runs it.
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('verifies what arrives within the window in one pass, with one chain access', async () => {
    const { queue, createChains, chains, passes, verify } = setUp();
    const answers = [queue.request(job('a'), { answeredTab: 1 }), queue.request(job('b'), { answeredTab: 2 }), queue.request(job('c', { chainId: 1 }))];
    expect(verify).not.toHaveBeenCalled();
    vi.runOnlyPendingTimers();
    expect((await Promise.all(answers)).map((verdict) => verdict.summary)).toEqual(['Text of a.', 'Text of b.', 'Text of c.']);
    expect(createChains).toHaveBeenCalledTimes(1);
    expect(verify).toHaveBeenCalledTimes(3);
    // Every snippet of the pass got the same chains: reads are pinned, shared and batched across them.
    for (const [parameters] of verify.mock.calls) expect(parameters.chains).toBe(chains[0]);
    expect(passes).toHaveLength(1);
  });

  it('verifies a proof asked for by several tabs once, and knows who will hear the answer', async () => {
    const { queue, verify, passes } = setUp();
    const first = queue.request(job('a'), { answeredTab: 1 });
    const second = queue.request(job('a'), { answeredTab: 2 });
    expect(queue.has(job('a').key)).toBe(true);
    vi.runOnlyPendingTimers();
    expect(await first).toBe(await second);
    expect(verify).toHaveBeenCalledTimes(1);
    expect([...passes[0]![0]!.answeredTabs]).toEqual([1, 2]);
    expect(queue.has(job('a').key)).toBe(false);
  });

  it('joins a running verification, and starts a new pass for what comes later', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { queue, verify, createChains } = setUp({
      verify: async ({ shownText }) => {
        await gate;
        return verdictOf('verified', shownText);
      },
    });
    const first = queue.request(job('a'));
    await vi.runOnlyPendingTimersAsync();
    const joined = queue.request(job('a'), { answeredTab: 3 });
    const later = queue.request(job('b'));
    expect(vi.getTimerCount()).toBe(1);
    vi.runOnlyPendingTimers();
    release();
    await Promise.all([first, joined, later]);
    expect(verify).toHaveBeenCalledTimes(2);
    expect(createChains).toHaveBeenCalledTimes(2);
  });

  it('limits verifications per chain, across passes, but not proofs that need no chain', async () => {
    const running = new Map<string, number>();
    const peak = new Map<string, number>();
    const releases: (() => void)[] = [];
    const { queue } = setUp({
      maxPerChain: 2,
      verify: async ({ decoded, shownText }) => {
        const chain = decoded.ok ? String((decoded.envelope.proof as { chainId: number }).chainId) : 'none';
        running.set(chain, (running.get(chain) ?? 0) + 1);
        peak.set(chain, Math.max(peak.get(chain) ?? 0, running.get(chain)!));
        await new Promise<void>((resolve) => releases.push(resolve));
        running.set(chain, running.get(chain)! - 1);
        return verdictOf('verified', shownText);
      },
    });
    const answers = [1, 2, 3, 4].map((index) => queue.request(job(`one-${index}`, { chainId: 1 })));
    answers.push(queue.request(job('two-1', { chainId: 2 })));
    vi.runOnlyPendingTimers();
    answers.push(...[5, 6].map((index) => queue.request(job(`one-${index}`, { chainId: 1 }))));
    const malformed = (index: number) => ({ key: `bad-${index}`, input: { ...inputOf(referenceProof('x')), raw: 'ai-proof:v1:og:0:0x1' } });
    answers.push(...[1, 2, 3].map((index) => queue.request(malformed(index))));
    await vi.runOnlyPendingTimersAsync();
    expect(running.get('1')).toBe(2);
    expect(running.get('2')).toBe(1);
    expect(running.get('none')).toBe(3);
    while (releases.length > 0) {
      releases.shift()!();
      await vi.advanceTimersByTimeAsync(0);
    }
    await Promise.all(answers);
    expect(peak.get('1')).toBe(2);
  });

  it("passes on what the content script found: a locator problem, a text cut off", async () => {
    const { queue, verify } = setUp();
    const unplaced = { ...job('a'), input: { ...job('a').input, problem: { kind: 'unplaced' as const, reason: 'target "#x" matches no element' } } };
    const cutOff = { ...job('b'), input: { ...job('b').input, shownTextComplete: false as const } };
    const answers = [queue.request(unplaced), queue.request(cutOff)];
    vi.runOnlyPendingTimers();
    await Promise.all(answers);
    expect(verify.mock.calls[0]![0]).toMatchObject({ decoded: { ok: false, reason: 'target "#x" matches no element' }, shownTextComplete: true });
    expect(verify.mock.calls[1]![0]).toMatchObject({ decoded: { ok: true }, shownTextComplete: false });
  });

  it('stores before it answers: onPass runs before any waiter hears the verdict', async () => {
    const order: string[] = [];
    const queue = createVerificationPasses({
      trust: async () => ({ config: defaultTrustConfig, stamp: 's' }),
      createChains: () => ({ reader: () => undefined }),
      // Storing takes a while.
      onPass: async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        order.push('stored');
      },
      verify: async () => verdictOf('verified'),
    });
    const answer = queue.request(job('a')).then(() => order.push('answered'));
    await vi.runAllTimersAsync();
    await answer;
    expect(order).toEqual(['stored', 'answered']);
  });

  it('rejects the waiters of a pass whose trust configuration cannot be read, and recovers', async () => {
    const trust = vi.fn().mockRejectedValueOnce(new Error('storage failed')).mockResolvedValue({ config: defaultTrustConfig, stamp: 's' });
    const queue = createVerificationPasses({
      trust,
      createChains: () => ({ reader: () => undefined }),
      onPass: async () => undefined,
      verify: async () => verdictOf('verified'),
    });
    const failed = queue.request(job('a'));
    vi.runOnlyPendingTimers();
    await expect(failed).rejects.toThrow('storage failed');
    expect(queue.has(job('a').key)).toBe(false);
    const retried = queue.request(job('a'));
    vi.runOnlyPendingTimers();
    await expect(retried).resolves.toMatchObject({ state: 'verified' });
  });

  it('stops collecting when its signal aborts', async () => {
    const controller = new AbortController();
    const queue = createVerificationPasses({
      trust: async () => ({ config: defaultTrustConfig, stamp: 's' }),
      createChains: () => ({ reader: () => undefined }),
      onPass: async () => undefined,
      verify: async () => verdictOf('verified'),
      signal: controller.signal,
    });
    const collecting = queue.request(job('a'));
    controller.abort(new Error('worker stopped'));
    await expect(collecting).rejects.toThrow('worker stopped');
    expect(vi.getTimerCount()).toBe(0);
    await expect(queue.request(job('b'))).rejects.toThrow('worker stopped');
  });
});
