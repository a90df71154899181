import { useEffect, useRef, useState } from 'react';
import { ConfidenceMeter } from '../../components/ConfidenceMeter';
import { RefreshIcon } from '../../components/icons';
import { StateBadge } from '../../components/StateBadge';
import { stateStyles } from '../../components/state-style';
import type { HistoryEntry } from '../../storage/history-types';
import { claimMaxLength, displayOrigin, displaySafe } from '../../lib/text/display-safe';
import { historyDays, sourceLabels } from './history-days';

/** The inspector's view of an entry's stored proof or image; null when there is none to link. */
export type VerifyLink = (entry: HistoryEntry) => string | null;

/**
 * Entries drawn at first and added by each "Show older entries": a full history of 2,000 entries took 3.1 s to open in
 * Chromium 156, and 1.2 s with 100 drawn, most of it reading the entries from storage. The search and the count
 * still cover every entry.
 */
export const entriesPerStep = 100;

/** A listing's entries by day, newest first, drawn `entriesPerStep` at a time. */
export function PagedEntries({ entries, now, verifyLink }: { entries: HistoryEntry[]; now: number; verifyLink: VerifyLink }) {
  const [shown, setShown] = useState(entriesPerStep);
  const list = useRef<HTMLDivElement>(null);
  const firstAdded = useRef<number>(undefined);
  const older = entries.length - shown;

  // After "Show older entries", focus goes to the first entry it added, where reading goes on, not back to the top.
  useEffect(() => {
    if (firstAdded.current === undefined) return;
    list.current?.querySelectorAll<HTMLElement>('article')[firstAdded.current]?.focus();
    firstAdded.current = undefined;
  }, [shown]);

  return (
    <div ref={list} className="space-y-6">
      <EntryDays entries={entries.slice(0, shown)} now={now} verifyLink={verifyLink} />
      {older > 0 && (
        <div className="flex flex-col items-center gap-2">
          <p className="text-sm text-slate-500">
            Showing the newest {shown} of {entries.length} entries.
          </p>
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              firstAdded.current = shown;
              setShown((count) => count + entriesPerStep);
            }}
          >
            Show {Math.min(older, entriesPerStep)} older {older === 1 ? 'entry' : 'entries'}
          </button>
        </div>
      )}
    </div>
  );
}

function EntryDays({ entries, now, verifyLink }: { entries: HistoryEntry[]; now: number; verifyLink: VerifyLink }) {
  return (
    <div className="space-y-6">
      {historyDays(entries, now).map((day) => (
        <section key={day.key} aria-labelledby={`day-${day.key}`}>
          <h3 id={`day-${day.key}`} className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            {day.label}
          </h3>
          <ol className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white">
            {day.entries.map((entry) => (
              <li key={entry.id}>
                <EntryRow entry={entry} verifyLink={verifyLink(entry)} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

const timeOfDay = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

function EntryRow({ entry, verifyLink }: { entry: HistoryEntry; verifyLink: string | null }) {
  const checkedAt = new Date(entry.checkedAt);
  return (
    <article
      tabIndex={-1}
      aria-label={`${entry.state ? stateStyles[entry.state].word : 'No proof'}: ${entry.excerpt || 'no text'}`}
      className="outline-offset-[-2px] grid grid-cols-[3.25rem_minmax(0,1fr)] gap-x-4 px-4 py-3.5 sm:grid-cols-[3.25rem_minmax(0,1fr)_auto]">
      <time dateTime={checkedAt.toISOString()} className="pt-0.5 text-xs text-slate-500 tabular-nums" title={checkedAt.toString()}>
        {timeOfDay.format(checkedAt)}
      </time>
      <div className="min-w-0 space-y-1.5">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          {entry.state ? (
            <StateBadge state={entry.state} size="sm" />
          ) : (
            <span className="inline-flex items-center rounded-full bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-slate-300/60 ring-inset">
              No proof
            </span>
          )}
          {entry.state && entry.confidence !== undefined && <ConfidenceMeter value={entry.confidence} state={entry.state} variant="compact" />}
          <span className="text-xs text-slate-500">{sourceLabels[entry.source]}</span>
          {entry.model && (
            <span className="truncate text-[11px] text-slate-500 italic" title="Named by the page or its attester, not checked by Verity">
              Claimed model “{displaySafe(entry.model, { maxLength: claimMaxLength })}”
            </span>
          )}
        </div>
        {entry.image ? (
          <p className="truncate text-sm text-slate-800" title={displaySafe(entry.image.url)}>
            Image <span className="font-mono text-xs">{displaySafe(entry.image.url, { maxLength: 120 })}</span>
          </p>
        ) : (
          <p className="line-clamp-2 text-sm leading-relaxed text-slate-800">{entry.excerpt ? `“${entry.excerpt}”` : <span className="text-slate-500">No text</span>}</p>
        )}
        <p className="text-xs leading-relaxed text-slate-500">{entry.summary}</p>
        {entry.pageUrl && <EntryPage entry={entry} />}
      </div>
      {verifyLink && (
        <div className="col-start-2 mt-2 sm:col-start-3 sm:mt-0">
          <a href={verifyLink} target="_blank" rel="noreferrer" className="btn-secondary" aria-label={`${entry.image ? 'Check again' : 'Verify again'}: ${entry.excerpt.slice(0, 60) || 'this proof'}`}>
            <RefreshIcon className="size-4" />
            {entry.image ? 'Check again' : 'Verify again'}
          </a>
        </div>
      )}
    </article>
  );
}

/**
 * Where an entry was seen. A page's address is the tab's, so it links there,
 * with the page's own title display-safe and the origin beside it. A shared
 * link's page is only what the link says: its origin as text, never a link.
 */
function EntryPage({ entry }: { entry: HistoryEntry }) {
  const origin = displayOrigin(entry.pageUrl);
  const title = entry.pageTitle && displaySafe(entry.pageTitle, { maxLength: 120 });
  if (entry.source === 'shared') {
    return <p className="truncate text-xs text-slate-500">The link says it comes from {origin ?? displaySafe(entry.pageUrl, { maxLength: 60 })}; not opened or checked.</p>;
  }
  return (
    <p className="truncate text-xs">
      {origin ? (
        <>
          <a href={entry.pageUrl} target="_blank" rel="noreferrer" className="link font-normal" title={displaySafe(entry.pageUrl)}>
            {title || origin}
          </a>
          {title && <span className="text-slate-500"> · {origin}</span>}
        </>
      ) : (
        <span className="text-slate-500">{title || displaySafe(entry.pageUrl)}</span>
      )}
    </p>
  );
}
