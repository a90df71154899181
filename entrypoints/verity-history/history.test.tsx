// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHistoryStore } from '../../storage/history-store';
import { historyKeys, type HistoryEntry } from '../../storage/history-types';
import { click, renderDom, typeInto } from '../../test/ui/dom';
import { verifiedPageProof } from '../../test/ui/fixtures';
import { dayLabel, historyDays, retentionLabel } from './history-days';
import { entriesPerStep } from './HistoryEntries';
import { HistoryPage } from './HistoryPage';

let cleanup: (() => void) | undefined;
beforeEach(() => fakeBrowser.reset());
afterEach(() => cleanup?.());

const hour = 3_600_000;
const now = new Date('2026-11-24T15:00:00').getTime();

const { id: _id, ...storedProof } = verifiedPageProof;
const entries: HistoryEntry[] = [
  {
    id: 'a',
    checkedAt: now - hour,
    pageUrl: 'https://news.example.com/vote',
    pageTitle: 'Election night live',
    source: 'page',
    excerpt: 'The vote passed by a wide margin.',
    state: 'verified',
    confidence: 90,
    proofType: 'og-tee',
    model: 'meta-llama/Llama-3.1-70B-Instruct',
    summary: 'Produced in an attested OpenGradient enclave and settled on chain.',
    proof: storedProof,
  },
  {
    id: 'b',
    checkedAt: now - 2 * hour,
    pageUrl: 'https://blog.example.org/post',
    source: 'selection',
    excerpt: 'Markets closed higher on Friday.',
    summary: 'No proof on this page signs the selected text.',
  },
  {
    id: 'c',
    checkedAt: now - 26 * hour,
    pageUrl: 'https://news.example.com/budget',
    source: 'page',
    excerpt: 'The budget grows by four percent.',
    state: 'altered',
    confidence: 0,
    proofType: 'eas-onchain',
    summary: 'The page shows different text from what was signed.',
    proof: storedProof,
  },
];

const local = fakeBrowser.storage.local;

/** Tells the page of every change to storage.local, as main.tsx does of the history's keys. */
function subscribe(onChange: () => void): () => void {
  local.onChanged.addListener(onChange);
  return () => local.onChanged.removeListener(onChange);
}

async function renderHistory(initial: Record<string, unknown> = { [historyKeys.entries]: entries }) {
  await local.set(initial);
  const store = createHistoryStore({ storage: local, now: () => now });
  const verifyLink = (entry: HistoryEntry) => {
    if (entry.image) return `chrome-extension://x/inspector.html?image=${encodeURIComponent(entry.image.url)}`;
    return entry.proof ? `chrome-extension://x/inspector.html#share=v1.${entry.id}` : null;
  };
  const view = renderDom(
    <HistoryPage store={store} subscribe={subscribe} verifyLink={verifyLink} optionsUrl="options.html" now={() => now} />,
  );
  cleanup = view.unmount;
  await vi.waitFor(() => expect(view.container.querySelector('[role="status"]')?.textContent).toMatch(/entr/));
  return { store, container: view.container };
}

const excerpts = (container: HTMLElement) => [...container.querySelectorAll('article')].map((article) => article.querySelector('p')?.textContent);
const status = (container: HTMLElement) => container.querySelector('[role="status"][aria-live="polite"]')?.textContent;
const button = (container: HTMLElement, name: string) =>
  [...container.querySelectorAll('button')].find((each) => each.textContent?.trim() === name)!;

describe('historyDays', () => {
  it('groups entries by local day, newest first, as Today, Yesterday and the date', () => {
    const days = historyDays(entries, now);
    expect(days.map(({ label, entries }) => [label, entries.map(({ id }) => id)])).toEqual([
      ['Today', ['a', 'b']],
      ['Yesterday', ['c']],
    ]);
    expect(dayLabel(now - 5 * 24 * hour, now)).toMatch(/2026/);
  });

  it('reads every retention choice', () => {
    expect([1, 7, 30, 90, 365, null].map(retentionLabel)).toEqual(['1 day', '1 week', '30 days', '90 days', '1 year', 'Until I clear it']);
  });
});

