import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { describe, expect, it, vi } from 'vitest';
import type { SelectionCheck, StandaloneResult } from '../../../messaging/messages';
import { referenceProof, verdictOf } from '../../../test/fakes/worker-fixtures';
import type { TabVerdict } from '../verification/verification-service';
import { historyEntryId } from './history-entries';
import { createHistoryRecorder } from './history-recorder';
import type { HistoryEntry } from '../../../storage/history-types';

const pageUrl = 'https://news.example/story';

function tabVerdict(tabId: number, id: string): TabVerdict {
  const { id: _id, ...input } = referenceProof(id);
  return { tabId, pageUrl, proof: { id, form: 'text', excerpt: input.shownText, key: `key-${id}` }, input, verdict: verdictOf('verified'), checkedAt: 7 };
}

const selection: SelectionCheck = {
  pageUrl,
  checkedAt: 9,
  quote: 'approved the budget',
  within: ['p0'],
  outcome: 'in-signed-text',
  parts: [],
  state: 'verified',
  confidence: 90,
  summary: 'The proof of this snippet signs the selected text, and that proof checks out.',
};

function setUp() {
  const recorded: HistoryEntry[] = [];
  const tabs = new Map([
    [1, { incognito: false, title: 'Council story' }],
    [2, { incognito: true, title: 'Private' }],
  ]);
  let writeCount = 0;
  const recorder = createHistoryRecorder({
    store: {
      record: async (entries) => {
        writeCount += 1;
        recorded.push(...entries);
      },
    },
    tabInfo: async (tabId) => (tabId === 1 ? { ...tabs.get(1)!, url: pageUrl } : tabs.get(tabId)),
    now: () => 11,
    batchMs: 5,
  });
  return { recorded, recorder, writes: () => writeCount };
}

const imageVerdict: ImageVerdict = {
  state: 'untrusted',
  reason: 'The Content Credentials are valid, but their signer is not on a trust list you use',
  failures: [],
  ai: { generated: true, sources: [] },
  claims: { signer: 'Studio Signer', actions: [] },
  ingredients: [],
};

