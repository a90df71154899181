import { browser } from 'wxt/browser';

/**
 * The optional host permission that lets Verity read images' bytes on any
 * site (issue 15). Never asked at install: only from a reader's click on the
 * options page. Without it nothing about images runs on pages; the context
 * menu's "Verify image with Verity" still works where the image's server
 * allows CORS.
 */
export const imageAccessPermission = { origins: ['<all_urls>'] };

export function hasImageAccess(): Promise<boolean> {
  return browser.permissions.contains(imageAccessPermission);
}

/** Whether a permission change is the image access's: `<all_urls>`, or every http(s) host. */
export function isImageAccessChange({ origins }: { origins?: string[] | undefined }): boolean {
  return origins?.some((origin) => origin === '<all_urls>' || origin === '*://*/*' || origin === 'http://*/*' || origin === 'https://*/*') ?? false;
}
