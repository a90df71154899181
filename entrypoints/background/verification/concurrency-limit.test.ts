import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit } from './concurrency-limit';
import { settle } from '../../../test/fakes/worker-fixtures';

describe('createConcurrencyLimit', () => {
  it('never runs more than the limit, and starts waiting tasks in order', async () => {
    const limit = createConcurrencyLimit(2);
    const releases: (() => void)[] = [];
    const started: number[] = [];
    let peak = 0;
    const tasks = [0, 1, 2, 3, 4].map((index) =>
      limit.run(async () => {
        started.push(index);
        peak = Math.max(peak, limit.active);
        await new Promise<void>((resolve) => releases.push(resolve));
        return index;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    releases.shift()!();
    // A newcomer arriving as a slot frees up waits its turn.
    const late = limit.run(async () => {
      started.push(5);
      return 5;
    });
    await settle();
    expect(started).toEqual([0, 1, 2]);
    while (releases.length > 0) {
      releases.shift()!();
      await settle();
    }
    expect(await Promise.all([...tasks, late])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(limit.active).toBe(0);
  });

  it('frees the slot of a task that fails', async () => {
    const limit = createConcurrencyLimit(1);
    await expect(limit.run(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await limit.run(async () => 'next')).toBe('next');
  });
});
