import { NoAnswerError } from '../../messaging/client';

/** The first retry waits this long; each next one twice as long, up to `longestRetryDelay`. */
export const firstRetryDelay = 250;
export const longestRetryDelay = 30_000;
/** Tries after the worker itself refused a message: a refusal is rarely passing, so few. */
export const maxRefusals = 3;

export function retryDelay(failures: number): number {
  return Math.min(firstRetryDelay * 2 ** Math.max(0, failures - 1), longestRetryDelay);
}

/**
 * What a failed message means. `unreached`: no worker answered (stopped,
 * starting, or its answer was lost as it stopped); it will be there again.
 * `gone`: this extension was reloaded or removed under the page. Anything
 * else is the worker's own answer, a refusal.
 */
export function failureOf(error: unknown): 'unreached' | 'gone' | 'refused' {
  if (error instanceof NoAnswerError) return 'unreached';
  // Chrome closes a page's channels as it goes into the back/forward cache ("… so the message channel is closed"): asked again once back.
  const message = error instanceof Error ? error.message : String(error);
  if (/extension context invalidated/i.test(message)) return 'gone';
  if (/receiving end does not exist|could not establish connection|message (port|channel) (is )?closed/i.test(message)) return 'unreached';
  return 'refused';
}

export type UntilAnsweredParameters<answer> = {
  signal: AbortSignal;
  /** One try. */
  attempt: () => Promise<answer>;
  /** Waits `ms`, or less when `signal` aborts; a test's clock in tests. */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
};

/**
 * Asks until answered. A service worker that is stopped or starting up
 * drops messages for a moment; waiting longer after each failure gets the
 * answer without hammering it. Gives up (undefined) when `signal` aborts,
 * when the extension is gone, or after a few refusals by the worker.
 */
export async function untilAnswered<answer>({ signal, attempt, wait = sleep }: UntilAnsweredParameters<answer>): Promise<answer | undefined> {
  let failures = 0;
  let refusals = 0;
  while (!signal.aborted) {
    try {
      return await attempt();
    } catch (error) {
      const failure = failureOf(error);
      if (failure === 'gone') break;
      if (failure === 'refused' && ++refusals >= maxRefusals) {
        console.warn('Verity: the worker refused a message:', error);
        break;
      }
      failures += 1;
      if (signal.aborted) break;
      await wait(retryDelay(failures), signal);
    }
  }
  return undefined;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
