import { browser } from 'wxt/browser';
import type { SessionStorage } from '../../lib/extension/session-records';

/** storage.session as the verification service uses it. */
export function sessionStorage(): SessionStorage {
  const area = browser.storage.session;
  return {
    get: (keys) => area.get(keys),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
  };
}
