// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { walkPause } from '../../lib/extract/carriers';
import type { ProofLocator } from '../../lib/extract/locate-proofs';
import { createManualScheduler } from './manual-scheduler';
import { sliceMs, startPageScanner } from './page-scanner';

afterEach(() => vi.restoreAllMocks());

describe('sliceMs', () => {
  it('takes the idle time offered, at least 6 ms and at most 8 ms', () => {
    const deadline = (ms: number) => ({ timeRemaining: () => ms, didTimeout: false });
    expect(sliceMs(deadline(7))).toBe(7);
    expect(sliceMs(deadline(0))).toBe(6);
    expect(sliceMs(deadline(50))).toBe(8);
  });
});

describe('startPageScanner', () => {
  it('ends a slice within 8 ms though the idle period offers 50, and carries on in a task of its own, not waiting for idle time', () => {
    // A clock that moves 1 ms each time it is read, and a page whose walk never ends.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
    const locator = {
      *scan() {
        for (;;) yield walkPause;
      },
    } as unknown as ProofLocator;
    const manual = createManualScheduler();
    const slices: number[] = [];
    startPageScanner({
      signal: new AbortController().signal,
      document,
      scheduler: manual.scheduler,
      locator,
      isOwnNode: () => false,
      onSlice: () => slices.push(now),
      onChanged: () => undefined,
      onRewritten: () => undefined,
      onRemoved: () => undefined,
    });
    let started = now;
    manual.idle(50);
    expect(slices).toHaveLength(1);
    expect(slices[0]! - started).toBeLessThanOrEqual(10);
    expect(manual.pending()).toMatchObject({ idles: 0, timers: 1 });
    started = now;
    manual.timers();
    expect(slices).toHaveLength(2);
    expect(slices[1]! - started).toBeLessThanOrEqual(8);
  });
});
