import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Debian's current Firefox ESR. */
export const firefoxPath = '/usr/bin/firefox-esr';
/** The oldest Firefox the manifest claims, unpacked from Debian's package by devnet/ensure-firefox.sh. */
export const oldestFirefoxPath = '/opt/verity/firefox-esr-140/usr/lib/firefox-esr/firefox-esr';
export const builtFirefoxExtensionPath = resolve('.output/firefox-mv2');
/** The add-on id of wxt.config.ts (browser_specific_settings.gecko.id). */
export const firefoxAddonId = 'verity@verity.invalid';

/** The Firefox builds the end-to-end tests run in, those installed here. */
export function installedFirefoxes(): { name: string; executablePath: string }[] {
  return [
    { name: 'Firefox ESR (current)', executablePath: firefoxPath },
    { name: 'Firefox ESR 140 (oldest supported)', executablePath: oldestFirefoxPath },
  ].filter(({ executablePath }) => existsSync(executablePath));
}

export type LaunchFirefoxWithExtensionParameters = {
  executablePath?: string;
  extensionPath?: string;
};

export type FirefoxWithExtension = {
  browser: Browser;
  /** The extension's pages live under this origin: `moz-extension://UUID/`. */
  baseUrl: string;
  /** An extension page (popup.html, options.html, …) in a new tab, or in `page`'s tab. */
  openExtensionPage(path: string, page?: Page): Promise<Page>;
  close(): Promise<void>;
};

/**
 * Polls `condition` until it holds. Not puppeteer's waitForFunction: that
 * compiles its function in the page, which an extension page's CSP forbids.
 */
export async function until(condition: () => Promise<boolean>, { timeout = 30_000, interval = 100 } = {}): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Still not so after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Firefox, driven over WebDriver BiDi, with the built extension installed as
 * a temporary add-on. The extension's internal UUID is set by a preference
 * before start, so its pages have a known address.
 */
export async function launchFirefoxWithExtension({
  executablePath = firefoxPath,
  extensionPath = builtFirefoxExtensionPath,
}: LaunchFirefoxWithExtensionParameters = {}): Promise<FirefoxWithExtension> {
  const uuid = randomUUID();
  const profile = await mkdtemp(join(tmpdir(), 'verity-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    userDataDir: profile,
    // WebDriver BiDi navigates only to web URLs unless allowed: the tests open the extension's own pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [firefoxAddonId]: uuid }),
      // No network here: Firefox's own background traffic only fails.
      'network.captive-portal-service.enabled': false,
      'app.update.enabled': false,
      'browser.safebrowsing.update.enabled': false,
    },
  });
  try {
    await browser.installExtension(resolve(extensionPath));
  } catch (error) {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const baseUrl = `moz-extension://${uuid}/`;
  return {
    browser,
    baseUrl,
    async openExtensionPage(path, page) {
      const tab = page ?? (await browser.newPage());
      const url = `${baseUrl}${path}`;
      // Firefox loads the page, but puppeteer never hears that navigation end: wait for the document instead.
      void tab.goto(url, { timeout: 60_000 }).catch(() => undefined);
      await until(() => tab.evaluate((url) => location.href === url && document.readyState === 'complete', url).catch(() => false));
      return tab;
    },
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
