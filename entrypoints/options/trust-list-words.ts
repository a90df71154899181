import type { TrustListCopy } from '../../lib/trust/list-copy';
import type { TrustList } from '../../lib/trust/list-schema';

export type TrustListWordsParameters = {
  copy: TrustListCopy | undefined;
  /** A time for readers; the page's locale by default. */
  formatTime?: (iso: string) => string;
};

/** A time as the reader's locale writes it. */
export const localTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A list's state in a sentence for the options page: how fresh its copy is, or why there is none. */
export function trustListStatusWords({ copy, formatTime = localTime }: TrustListWordsParameters): { words: string; problem: boolean } {
  if (!copy) return { words: 'Not fetched yet.', problem: false };
  const { list, fetchedAt, error, failedAt } = copy;
  if (error === undefined && list && fetchedAt) return { words: `Up to date: fetched ${formatTime(fetchedAt)}.`, problem: false };
  const tried = `last tried ${failedAt ? formatTime(failedAt) : 'when it was added'}: ${error ?? 'no answer'}`;
  return list && fetchedAt
    ? { words: `Couldn’t refresh it (${tried}). Using the copy from ${formatTime(fetchedAt)}.`, problem: true }
    : { words: `Couldn’t fetch it (${tried}). It adds no one until it can be fetched.`, problem: true };
}

/** What a list adds, in a phrase: "adds 3 signers and 1 contract". */
export function trustListContentWords(list: TrustList): string {
  const signers = list.attesters.length;
  const contracts =
    Object.keys(list.eas).length + Object.keys(list.opengradient).length + Object.values(list.erc7007).reduce((sum, contracts) => sum + contracts.length, 0);
  const parts = [`${signers} ${signers === 1 ? 'signer' : 'signers'}`, ...(contracts > 0 ? [`${contracts} ${contracts === 1 ? 'contract' : 'contracts'}`] : [])];
  return `Adds ${parts.join(' and ')}`;
}
