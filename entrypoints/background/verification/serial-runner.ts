export type SerialRunner = {
  /** Runs `task` after every task run before it has settled; its result, or its error, is the caller's alone. */
  run<result>(task: () => Promise<result>): Promise<result>;
};

/**
 * Runs tasks one at a time. storage.session has no transactions, so every
 * read-modify-write of the worker's records goes through one runner: two
 * messages from the same tab cannot interleave and lose each other's proofs.
 */
export function createSerialRunner(): SerialRunner {
  let last: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = last.then(task);
      last = result.catch(() => undefined);
      return result;
    },
  };
}
