import type { PinnedBlock } from './types';

/** A chain read that has settled: its value, or why there is none. */
export type ReadOutcome<value> = { ok: true; value: value } | { ok: false; error: unknown };

/**
 * Starts `read` now and never rejects, so a read can be started early and
 * awaited late without an unhandled rejection, and a reader that throws
 * instead of rejecting cannot escape either.
 */
export function settle<value>(read: () => Promise<value>): Promise<ReadOutcome<value>> {
  try {
    return read().then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error }),
    );
  } catch (error) {
    return Promise.resolve({ ok: false, error });
  }
}

/**
 * Starts `read` once the pinned head is known. Without a head no read can be
 * made, and the head's failure stands for each of them.
 */
export function readAfterHead<value>(head: ReadOutcome<PinnedBlock>, read: () => Promise<value>): Promise<ReadOutcome<value>> {
  return head.ok ? settle(read) : Promise.resolve({ ok: false, error: head.error });
}
