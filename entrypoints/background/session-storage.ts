import { browser } from 'wxt/browser';
import { createStorageMirror } from './storage-mirror';
import type { SessionStorage } from './verification/session-records';

/** A storage area as the worker's services use it. */
function storageArea(area: typeof browser.storage.session): SessionStorage {
  return {
    get: (keys) => area.get(keys),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };
}

/** storage.session as the verification and selection services use it: their records are the worker's alone, so mirrored. */
export function sessionStorage(): SessionStorage {
  return createStorageMirror({ area: storageArea(browser.storage.session) });
}

/** storage.local, for the history. */
export function localStorage(): SessionStorage {
  return storageArea(browser.storage.local);
}
