export type RunRoundsParameters = {
  /** One round of work; resolves to the number of operations it performed. */
  round: () => Promise<number>;
  /** Keep going until this much time has passed… */
  minMs: number;
  /** …and at least this many rounds ran. */
  minRounds: number;
};

export type RunRoundsReturnType = { operations: number; elapsedMs: number };

/** Repeats `round` back to back and times the whole run with performance.now(). */
export async function runRounds({ round, minMs, minRounds }: RunRoundsParameters): Promise<RunRoundsReturnType> {
  let operations = 0;
  let rounds = 0;
  const start = performance.now();
  while (rounds < minRounds || performance.now() - start < minMs) {
    operations += await round();
    rounds += 1;
  }
  return { operations, elapsedMs: performance.now() - start };
}

/** Operations per second. */
export function ratePerSecond({ operations, elapsedMs }: { operations: number; elapsedMs: number }): number {
  return (operations * 1000) / elapsedMs;
}

/** The middle of `values` (the upper middle of an even count): the figure a few noisy runs are reported by. */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
