import { createSerialRunner } from '../entrypoints/background/verification/serial-runner';
import type { SessionStorage } from '../entrypoints/background/verification/session-records';
import { BaseError } from '../lib/errors';
import type { VerdictState } from '../lib/verdict/states';
import { defaultHistorySettings, historyKeys, retentionChoices, type HistoryEntry, type HistorySettings } from './history-types';

/** The part of `browser.storage.local` the history uses (the same shape as the session area's). */
export type HistoryStorage = SessionStorage;

/** Entries kept at most; the oldest go first. */
export const maxHistoryEntries = 2_000;
/** Longest excerpt kept, in characters. */
export const maxExcerptLength = 200;
/** A proof larger than this (its JSON, in UTF-16 code units) is not kept with its entry. */
export const historyProofLimit = 16 * 1024;
/**
 * The proofs kept, newest first, stop at this much in all: 2,000 entries
 * at the per-proof limit would fill storage.local's 10 MB quota three times.
 */
export const historyProofBudget = 4 * 1024 * 1024;

const dayMs = 86_400_000;

export type CreateHistoryStoreParameters = {
  /** browser.storage.local; a fake in tests. */
  storage: HistoryStorage;
  /** Date.now; replaced in tests. */
  now?: (() => number) | undefined;
};

export type ListHistoryParameters = {
  /** Words to find, each in any of: page address or title, excerpt, summary, state, model. */
  query?: string | undefined;
  state?: VerdictState | undefined;
  limit?: number | undefined;
};

/** One read of the history: the matching entries, how many there are in all, and the settings. */
export type HistoryListing = { entries: HistoryEntry[]; total: number; settings: HistorySettings };

export type HistoryStore = {
  /** Adds entries, or updates those with the same id; does nothing while the history is off. */
  record(entries: readonly HistoryEntry[]): Promise<void>;
  /** Entries, newest first, that match every word of `query` and the state; with the total and the settings, from one read. */
  list(parameters?: ListHistoryParameters): Promise<HistoryListing>;
  clear(): Promise<void>;
  /** Deletes the entries older than the retention allows. */
  prune(): Promise<void>;
  settings(): Promise<HistorySettings>;
  /** Changes the settings; a shorter retention applies at once. */
  setSettings(change: Partial<HistorySettings>): Promise<HistorySettings>;
};

export type CreateHistoryStoreReturnType = HistoryStore;

/** A settings change outside the choices offered: nothing is changed. */
export class InvalidHistorySettingsError extends BaseError {
  override name = 'InvalidHistorySettingsError';
}

/**
 * The history of what Verity verified, in storage.local only. Every change
 * is read-modify-write on one key, so changes from this context run one at
 * a time.
 */
export function createHistoryStore({ storage, now = Date.now }: CreateHistoryStoreParameters): CreateHistoryStoreReturnType {
  const changes = createSerialRunner();

  async function load(): Promise<{ entries: HistoryEntry[]; settings: HistorySettings }> {
    const stored = await storage.get([historyKeys.entries, historyKeys.settings]);
    const entries = stored[historyKeys.entries];
    return { entries: Array.isArray(entries) ? (entries as HistoryEntry[]) : [], settings: historySettingsFrom(stored[historyKeys.settings]) };
  }

  /** The entries the retention keeps, newest first, within the caps. */
  function kept(entries: Iterable<HistoryEntry>, { retentionDays }: HistorySettings): HistoryEntry[] {
    const oldest = retentionDays === null ? -Infinity : now() - retentionDays * dayMs;
    const sorted = [...entries].filter((entry) => entry.checkedAt >= oldest).sort((a, b) => b.checkedAt - a.checkedAt);
    let proofBytes = 0;
    return sorted.slice(0, maxHistoryEntries).map((entry) => {
      if (entry.proof === undefined) return entry;
      proofBytes += JSON.stringify(entry.proof).length;
      if (proofBytes <= historyProofBudget) return entry;
      const { proof: _dropped, ...withoutProof } = entry;
      return withoutProof;
    });
  }

  return {
    record(entries) {
      return changes.run(async () => {
        const { entries: before, settings } = await load();
        if (!settings.enabled || entries.length === 0) return;
        const byId = new Map(before.map((entry) => [entry.id, entry]));
        for (const entry of entries) byId.set(entry.id, trimmed(entry));
        await storage.set({ [historyKeys.entries]: kept(byId.values(), settings) });
      });
    },

    async list({ query = '', state, limit = maxHistoryEntries } = {}) {
      const { entries, settings } = await load();
      const words = query.toLowerCase().split(/\s+/).filter((word) => word !== '');
      const matching = entries
        .filter((entry) => (state === undefined || entry.state === state) && words.every((word) => searchText(entry).includes(word)))
        .slice(0, limit);
      return { entries: matching, total: entries.length, settings };
    },

    clear: () => changes.run(() => storage.remove([historyKeys.entries])),

    prune() {
      return changes.run(async () => {
        const { entries, settings } = await load();
        const after = kept(entries, settings);
        if (after.length !== entries.length) await storage.set({ [historyKeys.entries]: after });
      });
    },

    async settings() {
      return (await load()).settings;
    },

    setSettings(change) {
      return changes.run(async () => {
        if (change.enabled !== undefined && typeof change.enabled !== 'boolean') throw new InvalidHistorySettingsError('"enabled" must be true or false.');
        if (change.retentionDays !== undefined && !retentionChoices.includes(change.retentionDays)) {
          throw new InvalidHistorySettingsError(`Retention must be one of ${retentionChoices.map(String).join(', ')} days (null keeps entries until cleared).`);
        }
        const { entries, settings: before } = await load();
        const settings = historySettingsFrom({ ...before, ...change });
        await storage.set({ [historyKeys.settings]: settings, [historyKeys.entries]: kept(entries, settings) });
        return settings;
      });
    },
  };
}

/** Stored settings, with the defaults for whatever is missing or of the wrong kind. */
export function historySettingsFrom(stored: unknown): HistorySettings {
  const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const retention = value.retentionDays;
  return {
    enabled: typeof value.enabled === 'boolean' ? value.enabled : defaultHistorySettings.enabled,
    retentionDays: retentionChoices.includes(retention as number | null) ? (retention as number | null) : defaultHistorySettings.retentionDays,
  };
}

/** An entry as kept: its excerpt cut, its proof left out when too large. */
function trimmed(entry: HistoryEntry): HistoryEntry {
  const excerpt = entry.excerpt.length <= maxExcerptLength ? entry.excerpt : `${entry.excerpt.slice(0, maxExcerptLength - 1)}…`;
  if (entry.proof === undefined || JSON.stringify(entry.proof).length <= historyProofLimit) return { ...entry, excerpt };
  const { proof: _dropped, ...withoutProof } = entry;
  return { ...withoutProof, excerpt };
}

function searchText(entry: HistoryEntry): string {
  return [entry.pageUrl, entry.pageTitle, entry.excerpt, entry.summary, entry.state, entry.model, entry.image?.url, entry.image?.signer].filter((part) => part !== undefined).join('\n').toLowerCase();
}