describe('createHistoryRecorder', () => {
  it('records a page’s images with the tab’s page and title, a shared one with the page its link names, in one write', async () => {
    const { recorded, recorder, writes } = setUp();
    await Promise.all([
      recorder.image(1, { imageUrl: 'https://img.example/a.jpg', verdict: imageVerdict, source: 'page' }),
      recorder.image(1, { imageUrl: 'https://img.example/b.jpg', pageUrl: 'https://elsewhere.example/', verdict: imageVerdict, source: 'shared' }),
      recorder.image(2, { imageUrl: 'https://img.example/private.jpg', verdict: imageVerdict, source: 'page' }),
    ]);
    expect(writes()).toBe(1);
    expect(recorded).toEqual([
      {
        id: await historyEntryId(pageUrl, 'image:https://img.example/a.jpg'),
        checkedAt: 11,
        pageUrl,
        pageTitle: 'Council story',
        source: 'page',
        excerpt: 'https://img.example/a.jpg',
        state: 'untrusted',
        summary: 'Made with AI — signed by Studio Signer (a signer not on a trust list you use)',
        image: { url: 'https://img.example/a.jpg', signer: 'Studio Signer' },
      },
      expect.objectContaining({ pageUrl: 'https://elsewhere.example/', source: 'shared', image: { url: 'https://img.example/b.jpg', signer: 'Studio Signer' } }),
    ]);
    expect(recorded[1]).not.toHaveProperty('pageTitle');
  });

  it('records final page verdicts with the tab title, one entry per page and proof, and nothing of incognito tabs', async () => {
    const { recorded, recorder } = setUp();
    await recorder.pageVerdicts([tabVerdict(1, 'a'), tabVerdict(2, 'b'), tabVerdict(3, 'gone')]);
    expect(recorded).toEqual([
      {
        id: await historyEntryId(pageUrl, 'key-a'),
        checkedAt: 7,
        pageUrl,
        pageTitle: 'Council story',
        source: 'page',
        excerpt: 'Text of a.',
        state: 'verified',
        confidence: 90,
        proofType: 'og-settlement',
        summary: 'It is verified.',
        proof: tabVerdict(1, 'a').input,
      },
    ]);
  });

  it('writes the page verdicts that come within a batch, and images beside them, in one write', async () => {
    const { recorded, recorder, writes } = setUp();
    await Promise.all([
      recorder.pageVerdicts([tabVerdict(1, 'a')]),
      recorder.pageVerdicts([tabVerdict(1, 'b'), tabVerdict(1, 'c')]),
      recorder.image(1, { imageUrl: 'https://img.example/a.jpg', verdict: imageVerdict, source: 'page' }),
    ]);
    expect(writes()).toBe(1);
    expect(recorded.map(({ excerpt }) => excerpt)).toEqual(['Text of a.', 'Text of b.', 'Text of c.', 'https://img.example/a.jpg']);
    await recorder.pageVerdicts([tabVerdict(1, 'd')]);
    expect(writes()).toBe(2);
  });

  it('records a selection check, the same quote on the same page as one entry', async () => {
    const { recorded, recorder } = setUp();
    await recorder.selection(1, selection);
    await recorder.selection(1, { ...selection, checkedAt: 10 });
    await recorder.selection(2, selection);
    expect(recorded.map(({ id, source, excerpt, state }) => ({ id, source, excerpt, state }))).toEqual([
      { id: recorded[0]!.id, source: 'selection', excerpt: 'approved the budget', state: 'verified' },
      { id: recorded[0]!.id, source: 'selection', excerpt: 'approved the budget', state: 'verified' },
    ]);
  });

  it('records pasted proofs and share links by source, and never a problem', async () => {
    const { recorded, recorder } = setUp();
    const result: StandaloneResult = { label: 'Envelope', proof: referenceProof('pasted'), verdict: verdictOf('altered') };
    await recorder.pasted({ kind: 'proofs', input: 'envelope', results: [result] }, 1);
    await recorder.pasted({ kind: 'proofs', input: 'share-link', results: [result] }, undefined);
    await recorder.pasted({ kind: 'problem', input: 'hash', message: 'Not found.' }, 1);
    await recorder.pasted({ kind: 'proofs', input: 'envelope', results: [result] }, 2);
    await recorder.shared(result);
    expect(recorded.map(({ source, pageUrl: url, state, checkedAt }) => `${source}:${url}:${state}:${checkedAt}`)).toEqual([
      'pasted::altered:11',
      'shared::altered:11',
      'shared::altered:11',
    ]);
  });

  it('keeps nothing of pasted nonsense: a quote no proof held, or material that read as no proof', async () => {
    const { recorded, recorder } = setUp();
    const quote = (proofId: string | null): SelectionCheck => ({ ...selection, outcome: proofId ? 'found-in-proof' : 'not-signed', parts: [{ text: 'asdf qwer', proofId, match: proofId ? 'exact' : null }] });
    await recorder.pasted({ kind: 'quote', check: { ...quote(null), state: undefined } }, 1);
    const malformed: StandaloneResult = { label: 'Envelope', proof: referenceProof('junk'), verdict: verdictOf('malformed') };
    await recorder.pasted({ kind: 'proofs', input: 'envelope', results: [malformed] }, 1);
    expect(recorded).toEqual([]);
    await recorder.pasted({ kind: 'quote', check: quote('p0') }, 1);
    expect(recorded.map(({ source }) => source)).toEqual(['pasted']);
  });

  it('tells its error handler when the store fails, and not the caller', async () => {
    const onError = vi.fn();
    const recorder = createHistoryRecorder({ store: { record: async () => Promise.reject(new Error('quota')) }, tabInfo: async () => ({ incognito: false }), onError });
    await expect(recorder.selection(1, selection)).resolves.toBeUndefined();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'quota' }));
  });
});
