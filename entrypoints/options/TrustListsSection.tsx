import { useState, type FormEvent } from 'react';
import { messageOf } from '../../components/error-message';
import { ManagedBadge } from '../../components/ManagedBadge';
import type { TrustListCopies } from '../../lib/trust/list-copy';
import { fetchTrustList } from '../../lib/trust/list-fetch';
import type { TrustList } from '../../lib/trust/list-schema';
import { isTrustListUrl, type TrustListSubscription } from '../../lib/trust/list-subscription';
import { SectionHeading } from './TrustForm';
import { TrustListSigners } from './TrustListSigners';
import { localTime, trustListContentWords, trustListStatusWords } from './trust-list-words';

export type TrustListsSectionProps = {
  /** Every subscribed list, the organisation's too. */
  lists: readonly TrustListSubscription[];
  /** The URLs of the lists the organisation subscribes to: shown as its, not removable. */
  managedUrls: ReadonlySet<string>;
  /** The stored copies, by URL, for each list's state. */
  copies: TrustListCopies;
  /** A subscription is being saved. */
  busy: boolean;
  /** Subscribes to a previewed list; `list` is the copy the preview fetched. */
  onSubscribe: (subscription: TrustListSubscription, list: TrustList) => void;
  onRemove: (url: string) => void;
  /** Fetches a list for the preview: fetchTrustList, from this page. */
  fetchList?: (url: string) => Promise<TrustList>;
  /** A time for readers; the page's locale by default (the visual review fixes it). */
  formatTime?: (iso: string) => string;
};

type Preview = { status: 'idle' } | { status: 'fetching' } | { status: 'failed'; message: string } | { status: 'ready'; url: string; list: TrustList; name: string };

/**
 * "Trust lists" (spec §7): the lists subscribed to, each with its state in
 * words, and adding one by its address. A list is fetched and shown before
 * it is subscribed to, so the reader sees whom it would vouch for.
 */
export function TrustListsSection({ lists, managedUrls, copies, busy, onSubscribe, onRemove, fetchList = (url) => fetchTrustList({ url }), formatTime = localTime }: TrustListsSectionProps) {
  const [typed, setTyped] = useState('');
  const [preview, setPreview] = useState<Preview>({ status: 'idle' });

  const fetchPreview = (event: FormEvent) => {
    event.preventDefault();
    const url = typed.trim();
    if (!isTrustListUrl(url)) return setPreview({ status: 'failed', message: 'Enter the list’s full address, starting with https://' });
    if (lists.some((list) => list.url === url)) return setPreview({ status: 'failed', message: 'You already subscribe to this list.' });
    setPreview({ status: 'fetching' });
    fetchList(url).then(
      (list) => setPreview({ status: 'ready', url, list, name: list.name }),
      (error: unknown) => setPreview({ status: 'failed', message: messageOf(error) }),
    );
  };
  const subscribe = () => {
    if (preview.status !== 'ready' || preview.name.trim() === '') return;
    onSubscribe({ url: preview.url, name: preview.name.trim() }, preview.list);
    setTyped('');
    setPreview({ status: 'idle' });
  };

  return (
    <section aria-labelledby="trust-lists-heading">
      <SectionHeading id="trust-lists-heading" title="Trust lists">
        Lists of signers that others publish, such as a press council, a newsroom or an AI lab. Verity fetches each list
        about once a day. Your own signers and your organisation’s always come first, and a verdict that relies on a list
        names it.
      </SectionHeading>
      {lists.length > 0 && (
        <ul className="mb-4 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" aria-label="Subscribed trust lists">
          {lists.map(({ url, name }) => {
            const copy = copies[url];
            const status = trustListStatusWords({ copy, formatTime });
            return (
              <li key={url} className="flex flex-wrap items-start gap-x-4 gap-y-2 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-semibold text-slate-900">
                    {name}
                    {copy?.list && <span className="ml-2 font-normal text-slate-600">{trustListContentWords(copy.list)}</span>}
                  </p>
                  <p className="truncate font-mono text-xs text-slate-500" title={url}>
                    {url}
                  </p>
                  <p className={`mt-1 text-sm ${status.problem ? 'text-amber-800' : 'text-slate-600'}`}>{status.words}</p>
                  {copy?.list !== undefined && copy.list.attesters.length > 0 && (
                    <details className="mt-1 text-sm">
                      <summary className="cursor-pointer text-sky-800">Signers it vouches for</summary>
                      <TrustListSigners list={copy.list} from={`the list “${name}”`} />
                    </details>
                  )}
                </div>
                {managedUrls.has(url) ? (
                  <ManagedBadge />
                ) : (
                  <button type="button" className="btn-quiet" onClick={() => onRemove(url)} disabled={busy} aria-label={`Remove the list ${name}`}>
                    Remove
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <form onSubmit={fetchPreview} noValidate className="rounded-xl border border-slate-200 bg-white px-4 py-4">
        <label htmlFor="trust-list-url" className="text-sm font-medium text-slate-900">
          Add a list by its address
        </label>
        <div className="mt-2 flex max-w-xl items-start gap-2">
          <input
            id="trust-list-url"
            type="url"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            placeholder="https://"
            className="field flex-1 font-mono text-[13px]"
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
              if (preview.status !== 'fetching') setPreview({ status: 'idle' });
            }}
          />
          <button type="submit" className="btn-secondary" disabled={preview.status === 'fetching'}>
            {preview.status === 'fetching' ? 'Fetching…' : 'Preview'}
          </button>
        </div>
        {preview.status === 'failed' && (
          <p role="alert" className="mt-2 text-sm text-red-700">
            Couldn’t use this list: {preview.message}
          </p>
        )}
        {preview.status === 'ready' && (
          <div className="mt-3 max-w-xl rounded-lg border border-sky-200 bg-sky-50/60 px-4 py-3" aria-label="List preview" role="group">
            <p className="text-sm font-semibold text-slate-900">{preview.list.name}</p>
            <p className="text-sm text-slate-700">
              {trustListContentWords(preview.list)}. Updated {formatTime(preview.list.updated)}.
            </p>
            <TrustListSigners list={preview.list} from="this list" />
            <label htmlFor="trust-list-name" className="mt-3 block text-sm text-slate-700">
              Verdicts will call it
            </label>
            <input
              id="trust-list-name"
              className="field mt-1"
              value={preview.name}
              maxLength={100}
              onChange={(event) => setPreview({ ...preview, name: event.target.value })}
            />
            <div className="mt-3 flex gap-2">
              <button type="button" className="btn-primary" onClick={subscribe} disabled={busy || preview.name.trim() === ''}>
                Subscribe
              </button>
              <button type="button" className="btn-secondary" onClick={() => setPreview({ status: 'idle' })}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </form>
    </section>
  );
}
