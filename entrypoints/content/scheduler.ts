export type IdleDeadlineLike = { timeRemaining(): number; readonly didTimeout: boolean };

/**
 * Most time, in ms, any one task of the content script spends on its own
 * work (a scan slice, a batch of readings or sends, a look at badges, a
 * step of the look-alike search), though an idle period may offer 50: the
 * page's input or script may come at any moment, and a task over a frame
 * (16 ms) is one the reader can feel (issue 10). What does not fit waits
 * for the next task.
 */
export const longestTaskWork = 8;

/**
 * When the content script does its work. DOM reads and writes are queued
 * for the next frame, all reads first, then all writes, so the page is
 * laid out at most once for us per frame. Scanning and reading texts run
 * when the page is idle. Nothing repeats on its own: with nothing queued,
 * nothing runs.
 */
export type Scheduler = {
  read(task: () => void): void;
  write(task: () => void): void;
  /** When the page is idle, or after `timeout` ms at the latest. */
  idle(task: (deadline: IdleDeadlineLike) => void, timeout: number): void;
  /** After `ms`; the returned function cancels it. */
  delay(task: () => void, ms: number): () => void;
};

/** The timers a scheduler uses: the window's, or a test's stand-ins. */
export type SchedulerClock = {
  requestAnimationFrame(callback: () => void): unknown;
  requestIdleCallback?(callback: (deadline: IdleDeadlineLike) => void, options: { timeout: number }): unknown;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** True while the tab is in the background, where frames do not come. */
  hidden(): boolean;
};

export function windowClock(window: Window): SchedulerClock {
  return {
    requestAnimationFrame: (callback) => window.requestAnimationFrame(callback),
    requestIdleCallback: window.requestIdleCallback === undefined ? undefined : (callback, options) => window.requestIdleCallback(callback, options),
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
    hidden: () => window.document.hidden,
  };
}

/** A background tab gets no frames; its work still runs, this often at most. */
const backgroundFrameDelay = 250;

export type CreateSchedulerParameters = { signal: AbortSignal; clock: SchedulerClock };

export function createScheduler({ signal, clock }: CreateSchedulerParameters): Scheduler {
  let reads: (() => void)[] = [];
  let writes: (() => void)[] = [];
  let frameRequested = false;

  const run = (task: () => void): void => {
    if (signal.aborted) return;
    try {
      task();
    } catch (error) {
      // One failed task must not stop the others, nor the page's own scripts.
      console.error('Verity:', error);
    }
  };

  const flush = (): void => {
    frameRequested = false;
    const frameReads = reads;
    reads = [];
    frameReads.forEach(run);
    const frameWrites = writes;
    writes = [];
    frameWrites.forEach(run);
    if (reads.length > 0 || writes.length > 0) requestFrame();
  };

  const requestFrame = (): void => {
    if (frameRequested || signal.aborted) return;
    frameRequested = true;
    if (clock.hidden()) clock.setTimeout(flush, backgroundFrameDelay);
    else clock.requestAnimationFrame(flush);
  };

  return {
    read(task) {
      reads.push(task);
      requestFrame();
    },
    write(task) {
      writes.push(task);
      requestFrame();
    },
    idle(task, timeout) {
      if (signal.aborted) return;
      const callback = (deadline: IdleDeadlineLike): void => run(() => task(deadline));
      if (clock.requestIdleCallback !== undefined) clock.requestIdleCallback(callback, { timeout });
      else clock.setTimeout(() => callback({ timeRemaining: () => 0, didTimeout: true }), 1);
    },
    delay(task, ms) {
      const handle = clock.setTimeout(() => run(task), ms);
      return () => clock.clearTimeout(handle);
    },
  };
}
