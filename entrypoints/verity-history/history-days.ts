import type { HistoryEntry } from '../../storage/history-types';

/** Entries of one local calendar day, newest first as the history lists them. */
export type HistoryDay = { key: string; label: string; entries: HistoryEntry[] };

const dayKey = (time: number) => {
  const date = new Date(time);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

const longDate = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** "Today", "Yesterday", or the day written out. */
export function dayLabel(time: number, now: number): string {
  const key = dayKey(time);
  if (key === dayKey(now)) return 'Today';
  const yesterday = new Date(now);
  yesterday.setDate(yesterday.getDate() - 1);
  if (key === dayKey(yesterday.getTime())) return 'Yesterday';
  return longDate.format(time);
}

/** Entries (newest first) grouped by the local day they were checked on, in the same order. */
export function historyDays(entries: readonly HistoryEntry[], now: number): HistoryDay[] {
  const days: HistoryDay[] = [];
  for (const entry of entries) {
    const key = dayKey(entry.checkedAt);
    const last = days.at(-1);
    if (last?.key === key) last.entries.push(entry);
    else days.push({ key, label: dayLabel(entry.checkedAt, now), entries: [entry] });
  }
  return days;
}

/** How the retention setting reads: "30 days", "1 year", "Until I clear it". */
export function retentionLabel(days: number | null): string {
  if (days === null) return 'Until I clear it';
  if (days === 365) return '1 year';
  if (days === 7) return '1 week';
  return days === 1 ? '1 day' : `${days} days`;
}

export const sourceLabels: Record<HistoryEntry['source'], string> = {
  page: 'On a page',
  selection: 'Selection',
  pasted: 'Pasted',
  shared: 'Shared link',
};