describe('HistoryPage', () => {
  it('lists entries by day with their verdict, source and page, and says it stays on this computer', async () => {
    const { container } = await renderHistory();
    expect(container.querySelector('h1')?.textContent).toBe('Verity history');
    expect(container.textContent).toContain('Stored only on this computer');
    expect([...container.querySelectorAll('h3')].map((heading) => heading.textContent)).toEqual(['Today', 'Yesterday']);
    expect(excerpts(container)).toEqual(['“The vote passed by a wide margin.”', '“Markets closed higher on Friday.”', '“The budget grows by four percent.”']);
    const [first, second] = container.querySelectorAll('article');
    expect(first!.textContent).toContain('Verified');
    expect(first!.textContent).toContain('On a page');
    expect(first!.querySelector<HTMLAnchorElement>('a[href="https://news.example.com/vote"]')?.textContent).toBe('Election night live');
    expect(second!.textContent).toContain('No proof');
    expect(second!.textContent).toContain('Selection');
    expect(status(container)).toBe('3 entries');
  });

  it('lists an image’s check by its address, found by its signer, and opens it again in the inspector', async () => {
    const image: HistoryEntry = {
      id: 'i',
      checkedAt: now - hour,
      pageUrl: 'https://news.example.com/vote',
      pageTitle: 'Election night live',
      source: 'page',
      excerpt: 'https://img.example/crowd.jpg',
      state: 'invalid',
      summary: 'The Content Credentials fail validation (claimSignature.mismatch)',
      image: { url: 'https://img.example/crowd.jpg', signer: 'Studio Signer' },
    };
    const { container, store } = await renderHistory({ [historyKeys.entries]: [image, ...entries] });
    const article = container.querySelector('article')!;
    expect(article.getAttribute('aria-label')).toBe('Invalid: https://img.example/crowd.jpg');
    expect(article.querySelector('p')?.textContent).toBe('Image https://img.example/crowd.jpg');
    expect(article.textContent).toContain('claimSignature.mismatch');
    expect(article.querySelector<HTMLAnchorElement>('a[href="https://news.example.com/vote"]')?.textContent).toBe('Election night live');
    const again = [...article.querySelectorAll('a')].find((link) => link.textContent === 'Check again');
    expect(again?.getAttribute('href')).toBe('chrome-extension://x/inspector.html?image=https%3A%2F%2Fimg.example%2Fcrowd.jpg');
    expect((await store.list({ query: 'studio signer' })).entries.map(({ id }) => id)).toEqual(['i']);
  });

  it("never makes a shared link's page a link beside its verdict: its origin only, as what the link says", async () => {
    const shared: HistoryEntry = {
      id: 's',
      checkedAt: now - hour,
      pageUrl: 'https://www.reuters.com:verified@\u0430pple.com/\u202Efdp.exe',
      source: 'shared',
      excerpt: 'Apple recalls every phone.',
      state: 'verified',
      confidence: 90,
      proofType: 'og-tee',
      model: `Official Apple statement\u202E${'!'.repeat(200)}`,
      summary: 'Produced in an attested OpenGradient enclave.',
      proof: storedProof,
    };
    const { container } = await renderHistory({ [historyKeys.entries]: [shared] });
    const article = container.querySelector('article')!;
    expect(article.textContent).toContain('Verified');
    expect([...article.querySelectorAll('a')].map((link) => link.textContent)).toEqual(['Verify again']);
    expect(article.textContent).toContain('The link says it comes from https://xn--pple-43d.com; not opened or checked.');
    expect(article.textContent).not.toMatch(/reuters|\u0430|\u202E|exe/);
    expect(article.textContent).toContain(`Claimed model “Official Apple statement\\u{202E}${'!'.repeat(27)}…”`);
  });

  it("shows a page's title display-safe, with the page's origin beside it", async () => {
    const entry: HistoryEntry = { ...entries[0]!, pageTitle: 'Verified\u202E by Verity\n\n  — official' };
    const { container } = await renderHistory({ [historyKeys.entries]: [entry] });
    const line = container.querySelector<HTMLAnchorElement>('a[href="https://news.example.com/vote"]')!;
    expect(line.textContent).toBe('Verified\\u{202E} by Verity — official');
    expect(line.parentElement!.textContent).toContain(' · https://news.example.com');
  });

  it('offers "Verify again" only for entries with a stored proof, through the share view', async () => {
    const { container } = await renderHistory();
    const links = [...container.querySelectorAll<HTMLAnchorElement>('a')].filter((link) => link.textContent === 'Verify again');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'chrome-extension://x/inspector.html#share=v1.a',
      'chrome-extension://x/inspector.html#share=v1.c',
    ]);
    expect(links[0]!.getAttribute('aria-label')).toContain('The vote passed');
  });

  it('counts what the list shows: a search still being looked up leaves the count of the entries shown', async () => {
    const { store, container } = await renderHistory();
    const list = store.list.bind(store);
    let answer = (): void => undefined;
    vi.spyOn(store, 'list').mockImplementation((options) => new Promise((resolve) => (answer = () => void list(options).then(resolve))));
    typeInto(container.querySelector<HTMLInputElement>('input[type="search"]')!, 'llama');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(status(container)).toBe('3 entries');
    expect(excerpts(container)).toHaveLength(3);
    act(() => answer());
    await vi.waitFor(() => expect(status(container)).toBe('1 of 3 entries matches'));
  });

  it('filters as you type, by page, excerpt, summary, state and model, and by verdict', async () => {
    const { container } = await renderHistory();
    const search = container.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(container.querySelector(`label[for="${search.id}"]`)?.textContent).toBe('Search');

    typeInto(search, 'llama');
    await vi.waitFor(() => expect(excerpts(container)).toEqual(['“The vote passed by a wide margin.”']));
    expect(status(container)).toBe('1 of 3 entries matches');

    typeInto(search, 'news.example.com');
    await vi.waitFor(() => expect(excerpts(container)).toHaveLength(2));

    typeInto(search, '');
    const state = container.querySelector<HTMLSelectElement>('#history-state')!;
    act(() => {
      state.value = 'altered';
      state.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(excerpts(container)).toEqual(['“The budget grows by four percent.”']));

    typeInto(search, 'nothing like this');
    await vi.waitFor(() => expect(container.textContent).toContain('No entries match'));
    click(button(container, 'Show every entry'));
    await vi.waitFor(() => expect(excerpts(container)).toHaveLength(3));
  });

  it('draws the newest 100 entries, and 100 older ones at each "Show older entries", focusing the first added; a search starts again from the newest', async () => {
    const many: HistoryEntry[] = Array.from({ length: 250 }, (_, index) => ({
      ...entries[1]!,
      id: `many-${index}`,
      checkedAt: now - index * 60_000,
      excerpt: `Entry ${index} ${index % 2 ? 'odd' : 'even'}`,
    }));
    const { container } = await renderHistory({ [historyKeys.entries]: many });
    await vi.waitFor(() => expect(excerpts(container)).toHaveLength(entriesPerStep));
    expect(status(container)).toBe('250 entries');
    expect(container.textContent).toContain('Showing the newest 100 of 250 entries.');

    click(button(container, 'Show 100 older entries'));
    await vi.waitFor(() => expect(excerpts(container)).toHaveLength(200));
    expect(document.activeElement?.textContent).toContain('Entry 100 even');

    click(button(container, 'Show 50 older entries'));
    await vi.waitFor(() => expect(excerpts(container)).toHaveLength(250));
    expect(excerpts(container).at(-1)).toBe('“Entry 249 odd”');
    expect(container.textContent).not.toContain('Showing the newest');

    typeInto(container.querySelector<HTMLInputElement>('input[type="search"]')!, 'odd');
    await vi.waitFor(() => expect(status(container)).toBe('125 of 250 entries match'));
    expect(excerpts(container)).toHaveLength(100);
    expect(container.textContent).toContain('Showing the newest 100 of 125 entries.');
  });

  it('clears the history only after confirmation', async () => {
    const { container } = await renderHistory();
    click(button(container, 'Clear history…'));
    const dialog = container.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('Delete all 3 entries?');
    expect(document.activeElement?.textContent).toBe('Clear history');

    click(button(container, 'Cancel'));
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
    expect(excerpts(container)).toHaveLength(3);

    click(button(container, 'Clear history…'));
    click(button(container, 'Clear history'));
    await vi.waitFor(() => expect(container.textContent).toContain('Nothing verified yet'));
    expect(await local.get(null)).not.toHaveProperty(historyKeys.entries);
    expect(status(container)).toBe('No entries');
  });

  it('keeps the retention chosen, and a shorter one deletes older entries at once', async () => {
    const { container, store } = await renderHistory();
    const retention = container.querySelector<HTMLSelectElement>('#history-retention')!;
    expect(retention.value).toBe('30');
    act(() => {
      retention.value = '1';
      retention.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(excerpts(container)).toHaveLength(2));
    expect(await store.settings()).toEqual({ enabled: true, retentionDays: 1 });

    const keep = [...container.querySelectorAll('label')].find((label) => label.textContent === 'Keep history')!.querySelector('input')!;
    click(keep);
    await vi.waitFor(async () => expect((await store.settings()).enabled).toBe(false));
  });

  it('shows what another page or the worker records, as it is recorded', async () => {
    const { container, store } = await renderHistory({});
    expect(container.textContent).toContain('Nothing verified yet');
    await act(() => store.record([entries[0]!]));
    await vi.waitFor(() => expect(excerpts(container)).toEqual(['“The vote passed by a wide margin.”']));
    expect(status(container)).toBe('1 entry');
  });
});
