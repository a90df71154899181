/** Where the running copy of the content script names itself, in the content script's own world: no page script reaches it. */
const runningCopyKey = 'verityRunningContentScript';

export type ScriptLifetimeParameters = {
  /** WXT's context signal: aborted when a document event says a newer copy of this script started. */
  contextSignal: AbortSignal;
  /** The content script's own global (its isolated world's, or its sandbox's in Firefox). */
  scriptGlobal: object;
  /** Whether the extension that loaded this script still runs (`browser.runtime.id` is gone once it is updated, disabled or removed). */
  extensionAlive: () => boolean;
};

/**
 * How long this copy of the content script runs: until the extension is
 * gone or a newer copy of this script has started in the same document.
 * WXT tells both with one event on the document whose name holds the
 * extension's id, which a store listing makes public, so a page can make
 * it up and take every badge off its own text (found in the untrusted-events
 * suite). Its word is taken only when either is so: a newer copy names
 * itself in the content script's world, which the page cannot write.
 */
export function scriptLifetime({ contextSignal, scriptGlobal, extensionAlive }: ScriptLifetimeParameters): AbortSignal {
  const lifetime = new AbortController();
  const copy = Symbol('content script copy');
  const running = scriptGlobal as Record<string, unknown>;
  running[runningCopyKey] = copy;
  const isOver = (): boolean => !extensionAlive() || running[runningCopyKey] !== copy;
  // A newer copy sends its event before its own start has named it: asked once that start is over.
  contextSignal.addEventListener('abort', () => queueMicrotask(() => isOver() && lifetime.abort(contextSignal.reason)), { once: true });
  return lifetime.signal;
}
