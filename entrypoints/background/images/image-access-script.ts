import { browser } from 'wxt/browser';

/** The image-access script (entrypoints/image-access.ts), as built. */
const scriptFile = 'image-access.js';
const scriptId = 'verity-image-access';
const matches = ['<all_urls>'];

/** Firefox's MV2 API for content scripts registered at run time: gone when the background page stops, so registered at each start. */
type FirefoxContentScripts = {
  register(options: { matches: string[]; js: { file: string }[]; allFrames: boolean; matchAboutBlank: boolean; runAt: 'document_idle' }): Promise<{ unregister(): Promise<void> }>;
};

let firefoxRegistration: Promise<{ unregister(): Promise<void> } | undefined> = Promise.resolve(undefined);

/**
 * Registers the image-access script in every frame while the reader grants
 * image access, and unregisters it without: the content script learns of
 * the grant from it, with no storage read on every page. Chrome keeps the
 * registration across sessions (scripting); Firefox's MV2 build registers it
 * again at each background start (contentScripts). Pages already open keep
 * what they had until they load again.
 */
export async function syncImageAccessScript(granted: boolean): Promise<void> {
  if (import.meta.env.MANIFEST_VERSION === 2) return syncFirefox(granted);
  // `scripting` comes with the grant (image-access.ts): without it nothing was registered, and nothing can be.
  if (browser.scripting === undefined) return;
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [scriptId] });
  if (granted && registered.length === 0) {
    await browser.scripting.registerContentScripts([
      { id: scriptId, js: [scriptFile], matches, allFrames: true, matchOriginAsFallback: true, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  if (!granted && registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [scriptId] });
}

function syncFirefox(granted: boolean): Promise<void> {
  const contentScripts = (browser as unknown as { contentScripts: FirefoxContentScripts }).contentScripts;
  const next = firefoxRegistration.then(async (current) => {
    if (granted) return current ?? contentScripts.register({ matches, js: [{ file: `/${scriptFile}` }], allFrames: true, matchAboutBlank: true, runAt: 'document_idle' });
    await current?.unregister();
    return undefined;
  });
  firefoxRegistration = next.catch(() => undefined);
  return next.then(() => undefined);
}
