import { browser } from 'wxt/browser';
import type { SessionStorage } from './verification/session-records';

/** A storage area as the worker's services use it. */
function storageArea(area: typeof browser.storage.session): SessionStorage {
  return {
    get: (keys) => area.get(keys),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };
}

/** storage.session as the verification service uses it. */
export function sessionStorage(): SessionStorage {
  return storageArea(browser.storage.session);
}

/** storage.local, for the history. */
export function localStorage(): SessionStorage {
  return storageArea(browser.storage.local);
}
