import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHistoryStore, historyProofLimit, maxExcerptLength, maxHistoryEntries } from './history-store';
import { historyKeys, type HistoryEntry } from './history-types';

const day = 86_400_000;

function entry(id: string, checkedAt: number, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return { id, checkedAt, pageUrl: `https://news.example/${id}`, source: 'page', excerpt: `Excerpt ${id}`, state: 'verified', summary: `Summary ${id}`, ...extra };
}

const storage = fakeBrowser.storage.local;

beforeEach(() => fakeBrowser.reset());

function setUp() {
  let clock = 100 * day;
  const store = createHistoryStore({ storage, now: () => clock });
  return { store, advance: (ms: number) => void (clock += ms), at: () => clock };
}

describe('createHistoryStore', () => {
  it('keeps entries newest first, one per id, and survives a new store over the same storage', async () => {
    const { store, at } = setUp();
    await store.record([entry('a', at() - 3), entry('b', at() - 1)]);
    await store.record([entry('a', at(), { state: 'altered' })]);
    expect((await store.list()).entries.map(({ id, state }) => `${id}:${state}`)).toEqual(['a:altered', 'b:verified']);
    expect((await createHistoryStore({ storage }).list()).entries.map(({ id }) => id)).toEqual(['a', 'b']);
  });

  it('cuts long excerpts and leaves out proofs too large to keep', async () => {
    const { store, at } = setUp();
    const small = { form: 'text' as const, raw: 'ai-proof:v1:og:1:0x00', shownText: 'x', renderedText: 'x' };
    const large = { ...small, raw: 'x'.repeat(historyProofLimit) };
    await store.record([entry('a', at(), { excerpt: 'w'.repeat(500), proof: small }), entry('b', at() - 1, { proof: large })]);
    const [a, b] = (await store.list()).entries;
    expect(a!.excerpt).toHaveLength(maxExcerptLength);
    expect(a!.excerpt.endsWith('…')).toBe(true);
    expect(a!.proof).toEqual(small);
    expect(b!.proof).toBeUndefined();
  });

  it('keeps at most the newest 2,000 entries', async () => {
    const { store, at } = setUp();
    await store.record(Array.from({ length: maxHistoryEntries + 5 }, (_, index) => entry(`e${index}`, at() - index)));
    const listed = (await store.list()).entries;
    expect(listed).toHaveLength(maxHistoryEntries);
    expect(listed.at(-1)!.id).toBe(`e${maxHistoryEntries - 1}`);
  });

  it('finds entries by every word of a query, in address, title, excerpt, summary, state or model, and by state', async () => {
    const { store, at } = setUp();
    await store.record([
      entry('a', at(), { pageTitle: 'Council Budget', model: 'llama-3' }),
      entry('b', at() - 1, { state: 'altered', summary: 'The page shows different text.' }),
      entry('c', at() - 2, { excerpt: 'Rain over the weekend' }),
    ]);
    const ids = async (parameters: Parameters<typeof store.list>[0]) => (await store.list(parameters)).entries.map(({ id }) => id);
    expect(await ids({ query: 'budget LLAMA' })).toEqual(['a']);
    expect(await ids({ query: 'altered' })).toEqual(['b']);
    expect(await ids({ query: 'weekend news.example' })).toEqual(['c']);
    expect(await ids({ query: 'weekend budget' })).toEqual([]);
    expect(await ids({ state: 'verified' })).toEqual(['a', 'c']);
    expect(await ids({ limit: 1 })).toEqual(['a']);
    // The count of every entry and the settings come with a filtered list, from the same read.
    expect(await store.list({ query: 'altered' })).toMatchObject({ total: 3, settings: { enabled: true, retentionDays: 30 } });
  });

  it('deletes what the retention no longer keeps, on writing and when pruned', async () => {
    const { store, at, advance } = setUp();
    await store.record([entry('old', at() - 31 * day), entry('new', at())]);
    expect((await store.list()).entries.map(({ id }) => id)).toEqual(['new']);
    advance(20 * day);
    await store.setSettings({ retentionDays: 7 });
    expect((await store.list()).entries).toEqual([]);
    await store.setSettings({ retentionDays: null });
    await store.record([entry('kept', at() - 3_000 * day)]);
    await store.prune();
    expect((await store.list()).entries.map(({ id }) => id)).toEqual(['kept']);
  });

  it('records nothing while the history is off, and clears on request', async () => {
    const { store, at } = setUp();
    await store.record([entry('a', at())]);
    expect(await store.setSettings({ enabled: false })).toEqual({ enabled: false, retentionDays: 30 });
    await store.record([entry('b', at())]);
    expect((await store.list()).entries.map(({ id }) => id)).toEqual(['a']);
    await store.clear();
    expect((await store.list()).entries).toEqual([]);
    expect(await storage.get(null)).not.toHaveProperty(historyKeys.entries);
  });

  it('refuses settings outside the choices, and reads damaged stored settings as the defaults', async () => {
    const { store } = setUp();
    await expect(store.setSettings({ retentionDays: 12 })).rejects.toThrow('Retention must be one of');
    await expect(store.setSettings({ enabled: 'yes' as never })).rejects.toThrow('"enabled" must be true or false.');
    await storage.set({ [historyKeys.settings]: { enabled: 3, retentionDays: -1 }, [historyKeys.entries]: 'not a list' });
    expect(await store.settings()).toEqual({ enabled: true, retentionDays: 30 });
    expect((await store.list()).entries).toEqual([]);
  });
});
