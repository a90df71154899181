import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualScheduler } from './manual-scheduler';
import { createWorkerOutbox } from './worker-outbox';

function setUp(batchSize = 3) {
  const manual = createManualScheduler();
  const sent: string[][] = [];
  const queue = createWorkerOutbox<string>({ scheduler: manual.scheduler, batchSize, send: (items) => sent.push(items) });
  return { manual, sent, queue };
}

describe('createWorkerOutbox', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends nothing until the page is idle, then those near the viewport first, in batches', () => {
    const { manual, sent, queue } = setUp();
    for (const item of ['f1', 'f2']) queue.enqueue(item, false);
    for (const item of ['n1', 'n2', 'n3', 'n4']) queue.enqueue(item, true);
    expect(sent).toEqual([]);
    manual.idle();
    expect(sent).toEqual([
      ['n1', 'n2', 'n3'],
      ['n4'],
    ]);
    manual.idle();
    expect(sent.at(-1)).toEqual(['f1', 'f2']);
  });

  it('moves a queued item up when it comes near, and never sends it twice', () => {
    const { manual, sent, queue } = setUp();
    queue.enqueue('a', false);
    queue.enqueue('b', false);
    queue.enqueue('a', true);
    queue.enqueue('a', false);
    manual.settle();
    expect(sent).toEqual([['a'], ['b']]);
  });

  it('sends one batch per idle task when time has run out, and the rest in the next', () => {
    const { manual, sent, queue } = setUp(2);
    for (const item of ['a', 'b', 'c', 'd', 'e']) queue.enqueue(item, true);
    manual.idle(0);
    expect(sent).toEqual([['a', 'b']]);
    manual.idle(0);
    manual.idle(0);
    expect(sent).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('stops sending after 8 ms of a task, however long the idle period', () => {
    const manual = createManualScheduler();
    const sent: string[][] = [];
    // Each batch takes 5 ms (reading snippets): the second starts within 8 ms, a third would not. On a clock of the
    // test's own: a busy wait of real time failed when the machine was loaded (the first batch took past 8 ms).
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const send = (items: string[]) => {
      now += 5;
      sent.push(items);
    };
    const queue = createWorkerOutbox<string>({ scheduler: manual.scheduler, batchSize: 1, send });
    for (const item of ['a', 'b', 'c', 'd']) queue.enqueue(item, true);
    manual.idle(50);
    expect(sent).toEqual([['a'], ['b']]);
  });

  it('sends an empty batch for new counts alone, but not when a batch goes anyway', () => {
    const { manual, sent, queue } = setUp();
    queue.touch();
    manual.settle();
    expect(sent).toEqual([[]]);
    queue.touch();
    queue.enqueue('a', true);
    manual.settle();
    expect(sent).toEqual([[], ['a']]);
  });

  it('forgets a deleted item', () => {
    const { manual, sent, queue } = setUp();
    queue.enqueue('a', true);
    queue.enqueue('b', false);
    queue.delete('a');
    queue.delete('b');
    manual.settle();
    expect(sent).toEqual([]);
  });
});
