import { tabBadge, type TabBadge } from '../toolbar/badge';
import type { ProofRecord, TabRecord } from './session-records';
import type { TabRecords } from './tab-records';
import type { VerdictCache } from './verdict-cache';

export type CreateTabBadgesParameters = {
  records: Pick<TabRecords, 'proofs'>;
  cache: Pick<VerdictCache, 'shown'>;
  /** Sets a tab's toolbar badge. */
  showBadge: (tabId: number, badge: TabBadge | null) => Promise<void>;
  /** A badge that could not be set (the tab closed, say): logged, nothing more. */
  onError: (error: unknown) => void;
};

/**
 * Sets the toolbar badge of each tab from the verdicts its proofs have
 * under the configuration stamped `stamp`. `loaded`: the records of the
 * tabs' proofs, when the caller has just read them.
 */
export type ShowTabBadges = (tabs: readonly [number, TabRecord][], stamp: string, loaded?: ReadonlyMap<string, ProofRecord>) => Promise<void>;

export type CreateTabBadgesReturnType = ShowTabBadges;

/** The tabs' toolbar badges, counted from their stored verdicts. */
export function createTabBadges({ records, cache, showBadge, onError }: CreateTabBadgesParameters): CreateTabBadgesReturnType {
  return async (tabs, stamp, loaded) => {
    if (tabs.length === 0) return;
    const proofs = loaded ?? (await records.proofs(tabs.flatMap(([, tab]) => tab.proofs.map((proof) => proof.key))));
    await Promise.all(
      tabs.map(([tabId, tab]) =>
        showBadge(tabId, tabBadge({ states: tab.proofs.map((proof) => (proof.refused ? 'unavailable' : cache.shown(proofs.get(proof.key), stamp)?.state)), notChecked: tab.notChecked })).catch(
          onError,
        ),
      ),
    );
  };
}
