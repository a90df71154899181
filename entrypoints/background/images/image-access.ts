import { browser, type Browser } from 'wxt/browser';
import { syncImageAccessScript } from './image-access-script';

/**
 * The optional host permission that lets Verity read images' bytes on any
 * site (issue 15). Never asked at install: only from a reader's click in
 * the popup or on the options page. Without it nothing about images runs
 * on pages; the context menu's "Verify image with Verity" still works on
 * what the image's own frame can read.
 */
export const imageAccessPermission = { origins: ['<all_urls>'] };

/**
 * What "Turn on" asks for: in Chrome also `scripting`, optional too, to
 * register the image-access script (no install-time permission for images
 * at all). "Turn off" gives back only the sites, so the worker can still
 * unregister the script; `scripting` alone reads no page.
 */
export const imageAccessRequest: Browser.permissions.Permissions =
  import.meta.env.MANIFEST_VERSION === 2 ? imageAccessPermission : { ...imageAccessPermission, permissions: ['scripting'] };

/**
 * Whether the grant is there, as Verity's session in a page reads it (in
 * storage.local) to stop looking at images when the grant goes: it cannot
 * ask the permissions API. Pages learn of the grant at load from the
 * image-access script, registered only while it holds
 * (image-access-script.ts), so a page without it reads nothing. The worker
 * alone writes both, from the permissions API, at each start and on every
 * change; the worker itself always asks the API.
 */
export const imageAccessKey = 'verity.images.access';

/** Whether all of it is granted: the sites alone (given in the browser's own settings, say) cannot register the script. */
export function hasImageAccess(): Promise<boolean> {
  return browser.permissions.contains(imageAccessRequest);
}

/** Writes the grant's state where content scripts read it, and registers the image-access script while it holds. */
export async function storeImageAccess(): Promise<void> {
  const granted = await hasImageAccess();
  await Promise.all([browser.storage.local.set({ [imageAccessKey]: granted }), syncImageAccessScript(granted)]);
}

/** Whether a permission change is the image access's: `<all_urls>`, or every http(s) host. */
export function isImageAccessChange({ origins }: { origins?: string[] | undefined }): boolean {
  return origins?.some((origin) => origin === '<all_urls>' || origin === '*://*/*' || origin === 'http://*/*' || origin === 'https://*/*') ?? false;
}
