import type { Browser } from 'wxt/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { userTrustConfigItem } from '../../storage/settings-items';
import { historyAlarmName } from './history-alarm';
import background from './index';
import { verifySelectionMenuId } from './verify-selection-menu';
import { imageAccessKey } from './images/image-access';
import { verifyImageMenuId } from './images/verify-image-menu';

/** fakeBrowser has no manifest, context menus, commands, permission events or tabs.onReplaced: stand-ins, and their listeners kept to be called. */
function stubUnimplemented() {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Verity', version: '0.1.0' });
  const listeners = { menuClicked: vi.fn(), command: vi.fn(), tabReplaced: vi.fn(), permissionAdded: vi.fn(), permissionRemoved: vi.fn() };
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(listeners.permissionAdded);
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(listeners.permissionRemoved);
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(listeners.menuClicked);
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(listeners.command);
  vi.spyOn(fakeBrowser.tabs.onReplaced, 'addListener').mockImplementation(listeners.tabReplaced);
  const menus = {
    removeAll: vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined),
    create: vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(verifySelectionMenuId),
  };
  return { listeners, menus };
}

/** A message from the options page, as the browser delivers it to the worker. */
async function fromOptionsPage(message: { type: string }): Promise<unknown> {
  const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return answers.find((answer) => answer !== undefined);
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the background worker', () => {
  it('registers every listener synchronously, as MV3 needs to deliver the event that woke it', () => {
    const { listeners } = stubUnimplemented();
    const events = [
      fakeBrowser.runtime.onMessage,
      fakeBrowser.runtime.onInstalled,
      fakeBrowser.runtime.onStartup,
      fakeBrowser.alarms.onAlarm,
      fakeBrowser.storage.onChanged,
      fakeBrowser.webNavigation.onCommitted,
      fakeBrowser.tabs.onRemoved,
    ].map((event) => vi.spyOn(event, 'addListener'));
    background.main();
    for (const added of events) expect(added).toHaveBeenCalledOnce();
    expect(listeners.menuClicked).toHaveBeenCalledOnce();
    expect(listeners.command).toHaveBeenCalledOnce();
    expect(listeners.tabReplaced).toHaveBeenCalledOnce();
    expect(listeners.permissionAdded).toHaveBeenCalledOnce();
    expect(listeners.permissionRemoved).toHaveBeenCalledOnce();
  });

  it('keeps the daily history alarm, and leaves a running one alone', async () => {
    stubUnimplemented();
    background.main();
    await vi.runAllTimersAsync();
    const alarm = await fakeBrowser.alarms.get(historyAlarmName);
    expect(alarm).toMatchObject({ name: historyAlarmName, periodInMinutes: 24 * 60 });

    background.main();
    await vi.runAllTimersAsync();
    expect(await fakeBrowser.alarms.get(historyAlarmName)).toEqual(alarm);
  });

  it('creates the context menu items on install', async () => {
    const { menus } = stubUnimplemented();
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.runAllTimersAsync();
    expect(menus.removeAll).toHaveBeenCalledOnce();
    expect(menus.create).toHaveBeenCalledWith(expect.objectContaining({ id: verifySelectionMenuId, contexts: ['selection'] }));
    expect(menus.create).toHaveBeenCalledWith(expect.objectContaining({ id: verifyImageMenuId, title: 'Verify image with Verity', contexts: ['image'] }));
  });

  it('stores whether image access is granted, and registers the image-access script only while it is, at start, on install and on each change', async () => {
    const { listeners } = stubUnimplemented();
    let granted = false;
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => granted);
    let scripts: string[] = [];
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(async () => scripts.map((id) => ({ id }) as Browser.scripting.RegisteredContentScript));
    const register = vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (added) => void (scripts = added.map(({ id }) => id)));
    const unregister = vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async () => void (scripts = []));
    background.main();
    await vi.runAllTimersAsync();
    expect(register).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.runAllTimersAsync();
    expect(await fakeBrowser.storage.local.get(imageAccessKey)).toEqual({ [imageAccessKey]: false });

    granted = true;
    const added = listeners.permissionAdded.mock.calls[0]?.[0] as (change: { origins?: string[] }) => void;
    added({ origins: ['https://one.example/*'] });
    await vi.runAllTimersAsync();
    expect(await fakeBrowser.storage.local.get(imageAccessKey)).toEqual({ [imageAccessKey]: false });
    expect(register).not.toHaveBeenCalled();
    added({ origins: ['<all_urls>'] });
    await vi.runAllTimersAsync();
    expect(await fakeBrowser.storage.local.get(imageAccessKey)).toEqual({ [imageAccessKey]: true });
    expect(register).toHaveBeenCalledWith([expect.objectContaining({ js: ['image-access.js'], matches: ['<all_urls>'], allFrames: true, persistAcrossSessions: true })]);

    granted = false;
    (listeners.permissionRemoved.mock.calls[0]?.[0] as (change: { origins?: string[] }) => void)({ origins: ['<all_urls>'] });
    await vi.runAllTimersAsync();
    expect(unregister).toHaveBeenCalledOnce();
    expect(scripts).toEqual([]);
  });

  it("reads the trust configuration again when the options page saves the user's layer", async () => {
    stubUnimplemented();
    background.main();
    expect(await fromOptionsPage({ type: 'trust-config' })).toMatchObject({ user: undefined });

    const layer = { chains: {} };
    await userTrustConfigItem.setValue(layer);
    expect(await fromOptionsPage({ type: 'trust-config' })).toMatchObject({ user: layer });
  });

  it('answers no one but its own extension', async () => {
    stubUnimplemented();
    background.main();
    const answers = await fakeBrowser.runtime.onMessage.trigger({ type: 'trust-config' }, { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' });
    expect(answers).toEqual([undefined]);
  });
});
