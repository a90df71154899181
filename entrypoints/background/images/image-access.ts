import { browser } from 'wxt/browser';

/**
 * The optional host permission that lets Verity read images' bytes on any
 * site (issue 15). Never asked at install: only from a reader's click on the
 * options page. Without it nothing about images runs on pages; the context
 * menu's "Verify image with Verity" still works on what the image's own
 * frame can read.
 */
export const imageAccessPermission = { origins: ['<all_urls>'] };

/**
 * Whether the grant is there, as pages' content scripts read it (in
 * storage.local): they cannot ask the permissions API, and asking the
 * worker from every frame of every page would wake it on every load. The
 * worker alone writes it, from the permissions API, at its install and
 * start and on every change; the worker itself always asks the API.
 */
export const imageAccessKey = 'verity.images.access';

export function hasImageAccess(): Promise<boolean> {
  return browser.permissions.contains(imageAccessPermission);
}

/** Writes the grant's state where content scripts read it. */
export async function storeImageAccess(): Promise<void> {
  await browser.storage.local.set({ [imageAccessKey]: await hasImageAccess() });
}

/** Whether a permission change is the image access's: `<all_urls>`, or every http(s) host. */
export function isImageAccessChange({ origins }: { origins?: string[] | undefined }): boolean {
  return origins?.some((origin) => origin === '<all_urls>' || origin === '*://*/*' || origin === 'http://*/*' || origin === 'https://*/*') ?? false;
}
