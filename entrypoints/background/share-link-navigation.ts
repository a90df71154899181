import { isShareLinkNavigation } from '../../lib/share/share-link-navigation';

export type OpenShareLinksParameters = {
  /** Where the reader's share links open (storage/settings-items.ts readShareLinkBase). */
  shareLinkBase: () => Promise<string>;
  /** Shows the link's proof in this extension's inspector, in the tab that was going to the page. */
  openInspector: (tabId: number, fragment: string) => Promise<void>;
};

export type NavigationDetails = { tabId: number; frameId: number; url: string };

/**
 * Share links open in Verity's own inspector: the tab is turned to the
 * inspector before the page is even asked for (so a link works while no
 * verifier page is hosted at its address, and the reader's own trust
 * settings decide). Only a tab's top frame; links to the reader's own
 * verifier page and to any other one (isShareLinkNavigation).
 */
export function shareLinkNavigation({ shareLinkBase, openInspector }: OpenShareLinksParameters): (details: NavigationDetails) => Promise<void> {
  return async ({ tabId, frameId, url }) => {
    if (tabId < 0 || frameId !== 0) return;
    if (!isShareLinkNavigation(await shareLinkBase(), url)) return;
    await openInspector(tabId, new URL(url).hash);
  };
}
