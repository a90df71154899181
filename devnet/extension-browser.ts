import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';
export const builtExtensionPath = resolve('.output/chrome-mv3');

/**
 * The id Chromium gives an unpacked extension: the first 32 hex digits of
 * SHA-256 of its absolute path, written with the letters a–p. Known before
 * launch, so a policy file can name it.
 */
export function unpackedExtensionId(extensionPath: string): string {
  const digest = createHash('sha256').update(resolve(extensionPath)).digest('hex').slice(0, 32);
  return [...digest].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export type LaunchExtensionBrowserParameters = {
  extensionPath?: string;
  /** A profile to reuse (a browser restart); a fresh one when omitted. */
  userDataDir?: string;
  headless?: boolean;
  /**
   * Let Playwright close the browser and exit the process on SIGINT, SIGTERM
   * and SIGHUP (the default); false when the caller cleans up on its own.
   */
  closeOnSignals?: boolean;
  /** Chromium's back/forward cache, which Playwright turns off unless asked; off by default, as Playwright has it. */
  backForwardCache?: boolean;
};

export type ExtensionBrowser = {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** The extension's service worker, started if it is not running. */
  serviceWorker(): Promise<Worker>;
  /** Closes the browser; removes the profile unless it was given. */
  close(): Promise<void>;
};

/** Debian's Chromium with the built extension loaded, in a profile of its own. */
export async function launchExtensionBrowser({
  extensionPath = builtExtensionPath,
  userDataDir,
  headless = true,
  closeOnSignals = true,
  backForwardCache = false,
}: LaunchExtensionBrowserParameters = {}): Promise<ExtensionBrowser> {
  const ownProfile = userDataDir === undefined;
  const profile = userDataDir ?? (await mkdtemp(join(tmpdir(), 'verity-profile-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless,
    handleSIGINT: closeOnSignals,
    handleSIGTERM: closeOnSignals,
    handleSIGHUP: closeOnSignals,
    viewport: { width: 1280, height: 900 },
    ...(backForwardCache && { ignoreDefaultArgs: ['--disable-back-forward-cache'] }),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      // This machine has no network: Chromium's own background traffic only fails.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${resolve(extensionPath)}`,
      `--load-extension=${resolve(extensionPath)}`,
    ],
  });
  const extensionId = unpackedExtensionId(extensionPath);
  const serviceWorker = async () =>
    context.serviceWorkers().find((worker) => worker.url().startsWith(`chrome-extension://${extensionId}/`)) ??
    (await context.waitForEvent('serviceworker', { predicate: (worker) => worker.url().startsWith(`chrome-extension://${extensionId}/`) }));
  return {
    context,
    extensionId,
    userDataDir: profile,
    serviceWorker,
    close: async () => {
      await context.close();
      if (ownProfile) await rm(profile, { recursive: true, force: true });
    },
  };
}
