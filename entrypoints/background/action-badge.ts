import { browser } from 'wxt/browser';
import type { TabBadge } from './toolbar/badge';
import type { PageIntegrity } from '../../messaging/messages';
import { integrityTitle } from '../../components/integrity-words';

/** The toolbar button: `action` in MV3, `browserAction` in Firefox's MV2 build. */
const action = browser.action ?? browser.browserAction;

/** Shows a tab's badge, or clears it (a tab's badge also goes when it loads another page). */
export async function showTabBadge(tabId: number, badge: TabBadge | null): Promise<void> {
  const settings = badge
    ? [
        action.setBadgeText({ tabId, text: badge.text }),
        action.setBadgeBackgroundColor({ tabId, color: badge.color }),
        action.setBadgeTextColor({ tabId, color: badge.textColor }),
      ]
    : [action.setBadgeText({ tabId, text: '' })];
  // A tab closed in the meantime has no badge to set: nothing is wrong.
  await Promise.all(settings).catch(() => undefined);
}

/**
 * Says on the toolbar button's tooltip that a tab's page works against
 * Verity's badges; back to the extension's name when it does not. The
 * badge's number stays the proofs' (tab-badges.ts owns it).
 */
export async function showTabIntegrity(tabId: number, integrity: PageIntegrity | null): Promise<void> {
  const title = integrityTitle(integrity) ?? browser.runtime.getManifest().name;
  await action.setTitle({ tabId, title }).catch(() => undefined);
}
