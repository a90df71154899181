import { lookAlikeWordsLimits, type PageIntegrity } from '../../../messaging/messages';

const keyOf = (tabId: number) => `verity.integrity.tab.${tabId}`;

export type TabIntegrityStore = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
};

/** As kept: each frame's latest report, by frame id. */
type KeptIntegrity = Record<string, PageIntegrity>;

export type TabIntegrity = {
  /** A frame's report, replacing its last; the tab's whole page as it now stands. */
  record(tabId: number, frameId: number, integrity: PageIntegrity): Promise<PageIntegrity | null>;
  /** The tab's page, all frames together; null when no frame reported anything. */
  get(tabId: number): Promise<PageIntegrity | null>;
  forget(tabId: number): Promise<void>;
};

/**
 * What each tab's page did against Verity's badges and card, as its frames
 * reported it, in storage.session (the worker may stop between two
 * reports). One change at a time; a new document in the tab starts again.
 */
export function createTabIntegrity(store: TabIntegrityStore): TabIntegrity {
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = <result>(change: () => Promise<result>): Promise<result> => {
    const next = last.then(change, change);
    last = next.catch(() => undefined);
    return next;
  };
  const read = async (tabId: number): Promise<KeptIntegrity> => ((await store.get(keyOf(tabId)))[keyOf(tabId)] as KeptIntegrity | undefined) ?? {};

  return {
    record: (tabId, frameId, integrity) =>
      inTurn(async () => {
        const kept = { ...(await read(tabId)), [frameId]: integrity };
        await store.set({ [keyOf(tabId)]: kept });
        return combineIntegrity(Object.values(kept));
      }),
    get: (tabId) => inTurn(async () => combineIntegrity(Object.values(await read(tabId)))),
    forget: (tabId) => inTurn(() => store.remove(keyOf(tabId))),
  };
}

/** Frames' reports as one page's: counts added up, the look-alikes' words of the first frames; null when none found anything. */
export function combineIntegrity(reports: readonly PageIntegrity[]): PageIntegrity | null {
  const total: PageIntegrity = { badgesKeptOff: 0, badgesHidden: 0, cardHidden: false, lookAlikes: 0, lookAlikeWords: [] };
  for (const report of reports) {
    total.badgesKeptOff += report.badgesKeptOff;
    total.badgesHidden += report.badgesHidden;
    total.cardHidden ||= report.cardHidden;
    total.lookAlikes += report.lookAlikes;
    total.lookAlikeWords.push(...report.lookAlikeWords);
  }
  total.lookAlikeWords = total.lookAlikeWords.slice(0, lookAlikeWordsLimits.count);
  return pageInterferes(total) ? total : null;
}

/** Whether a page did anything against Verity's display at all. */
export function pageInterferes({ badgesKeptOff, badgesHidden, cardHidden, lookAlikes }: PageIntegrity): boolean {
  return badgesKeptOff > 0 || badgesHidden > 0 || cardHidden || lookAlikes > 0;
}
