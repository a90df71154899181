import { browser } from 'wxt/browser';

export type WelcomeInstallParameters = {
  /** Why `runtime.onInstalled` fired: `install`, `update`, … */
  reason: string;
  /** `management.getSelf().installType`: `normal`, `admin`, `development`, … */
  installType: string;
};

/**
 * Whether to open the welcome page (issue 11 item 3): once, for a new
 * install, but not for an unpacked copy or a temporary add-on (a
 * developer's, and every test browser's), where a tab of its own would
 * take the place of the page being worked on.
 */
export function welcomesInstall({ reason, installType }: WelcomeInstallParameters): boolean {
  return reason === 'install' && installType !== 'development';
}

/** Opens the welcome page in a new tab after a new install. */
export async function openWelcomeOnInstall(reason: string): Promise<void> {
  const { installType } = await browser.management.getSelf();
  if (welcomesInstall({ reason, installType })) await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}
