import type { TrustList } from './list-schema';

/** What Verity keeps of one subscribed list (storage: settingsKeys.trustListCopies). */
export type TrustListCopy = {
  /** The last good copy; absent until one was fetched. */
  list?: TrustList;
  /** When the last good copy was fetched (ISO 8601). */
  fetchedAt?: string;
  /** Why the last refresh failed; absent after a good one. */
  error?: string;
  /** When it failed (ISO 8601). */
  failedAt?: string;
};

/** The copies by the list's URL. */
export type TrustListCopies = Record<string, TrustListCopy>;

export type RefreshTrustListCopyParameters = {
  url: string;
  previous: TrustListCopy | undefined;
  fetchList: (url: string) => Promise<TrustList>;
  now?: () => Date;
};

/** Fetches a list again: a good answer replaces the copy, a failure keeps the last good one and says why. Never throws. */
export async function refreshTrustListCopy({ url, previous, fetchList, now = () => new Date() }: RefreshTrustListCopyParameters): Promise<TrustListCopy> {
  try {
    const list = await fetchList(url);
    return { list, fetchedAt: now().toISOString() };
  } catch (error) {
    const { list, fetchedAt } = previous ?? {};
    return { ...(list && { list, fetchedAt }), error: error instanceof Error ? error.message : String(error), failedAt: now().toISOString() };
  }
}

export type RefreshTrustListsParameters = Omit<RefreshTrustListCopyParameters, 'url' | 'previous'> & {
  /** The subscribed URLs: copies of any others are dropped. */
  urls: readonly string[];
  copies: TrustListCopies;
  /** Refresh only lists with no copy and no recorded failure yet (a new subscription); all when false. */
  onlyNew?: boolean;
};

/** The copies after refreshing the subscribed lists, fetched side by side. */
export async function refreshTrustLists({ urls, copies, onlyNew = false, ...rest }: RefreshTrustListsParameters): Promise<TrustListCopies> {
  const entries = await Promise.all(
    [...new Set(urls)].map(async (url): Promise<[string, TrustListCopy]> => {
      const previous = copies[url];
      if (onlyNew && previous) return [url, previous];
      return [url, await refreshTrustListCopy({ url, previous, ...rest })];
    }),
  );
  return Object.fromEntries(entries);
}
