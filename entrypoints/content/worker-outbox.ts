import { longestTaskWork, type IdleDeadlineLike, type Scheduler } from './scheduler';

/** Most proofs in one message: the answer waits for the slowest, so smaller batches show verdicts sooner. */
export const defaultBatchSize = 12;

/** How long proofs near the viewport wait for an idle moment before going anyway. */
const nearTimeout = 100;
/** The same for proofs further away. */
const farTimeout = 2_000;

export type WorkerOutboxParameters<item> = {
  scheduler: Scheduler;
  batchSize?: number;
  /**
   * Sends one batch. Called from an idle task, so it may read the page
   * (rendered text) before its message goes; it need not wait for the
   * answer. An empty batch carries only the page's counts.
   */
  send: (items: item[]) => void;
};

export type WorkerOutbox<item> = {
  /** To be sent: soon when `near` the viewport, else when the page is idle. Queued again, it moves up if now near. */
  enqueue(item: item, near: boolean): void;
  /** Sends an empty batch, unless a batch goes anyway: the page's counts changed. */
  touch(): void;
  delete(item: item): void;
};

/**
 * The order proofs are sent to the worker in: those near the viewport
 * first, in small batches, the rest in idle time. Each idle task sends
 * what fits its time, 8 ms at most (at least one batch), and leaves the
 * rest for the next.
 */
export function createWorkerOutbox<item>({ scheduler, batchSize = defaultBatchSize, send }: WorkerOutboxParameters<item>): WorkerOutbox<item> {
  const near = new Set<item>();
  const far = new Set<item>();
  let touched = false;
  let nearScheduled = false;
  let farScheduled = false;

  const scheduleNear = (): void => {
    if (nearScheduled) return;
    nearScheduled = true;
    scheduler.idle((deadline) => {
      nearScheduled = false;
      drain(near, deadline);
      if (near.size > 0) scheduleNear();
      else if (far.size > 0) scheduleFar();
    }, nearTimeout);
  };

  const scheduleFar = (): void => {
    if (farScheduled) return;
    farScheduled = true;
    scheduler.idle((deadline) => {
      farScheduled = false;
      // Near ones have their own task; never hold them up behind far ones.
      if (near.size > 0) return scheduleNear();
      drain(far, deadline);
      if (far.size > 0) scheduleFar();
    }, farTimeout);
  };

  function drain(queue: Set<item>, deadline: IdleDeadlineLike): void {
    if (queue.size === 0) {
      if (touched) send([]);
      touched = false;
      return;
    }
    const until = performance.now() + longestTaskWork;
    do {
      const batch = [...take(queue, batchSize)];
      touched = false;
      send(batch);
    } while (queue.size > 0 && deadline.timeRemaining() > 0 && performance.now() < until);
  }

  return {
    enqueue(item, isNear) {
      if (isNear) {
        far.delete(item);
        near.add(item);
        scheduleNear();
      } else if (!near.has(item)) {
        far.add(item);
        scheduleFar();
      }
    },
    touch() {
      touched = true;
      scheduleNear();
    },
    delete(item) {
      near.delete(item);
      far.delete(item);
    },
  };
}

function* take<item>(queue: Set<item>, count: number): Generator<item> {
  for (const item of queue) {
    if (count-- <= 0) return;
    queue.delete(item);
    yield item;
  }
}
