import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { messageOf } from '../../components/error-message';
import { HistoryIcon, LockIcon, SearchIcon, SettingsIcon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { stateStyles } from '../../components/state-style';
import { EmptyState, ErrorState, LoadingState } from '../../components/Status';
import type { HistoryStore } from '../../storage/history-store';
import { retentionChoices, type HistoryEntry, type HistorySettings } from '../../storage/history-types';
import { verdictStates, type VerdictState } from '../../lib/verdict/states';
import { retentionLabel } from './history-days';
import { PagedEntries, type VerifyLink } from './HistoryEntries';

export type HistoryPageProps = {
  store: HistoryStore;
  /** Calls back whenever the stored history changes (another page, the worker); returns the unsubscribe. */
  subscribe: (onChange: () => void) => () => void;
  /** The inspector's share view for an entry's stored proof, or its view of an image; null when the entry has neither, or it cannot be linked. */
  verifyLink: VerifyLink;
  /** The settings page, linked from the header. */
  optionsUrl: string;
  now?: () => number;
};

/** A listing, with whether it was asked for with a search or a verdict: the count says what the list shows, not what is being typed. */
type Loaded = { entries: HistoryEntry[]; total: number; settings: HistorySettings; filtered: boolean };

/** The history page: a searchable, local log of what Verity verified, with its settings. */
export function HistoryPage({ store, subscribe, verifyLink, optionsUrl, now = Date.now }: HistoryPageProps) {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<VerdictState | ''>('');
  const [loaded, setLoaded] = useState<Loaded>();
  const [loadError, setLoadError] = useState<string>();
  const [changeError, setChangeError] = useState<string>();
  const [version, setVersion] = useState(0);

  // Entries older than the retention go when the page opens, as well as when the worker records.
  useEffect(() => {
    store.prune().catch(() => undefined);
  }, [store]);

  useEffect(() => subscribe(() => setVersion((count) => count + 1)), [subscribe]);

  useEffect(() => {
    let closed = false;
    store.list({ query, state: state || undefined }).then(
      (listing) => {
        if (closed) return;
        setLoaded({ ...listing, filtered: query !== '' || state !== '' });
        setLoadError(undefined);
      },
      (error: unknown) => !closed && setLoadError(messageOf(error)),
    );
    return () => {
      closed = true;
    };
  }, [store, query, state, version]);

  useEffect(() => {
    document.title = 'Verity history';
  }, []);

  const change = (action: Promise<unknown>) => {
    setChangeError(undefined);
    action.then(
      () => setVersion((count) => count + 1),
      (error: unknown) => setChangeError(messageOf(error)),
    );
  };

  return (
    <div className="min-h-screen bg-slate-50">
      <PageHeader page="History" width="max-w-4xl">
        <a href={optionsUrl} className="btn-quiet ml-auto">
          <SettingsIcon className="size-4" />
          Settings
        </a>
      </PageHeader>
      <main className="mx-auto max-w-4xl space-y-8 px-6 py-8">
        <div className="flex flex-wrap items-start justify-between gap-x-8 gap-y-4">
          <div className="max-w-xl">
            <h1 className="text-xl font-semibold tracking-tight text-slate-900">Verity history</h1>
            <p className="mt-1.5 flex items-start gap-1.5 text-sm leading-relaxed text-slate-600">
              <LockIcon className="mt-0.5 size-4 shrink-0 text-slate-400" />
              <span>
                What Verity verified in this browser. Stored only on this computer, never sent anywhere; you choose how
                long it is kept.
              </span>
            </p>
          </div>
        </div>

        {loadError && !loaded && <ErrorState title="Verity couldn't read its history">{loadError}</ErrorState>}
        {!loaded && !loadError && <LoadingState label="Loading your history…" />}
        {loaded && (
          <>
            <HistorySettingsPanel
              settings={loaded.settings}
              total={loaded.total}
              onChange={(settingsChange) => change(store.setSettings(settingsChange))}
              onClear={() => change(store.clear())}
              error={changeError}
            />
            <section aria-labelledby="entries-heading" className="space-y-5">
              <h2 id="entries-heading" className="sr-only">
                Entries
              </h2>
              <SearchBar query={query} onQuery={setQuery} state={state} onState={setState} />
              <p role="status" aria-live="polite" className="text-sm text-slate-500">
                {resultCount(loaded.entries.length, loaded.total, loaded.filtered)}
              </p>
              {loaded.entries.length === 0 ? (
                <NoEntries
                  total={loaded.total}
                  enabled={loaded.settings.enabled}
                  onShowAll={() => {
                    setQuery('');
                    setState('');
                  }}
                />
              ) : (
                // Keyed by the question, so a new search or verdict starts again from the newest entries.
                <PagedEntries key={`${query}\u0000${state}`} entries={loaded.entries} now={now()} verifyLink={verifyLink} />
              )}
            </section>
          </>
        )}
      </main>
    </div>
  );
}

function resultCount(shown: number, total: number, filtered: boolean): string {
  const entries = (count: number) => `${count} ${count === 1 ? 'entry' : 'entries'}`;
  if (!filtered) return total === 0 ? 'No entries' : entries(total);
  return `${shown} of ${entries(total)} ${shown === 1 ? 'matches' : 'match'}`;
}

function SearchBar({
  query,
  onQuery,
  state,
  onState,
}: {
  query: string;
  onQuery: (query: string) => void;
  state: VerdictState | '';
  onState: (state: VerdictState | '') => void;
}) {
  return (
    <div role="search" className="flex flex-wrap items-end gap-3">
      <div className="min-w-60 flex-1">
        <label htmlFor="history-search" className="mb-1 block text-[13px] font-medium text-slate-700">
          Search
        </label>
        <div className="relative">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-400" />
          <input
            id="history-search"
            type="search"
            className="field pl-8"
            value={query}
            onChange={(event) => onQuery(event.target.value)}
            placeholder="Page, title, excerpt, verdict or model"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      </div>
      <div>
        <label htmlFor="history-state" className="mb-1 block text-[13px] font-medium text-slate-700">
          Verdict
        </label>
        <select
          id="history-state"
          className="field pr-8"
          value={state}
          onChange={(event) => onState(event.target.value as VerdictState | '')}
        >
          <option value="">All verdicts</option>
          {[...verdictStates].reverse().map((each) => (
            <option key={each} value={each}>
              {stateStyles[each].word}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function NoEntries({ total, enabled, onShowAll }: { total: number; enabled: boolean; onShowAll: () => void }) {
  if (total > 0) {
    return (
      <div className="rounded-xl border border-slate-200 bg-white">
        <EmptyState
          title="No entries match"
          action={
            <button type="button" className="btn-secondary" onClick={onShowAll}>
              Show every entry
            </button>
          }
        >
          Try other words: Verity searches page addresses and titles, excerpts, verdicts and models.
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white">
      <EmptyState title={enabled ? 'Nothing verified yet' : 'History is off'}>
        {enabled
          ? 'Proofs Verity verifies on pages, selections you check and material you paste in the popup appear here.'
          : 'Verity is not recording what it verifies. Turn on “Keep history” to start.'}
      </EmptyState>
    </div>
  );
}

function HistorySettingsPanel({
  settings,
  total,
  onChange,
  onClear,
  error,
}: {
  settings: HistorySettings;
  total: number;
  onChange: (change: Partial<HistorySettings>) => void;
  onClear: () => void;
  error?: string;
}) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const clearRef = useRef<HTMLButtonElement>(null);
  const hintId = useId();
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const cancel = () => {
    setConfirming(false);
    clearRef.current?.focus();
  };
  return (
    <section aria-labelledby="history-settings-heading" className="rounded-xl border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center gap-x-8 gap-y-4 px-4 py-3.5">
        <h2 id="history-settings-heading" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
          <HistoryIcon className="size-4 text-slate-500" />
          History settings
        </h2>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            className="focus-ring size-4 rounded accent-slate-900"
            checked={settings.enabled}
            onChange={(event) => onChange({ enabled: event.target.checked })}
          />
          Keep history
        </label>
        <div className="flex items-center gap-2">
          <label htmlFor="history-retention" className="text-sm text-slate-700">
            Keep entries for
          </label>
          <select
            id="history-retention"
            className="field w-auto py-1 pr-8"
            value={String(settings.retentionDays)}
            onChange={(event) => onChange({ retentionDays: event.target.value === 'null' ? null : Number(event.target.value) })}
            aria-describedby={hintId}
          >
            {retentionChoices.map((days) => (
              <option key={String(days)} value={String(days)}>
                {retentionLabel(days)}
              </option>
            ))}
          </select>
        </div>
        <button ref={clearRef} type="button" className="btn-quiet ml-auto text-red-700 hover:bg-red-50 hover:text-red-800" onClick={() => setConfirming(true)} disabled={total === 0 || confirming}>
          Clear history…
        </button>
      </div>
      <p id={hintId} className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">
        Older entries are deleted automatically. A shorter time applies at once.
      </p>
      {confirming && (
        <ClearConfirmation total={total} confirmRef={confirmRef} onConfirm={() => { setConfirming(false); onClear(); }} onCancel={cancel} />
      )}
      {error && (
        <p role="alert" className="border-t border-red-100 bg-red-50/60 px-4 py-2 text-sm text-red-800">
          Couldn't change the history: {error}
        </p>
      )}
    </section>
  );
}

function ClearConfirmation({
  total,
  confirmRef,
  onConfirm,
  onCancel,
}: {
  total: number;
  confirmRef: RefObject<HTMLButtonElement | null>;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div
      role="alertdialog"
      aria-labelledby="clear-heading"
      aria-describedby="clear-detail"
      className="flex flex-wrap items-center gap-3 border-t border-red-200 bg-red-50/70 px-4 py-3"
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <div className="mr-auto text-sm">
        <p id="clear-heading" className="font-semibold text-red-900">
          Delete all {total} {total === 1 ? 'entry' : 'entries'}?
        </p>
        <p id="clear-detail" className="text-red-900/80">
          This cannot be undone. The proofs themselves are not affected.
        </p>
      </div>
      <button type="button" className="btn-secondary" onClick={onCancel}>
        Cancel
      </button>
      <button ref={confirmRef} type="button" className="btn bg-red-700 text-white shadow-sm hover:bg-red-800" onClick={onConfirm}>
        Clear history
      </button>
    </div>
  );
}
