import { browser } from 'wxt/browser';

/** The context menu item's id, and the keyboard command's name (wxt.config.ts). */
export const verifySelectionMenuId = 'verity.verify-selection';
export const verifySelectionCommand = 'verify-selection';

/**
 * "Verify selection with Verity" in the page's context menu, where text is
 * selected. Menu items outlive the worker (they are created once, on
 * install and update); removing first makes an update's creation not fail
 * on the item the last version made.
 */
export async function createVerifySelectionMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: verifySelectionMenuId, title: 'Verify selection with Verity', contexts: ['selection'] });
}
