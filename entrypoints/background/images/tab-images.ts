import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';
import type { ReportImageParameters } from '../../../lib/report/report-image';
import { imageHeadline } from '../../../lib/c2pa/image-words';
import type { TabImage } from '../../../messaging/messages';
import type { ImageCheckStore } from './page-image-checks';

/** A page with more is listed up to here: the list is a summary, the badges are on the page. */
export const maxTabImages = 500;

const keyOf = (tabId: number) => `verity.images.tab.${tabId}`;
const unreadKeyOf = (tabId: number) => `verity.images.unread.tab.${tabId}`;

export type TabImagesStore = ImageCheckStore & { remove(key: string): Promise<void> };

/** As kept: what the popup lists, and the verdict and its time for the page's report. */
type KeptImage = TabImage & { verdict?: ImageVerdict; checkedAt?: number };

/**
 * The images with Content Credentials each tab's page showed, for the
 * popup, in storage.session (the worker may stop between two checks), and
 * the addresses of those Verity could not read (`imageUnread`), which the
 * popup only counts: nothing says they have Content Credentials. One
 * change at a time, so answers coming together do not overwrite each other;
 * a new document in the tab starts new lists.
 */
export function createTabImages(store: TabImagesStore) {
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = <result>(change: () => Promise<result>): Promise<result> => {
    const next = last.then(change, change);
    last = next.catch(() => undefined);
    return next;
  };
  const read = async (tabId: number): Promise<KeptImage[]> => ((await store.get(keyOf(tabId)))[keyOf(tabId)] as KeptImage[] | undefined) ?? [];
  const readUnread = async (tabId: number): Promise<string[]> => ((await store.get(unreadKeyOf(tabId)))[unreadKeyOf(tabId)] as string[] | undefined) ?? [];

  const recordUnread = (tabId: number, url: string): Promise<void> =>
    inTurn(async () => {
      const urls = await readUnread(tabId);
      if (urls.includes(url) || urls.length >= maxTabImages) return;
      await store.set({ [unreadKeyOf(tabId)]: [...urls, url] });
    });

  return {
    /** An image's answer: listed with its verdict, counted when it could not be read, nothing without a manifest. */
    record(tabId: number, url: string, verdict: ImageVerdict | null, checkedAt = Date.now()): Promise<void> {
      if (verdict === null) return Promise.resolve();
      if (verdict.imageUnread === true) return recordUnread(tabId, url);
      const { state, ai } = verdict;
      // The manifest store stays out: the report carries the verdict's words and codes, not the engine's JSON.
      const { manifestStore: _store, ...kept } = verdict;
      const image: KeptImage = { url, state, ai: ai.generated && (state === 'verified' || state === 'untrusted'), headline: imageHeadline(verdict), verdict: kept, checkedAt };
      return inTurn(async () => {
        const images = (await read(tabId)).filter((shown) => shown.url !== url);
        if (images.length >= maxTabImages) return;
        await store.set({ [keyOf(tabId)]: [...images, image] });
      });
    },
    recordUnread,
    list: (tabId: number): Promise<TabImage[]> => inTurn(async () => (await read(tabId)).map(({ url, state, ai, headline }) => ({ url, state, ai, headline }))),
    /** How many of the page's images Verity could not read. */
    unreadCount: (tabId: number): Promise<number> => inTurn(async () => (await readUnread(tabId)).length),
    /** The images with their verdicts, for the page's report. */
    verdicts: (tabId: number): Promise<ReportImageParameters[]> =>
      inTurn(async () => (await read(tabId)).flatMap(({ url, verdict, checkedAt }) => (verdict === undefined ? [] : [{ url, verdict, ...(checkedAt !== undefined && { checkedAt: new Date(checkedAt) }) }]))),
    forget: (tabId: number): Promise<void> => inTurn(async () => void (await Promise.all([store.remove(keyOf(tabId)), store.remove(unreadKeyOf(tabId))]))),
  };
}

export type TabImages = ReturnType<typeof createTabImages>;
