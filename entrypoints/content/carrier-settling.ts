import type { Scheduler } from './scheduler';

/** A carrier rewritten again within about this many ms of a rewrite waits until it has been still this long. */
export const settleTime = 1_000;

export type CreateCarrierSettlingParameters = {
  scheduler: Pick<Scheduler, 'delay'>;
  /** Carriers held back that have now been still for `settleTime`: to be read again. */
  onSettled: (carriers: Node[]) => void;
};

export type CarrierSettling = {
  /**
   * A carrier was rewritten: true when it may be read again now; false
   * when it keeps changing, and is passed to `onSettled` once still.
   */
  admit(carrier: Node): boolean;
  /** Whether a carrier is held back now. */
  holds(carrier: Node): boolean;
};

export type CreateCarrierSettlingReturnType = CarrierSettling;

/**
 * Rewrites of a proof that flickers (a page that sets it every frame) are
 * read once it stops, not each time: every reading is a message, a stored
 * record and chain reads in the worker. A first rewrite is read at once.
 * Timers only, no clock: a carrier rewritten since the last look, every
 * `settleTime`, is still moving.
 */
export function createCarrierSettling({ scheduler, onSettled }: CreateCarrierSettlingParameters): CreateCarrierSettlingReturnType {
  /** Admitted within the current window. */
  const recent = new Set<Node>();
  /** Held back, with whether it was rewritten since the last look. */
  const held = new Map<Node, boolean>();
  let windowOpen = false;
  let lookScheduled = false;

  function look(): void {
    lookScheduled = false;
    const settled: Node[] = [];
    for (const [carrier, moved] of held) {
      if (moved) held.set(carrier, false);
      else {
        held.delete(carrier);
        settled.push(carrier);
      }
    }
    if (settled.length > 0) onSettled(settled);
    if (held.size > 0) scheduleLook();
  }

  function scheduleLook(): void {
    if (lookScheduled) return;
    lookScheduled = true;
    scheduler.delay(look, settleTime);
  }

  return {
    admit(carrier) {
      if (held.has(carrier) || recent.has(carrier)) {
        held.set(carrier, true);
        scheduleLook();
        return false;
      }
      recent.add(carrier);
      if (!windowOpen) {
        windowOpen = true;
        scheduler.delay(() => {
          windowOpen = false;
          recent.clear();
        }, settleTime);
      }
      return true;
    },
    holds: (carrier) => held.has(carrier),
  };
}
