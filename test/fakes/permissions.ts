import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type PermissionListener = (permissions: { origins?: string[] }) => void;

/**
 * The browser's permissions, which WXT's fakeBrowser leaves out: the grant
 * held as `granted` says; the prompt answers yes (a test may make it say
 * no), which grants and tells `onAdded` listeners, as `grantElsewhere` does
 * for a grant made on another page; `remove` takes the grant away.
 */
export function fakePermissions(granted: boolean) {
  let holds = granted;
  const added: PermissionListener[] = [];
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(() => Promise.resolve(holds));
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation((listener) => void added.push(listener));
  vi.spyOn(fakeBrowser.permissions.onAdded, 'removeListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'removeListener').mockImplementation(() => undefined);
  const grantElsewhere = (): void => {
    holds = true;
    for (const listener of added) listener({ origins: ['<all_urls>'] });
  };
  const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => {
    grantElsewhere();
    return Promise.resolve(true);
  });
  const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(() => Promise.resolve(!(holds = false)));
  return { request, remove, grantElsewhere };
}
