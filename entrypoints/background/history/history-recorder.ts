import type { PastedCheck, SelectionCheck, StandaloneResult } from '../../../messaging/messages';
import type { TabVerdict } from '../verification/verification-service';
import { imageHistoryEntry, pageHistoryEntry, quoteHistoryEntry, standaloneHistoryEntry, type ImageCheckRecord } from './history-entries';
import type { HistoryStore } from '../../../storage/history-store';
import type { HistoryEntry } from '../../../storage/history-types';

export type CreateHistoryRecorderParameters = {
  store: Pick<HistoryStore, 'record'>;
  /** What the browser says of a tab: an incognito tab is never recorded; its title, when it may be read. */
  tabInfo: (tabId: number) => Promise<{ incognito: boolean; title?: string | undefined; url?: string | undefined } | undefined>;
  onError?: ((error: unknown) => void) | undefined;
  now?: (() => number) | undefined;
  /**
   * How long page verdicts and image checks gather before they are written together: a page's answers come
   * batch by batch and its images one by one, and each write reads and writes the whole history.
   */
  batchMs?: number | undefined;
};

export type HistoryRecorder = {
  pageVerdicts(verdicts: readonly TabVerdict[]): Promise<void>;
  selection(tabId: number, check: SelectionCheck): Promise<void>;
  /** Material checked in the popup; a plain text is recorded with its tab's page. */
  pasted(check: PastedCheck, tabId: number | undefined): Promise<void>;
  /** A proof verified for the inspector (a share link), with the page the link names. */
  shared(result: StandaloneResult, pageUrl?: string): Promise<void>;
  /**
   * An image's Content Credentials checked: a page's image, for its tab (the page is the tab's), or an image
   * opened from a share link (the page is the one the link names).
   */
  image(tabId: number | undefined, check: Omit<ImageCheckRecord, 'checkedAt' | 'pageUrl'> & { pageUrl?: string | undefined }): Promise<void>;
};

export type CreateHistoryRecorderReturnType = HistoryRecorder;

/**
 * What the worker writes to the history, and when: final verdicts of
 * pages, every "Verify selection", what was checked in the popup and
 * proofs opened from share links; nothing about an incognito tab, and
 * never a problem (nothing was verified). Failures are told to onError,
 * never to whoever asked for the verification.
 */
export function createHistoryRecorder({ store, tabInfo, onError = () => undefined, now = Date.now, batchMs = 1_000 }: CreateHistoryRecorderParameters): CreateHistoryRecorderReturnType {
  /** The tab's title and address, or undefined for a tab that must not be recorded (incognito, or gone, so unknown). */
  async function recordable(tabId: number | undefined): Promise<{ title?: string | undefined; url?: string | undefined } | undefined> {
    if (tabId === undefined) return {};
    const info = await tabInfo(tabId).catch(() => undefined);
    return info === undefined || info.incognito ? undefined : { title: info.title, url: info.url };
  }

  const record = (entries: Promise<HistoryEntry[]>): Promise<void> => entries.then((list) => store.record(list)).catch(onError);

  let batch: { entries: Promise<HistoryEntry[]>[]; written: Promise<void> } | undefined;
  /** Written with the others that come within `batchMs`. */
  const recordLater = (entries: Promise<HistoryEntry[]>): Promise<void> => {
    if (batch === undefined) {
      const gathered: Promise<HistoryEntry[]>[] = [];
      const written = new Promise<void>((resolve) => setTimeout(resolve, batchMs)).then(() => {
        batch = undefined;
        return record(Promise.all(gathered).then((lists) => lists.flat()));
      });
      batch = { entries: gathered, written };
    }
    batch.entries.push(entries);
    return batch.written;
  };

  return {
    async pageVerdicts(verdicts) {
      const tabs = new Map<number, { title?: string | undefined } | undefined>();
      for (const { tabId } of verdicts) if (!tabs.has(tabId)) tabs.set(tabId, await recordable(tabId));
      // Every tab's entries in one change, with the others of the batch: the history is one stored list, read and written whole.
      const entries = verdicts.flatMap((verdict) => {
        const tab = tabs.get(verdict.tabId);
        return tab ? [pageHistoryEntry(verdict, tab.title)] : [];
      });
      if (entries.length > 0) await recordLater(Promise.all(entries));
    },

    async selection(tabId, check) {
      const tab = await recordable(tabId);
      if (tab) await record(Promise.all([quoteHistoryEntry(check, { source: 'selection', pageTitle: tab.title })]));
    },

    async pasted(check, tabId) {
      if (check.kind === 'problem') return;
      // Checked from the popup of an incognito window: the tab says so.
      const tab = await recordable(tabId);
      if (!tab) return;
      // Only what was something: a quote some proof held, or a proof that could be read. Nonsense typed in is not kept.
      if (check.kind === 'quote') {
        if (!check.check.parts.some((part) => part.proofId !== null)) return;
        return record(Promise.all([quoteHistoryEntry(check.check, { source: 'pasted', pageTitle: tab.title })]));
      }
      const source = check.input === 'share-link' ? 'shared' : 'pasted';
      const proofs = check.results.filter((result) => result.verdict.state !== 'malformed');
      if (proofs.length > 0) await record(Promise.all(proofs.map((result) => standaloneHistoryEntry(result, { source, checkedAt: now() }))));
    },

    shared: (result, pageUrl) => record(Promise.all([standaloneHistoryEntry(result, { source: 'shared', checkedAt: now(), pageUrl })])),

    async image(tabId, { pageUrl, ...check }) {
      const checkedAt = now();
      const tab = await recordable(tabId);
      if (!tab) return;
      if (check.source === 'page') {
        await recordLater(imageHistoryEntry({ ...check, pageUrl: tab.url ?? '', checkedAt }, tab.title).then((entry) => [entry]));
      } else {
        await recordLater(imageHistoryEntry({ ...check, pageUrl: pageUrl ?? '', checkedAt }).then((entry) => [entry]));
      }
    },
  };
}
