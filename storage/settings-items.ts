import { storage } from 'wxt/utils/storage';
import type { TrustListCopies } from '../lib/trust/list-copy';
import { shareLinkBaseFrom } from '../lib/share/share-base';
import {
  type DisplaySettings,
  defaultDisplaySettings,
  displaySettingsFrom,
  settingsKeys,
  trustListCopiesKey,
} from './settings-keys';

/**
 * The stored settings as WXT storage items: each key defined once, with its
 * default and the version of its stored shape. A new shape gets a new
 * version and a migration; version 1 writes no metadata, so what users
 * stored before these items existed reads as it is.
 *
 * Extension code only: defining an item reads storage at once, which Node
 * (e2e tests, devnet) has not; those use the key names in settings-keys.ts.
 */

/** The user's layer of the trust configuration, unvalidated (the worker parses it); null when the user saved none. */
export const userTrustConfigItem = storage.defineItem<unknown>(`local:${settingsKeys.userTrustConfig}`, { version: 1 });

/** How Verity shows itself on pages, as stored: read it with readDisplaySettings or displaySettingsFrom. */
export const displaySettingsItem = storage.defineItem<DisplaySettings>(`local:${settingsKeys.display}`, {
  fallback: defaultDisplaySettings,
  version: 1,
});

/** The subscribed trust lists' last good copies, by URL (the worker parses each again before using it). */
export const trustListCopiesItem = storage.defineItem<TrustListCopies>(`local:${trustListCopiesKey}`, { fallback: {}, version: 1 });

/** The display settings, with defaults for whatever is missing or of the wrong type (an older or edited value). */
export async function readDisplaySettings(): Promise<DisplaySettings> {
  return displaySettingsFrom(await displaySettingsItem.getValue());
}

/** The verifier page share links open at, as the reader typed it; null for the default. */
export const shareLinkBaseItem = storage.defineItem<string>(`local:${settingsKeys.shareLinkBase}`, { version: 1 });

/** Where share links open: the reader's page, or the default for a missing or unusable value. */
export async function readShareLinkBase(): Promise<string> {
  return shareLinkBaseFrom(await shareLinkBaseItem.getValue());
}
