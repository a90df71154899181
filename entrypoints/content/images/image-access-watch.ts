import { browser } from 'wxt/browser';
import { imageAccessKey } from '../../background/images/image-access';

/**
 * Whether the reader granted image access, now and at each change, from
 * what the worker stores (entrypoints/background/images/image-access.ts):
 * no message, so a page load wakes no worker. A change that lands before
 * the first read wins over it.
 */
export function watchImageAccess(signal: AbortSignal, apply: (granted: boolean) => void): void {
  let changed = false;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(imageAccessKey in changes) || signal.aborted) return;
    changed = true;
    apply(changes[imageAccessKey]?.newValue === true);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
  browser.storage.local.get(imageAccessKey).then(
    (stored) => {
      if (!changed && !signal.aborted) apply(stored[imageAccessKey] === true);
    },
    () => undefined,
  );
}
