import type { IdleDeadlineLike, Scheduler } from './scheduler';

/** A scheduler for tests: nothing runs until the test says which kind of moment has come. */
export type ManualScheduler = {
  scheduler: Scheduler;
  /** One frame: the queued reads, then the queued writes. */
  frame(): void;
  /** The idle tasks queued so far, each given `timeRemaining` ms; `didTimeout` when they run because their timeout came. */
  idle(timeRemaining?: number, options?: { didTimeout?: boolean }): void;
  /** The delayed tasks queued so far, however long their delay; or only those of at most `longest` ms. */
  timers(longest?: number): void;
  /** Frames, idle time and timers until nothing is left to run. */
  settle(): void;
  /** What is waiting, by kind. */
  pending(): { reads: number; writes: number; idles: number; timers: number };
};

export function createManualScheduler(): ManualScheduler {
  let reads: (() => void)[] = [];
  let writes: (() => void)[] = [];
  let idles: ((deadline: IdleDeadlineLike) => void)[] = [];
  let timers: { task: () => void; ms: number; cancelled: boolean }[] = [];

  const frame = (): void => {
    const frameReads = reads;
    reads = [];
    frameReads.forEach((task) => task());
    const frameWrites = writes;
    writes = [];
    frameWrites.forEach((task) => task());
  };
  const idle = (timeRemaining = 50, { didTimeout = false } = {}): void => {
    const queued = idles;
    idles = [];
    queued.forEach((task) => task({ timeRemaining: () => timeRemaining, didTimeout }));
  };
  const runTimers = (longest = Infinity): void => {
    const queued = timers.filter((timer) => timer.ms <= longest);
    timers = timers.filter((timer) => timer.ms > longest);
    queued.forEach(({ task, cancelled }) => cancelled || task());
  };
  const pending = () => ({ reads: reads.length, writes: writes.length, idles: idles.length, timers: timers.filter((timer) => !timer.cancelled).length });

  return {
    scheduler: {
      read: (task) => void reads.push(task),
      write: (task) => void writes.push(task),
      idle: (task) => void idles.push(task),
      delay(task, ms) {
        const timer = { task, ms, cancelled: false };
        timers.push(timer);
        return () => {
          timer.cancelled = true;
        };
      },
    },
    frame,
    idle,
    timers: runTimers,
    settle() {
      for (let round = 0; round < 1_000; round += 1) {
        const { reads: r, writes: w, idles: i, timers: t } = pending();
        if (r + w + i + t === 0) return;
        frame();
        idle();
        runTimers();
      }
      throw new Error('The scheduler never settled');
    },
    pending,
  };
}
