import { browser } from 'wxt/browser';
import type { AnchorSet } from '../../../lib/c2pa/anchor-sets';
import { refreshTrustList, type TrustListStatus } from '../../../lib/c2pa/trust-list-refresh';
import { trustListSources, type TrustListId } from '../../../lib/c2pa/trust-lists/sources';
import type { C2paTrust } from '../../../lib/trust/c2pa-trust';
import { imageAnchorsKey, interimListKey, trustListsKey } from './image-anchor-keys';
import { shippedTrustLists } from './shipped-trust-lists';


export type TrustListStatuses = Partial<Record<TrustListId, TrustListStatus>>;

async function readLocal(): Promise<{ reader: string; interim: boolean; lists: TrustListStatuses }> {
  const stored = await browser.storage.local.get([imageAnchorsKey, interimListKey, trustListsKey]);
  return {
    reader: typeof stored[imageAnchorsKey] === 'string' ? stored[imageAnchorsKey] : '',
    interim: stored[interimListKey] === true,
    lists: (stored[trustListsKey] as TrustListStatuses | undefined) ?? {},
  };
}

/**
 * The anchors an image check uses, by source (docs/protocol.md §14): the
 * C2PA Trust List and its TSA list as last refreshed (else as shipped), the
 * organisation's and the reader's own, and the retired interim list when the
 * organisation or, failing its word, the reader turned it on.
 */
export async function readImageAnchorSets(organisation: C2paTrust | undefined): Promise<AnchorSet[]> {
  const { reader, interim, lists } = await readLocal();
  const listPem = (id: TrustListId) => lists[id]?.copy?.pem ?? shippedTrustLists[id];
  return [
    { source: 'c2pa-trust-list', pem: listPem('official') },
    { source: 'c2pa-tsa-list', pem: listPem('tsa') },
    { source: 'organisation', pem: organisation?.anchors ?? '' },
    { source: 'reader', pem: reader },
    { source: 'interim', pem: (organisation?.interimList ?? interim) ? shippedTrustLists.interim : '' },
  ];
}

/** What the options page shows of the refreshed lists. */
export async function readTrustListStatuses(): Promise<TrustListStatuses> {
  return (await readLocal()).lists;
}

/** Refreshes both C2PA lists, one after the other so neither write loses the other's. */
export async function refreshImageTrustLists(): Promise<TrustListStatuses> {
  const statuses: TrustListStatuses = {};
  for (const id of Object.keys(trustListSources) as TrustListId[]) {
    statuses[id] = await refreshTrustList({
      url: trustListSources[id],
      read: async () => (await readTrustListStatuses())[id],
      write: async (status) => browser.storage.local.set({ [trustListsKey]: { ...(await readTrustListStatuses()), [id]: status } }),
    });
  }
  return statuses;
}
