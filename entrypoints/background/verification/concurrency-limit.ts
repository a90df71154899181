export type ConcurrencyLimit = {
  /** Runs `task` once fewer than the limit are running; tasks start in the order they were given. */
  run<result>(task: () => Promise<result>): Promise<result>;
  readonly active: number;
};

/** At most `max` tasks at a time. */
export function createConcurrencyLimit(max: number): ConcurrencyLimit {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(task) {
      // A finishing task hands its slot straight to the next waiter, so a newcomer cannot slip in between.
      if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
      else active += 1;
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else active -= 1;
      }
    },
    get active() {
      return active;
    },
  };
}
