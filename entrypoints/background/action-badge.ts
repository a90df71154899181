import { browser } from 'wxt/browser';
import type { TabBadge } from './toolbar/badge';

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
