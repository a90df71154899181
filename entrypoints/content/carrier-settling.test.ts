import { describe, expect, it } from 'vitest';
import { createCarrierSettling } from './carrier-settling';
import { createManualScheduler } from './manual-scheduler';

function setUp() {
  const manual = createManualScheduler();
  const settled: Node[][] = [];
  const settling = createCarrierSettling({ scheduler: manual.scheduler, onSettled: (carriers) => settled.push(carriers) });
  return { settling, settled, manual };
}

const carrier = (name: string) => ({ name }) as unknown as Node;

describe('carrier settling', () => {
  it('lets a first rewrite, and one after a quiet second, be read at once', () => {
    const { settling, manual } = setUp();
    const a = carrier('a');
    expect(settling.admit(a)).toBe(true);
    manual.timers();
    expect(settling.admit(a)).toBe(true);
    expect(settling.holds(a)).toBe(false);
  });

  it('holds a carrier that keeps changing until it has been still, then hands it on once', () => {
    const { settling, settled, manual } = setUp();
    const a = carrier('a');
    const b = carrier('b');
    settling.admit(a);
    settling.admit(b);
    // Rewritten every frame for a few seconds: held throughout, handed to nobody.
    for (let second = 0; second < 3; second += 1) {
      for (let frame = 0; frame < 60; frame += 1) expect(settling.admit(a)).toBe(false);
      manual.timers();
    }
    expect([settling.holds(a), settling.holds(b)]).toEqual([true, false]);
    expect(settled).toEqual([]);
    // A second without a rewrite.
    manual.timers();
    expect(settled).toEqual([[a]]);
    expect(settling.holds(a)).toBe(false);
    expect(manual.pending().timers).toBe(0);
  });
});
