import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { imageHeadline } from '../../../lib/c2pa/image-words';
import type { TabImage } from '../../../messaging/messages';
import type { ImageCheckStore } from './page-image-checks';


/** A page with more is listed up to here: the list is a summary, the badges are on the page. */
export const maxTabImages = 500;

const keyOf = (tabId: number) => `verity.images.tab.${tabId}`;

export type TabImagesStore = ImageCheckStore & { remove(key: string): Promise<void> };

/**
 * The images with Content Credentials each tab's page showed, for the
 * popup, in storage.session (the worker may stop between two checks). One
 * change at a time, so answers coming together do not overwrite each other;
 * a new document in the tab starts a new list.
 */
export function createTabImages(store: TabImagesStore) {
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = <result>(change: () => Promise<result>): Promise<result> => {
    const next = last.then(change, change);
    last = next.catch(() => undefined);
    return next;
  };
  const read = async (tabId: number): Promise<TabImage[]> => ((await store.get(keyOf(tabId)))[keyOf(tabId)] as TabImage[] | undefined) ?? [];

  return {
    record(tabId: number, url: string, verdict: ImageVerdict | null): Promise<void> {
      if (verdict === null) return Promise.resolve();
      const { state, ai } = verdict;
      const image: TabImage = { url, state, ai: ai.generated && (state === 'verified' || state === 'untrusted'), headline: imageHeadline(verdict) };
      return inTurn(async () => {
        const images = (await read(tabId)).filter((shown) => shown.url !== url);
        if (images.length >= maxTabImages) return;
        await store.set({ [keyOf(tabId)]: [...images, image] });
      });
    },
    list: (tabId: number): Promise<TabImage[]> => inTurn(() => read(tabId)),
    forget: (tabId: number): Promise<void> => inTurn(() => store.remove(keyOf(tabId))),
  };
}

export type TabImages = ReturnType<typeof createTabImages>;
