/** An idle callback where the browser has them (not jsdom), else the next task; at most `timeout` ms away. */
export function whenIdle(run: () => void, timeout: number): number {
  return typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout }) : (setTimeout(run, 0) as unknown as number);
}

/** Cancels what `whenIdle` asked for. */
export function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}
