import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Verdict } from '../../../lib/verdict/types';
import type { SelectionCheck } from '../../../messaging/messages';
import { createSelectionService, type SelectionRead } from './selection-service';
import { sessionKeys } from '../verification/session-records';
import { referenceProof, verdictOf } from '../../../test/fakes/worker-fixtures';
import type { TabVerdicts } from '../verification/verification-service';

const signedText = 'The council approved the budget on Tuesday.';
const verdict: Verdict = { ...verdictOf('verified'), text: { signed: signedText, shown: signedText, match: 'exact' } };

function tabWith(proofIds: string[], documentId = 'D1'): TabVerdicts {
  return {
    url: 'https://news.example/story',
    documentId,
    notChecked: 0,
    proofs: proofIds.map((id) => {
      const { id: _id, ...input } = referenceProof(id, { text: signedText });
      return { tabId: 1, pageUrl: 'https://news.example/story', proof: { id, form: 'text', excerpt: signedText, key: `key-${id}` }, input, verdict, checkedAt: 5 };
    }),
  };
}

function setUp({ read, tab, shareLinkBase }: { read: SelectionRead | null | undefined; tab: TabVerdicts | undefined; shareLinkBase?: string }) {
  const shown: { tabId: number; frameId: number; check: SelectionCheck }[] = [];
  const checked: SelectionCheck[] = [];
  const tabVerdicts = vi.fn(async () => tab);
  const selections = createSelectionService({
    storage: fakeBrowser.storage.session,
    service: { tabVerdicts },
    readSelection: async () => read,
    showSelectionCheck: async (tabId, frameId, check) => void shown.push({ tabId, frameId, check }),
    onChecked: (_tabId, check) => void checked.push(check),
    now: () => 42,
    ...(shareLinkBase !== undefined && { shareLinkBase: async () => shareLinkBase }),
  });
  return { shown, checked, selections, tabVerdicts };
}

beforeEach(() => fakeBrowser.reset());

describe('verifySelection', () => {
  it("checks what the frame's content script read, keeps it for the popup and shows it in that frame", async () => {
    const world = setUp({ read: { text: 'approved the budget', within: ['p0'] }, tab: tabWith(['p0']) });
    const check = await world.selections.verifySelection({ tabId: 1, frameId: 0, selectionText: 'ignored when read' });
    expect(check).toMatchObject({ outcome: 'in-signed-text', quote: 'approved the budget', within: ['p0'], state: 'verified', checkedAt: 42, pageUrl: 'https://news.example/story' });
    expect(world.shown).toEqual([{ tabId: 1, frameId: 0, check }]);
    expect(world.checked).toEqual([check]);
    expect(await world.selections.latest(1)).toEqual(check);
    expect(await fakeBrowser.storage.session.get(sessionKeys.selection(1))).toEqual({ [sessionKeys.selection(1)]: { documentId: 'D1', check } });
  });

  it('carries a citation of the selected words whose share link opens at the reader\'s verifier page', async () => {
    const world = setUp({ read: { text: 'approved the budget', within: ['p0'] }, tab: tabWith(['p0']), shareLinkBase: 'https://verify.example.org/v/' });
    const check = await world.selections.verifySelection({ tabId: 1, frameId: 0 });
    expect(check.citation).toMatch(/^“approved the budget”\nSource: https:\/\/news\.example\/story\n/);
    expect(check.citation).toContain('\nCheck it yourself: https://verify.example.org/v/#share=v1.');
    expect(world.shown[0]!.check.citation).toBe(check.citation);
    const unsigned = await setUp({ read: { text: 'nobody signed these words', within: [] }, tab: tabWith(['p0']) }).selections.verifySelection({ tabId: 1, frameId: 0 });
    expect(unsigned.citation).toBeUndefined();
  });

  it("falls back to the browser's selection text where no content script answers, and shows nothing in the page", async () => {
    const world = setUp({ read: undefined, tab: tabWith(['p0']) });
    const check = await world.selections.verifySelection({ tabId: 1, frameId: 4, selectionText: '  the budget\non Tuesday ' });
    expect(check).toMatchObject({ outcome: 'found-in-proof', quote: 'the budget on Tuesday', within: [] });
    expect(world.shown).toEqual([]);
    expect(await world.selections.latest(1)).toEqual(check);
  });

  it('says a page Verity cannot read is unreadable, not a page without proofs', async () => {
    const world = setUp({ read: undefined, tab: undefined });
    const check = await world.selections.verifySelection({ tabId: 1, frameId: 0, selectionText: 'some words', pageUrl: 'chrome://settings/' });
    expect(check).toMatchObject({ outcome: 'unreadable', pageUrl: 'chrome://settings/', quote: 'some words' });
    const empty = setUp({ read: null, tab: tabWith([]) });
    expect((await empty.selections.verifySelection({ tabId: 1, frameId: 0 })).outcome).toBe('unreadable');
    expect(empty.tabVerdicts).not.toHaveBeenCalled();
  });

  it('drops the answer when the tab loads another document or closes', async () => {
    const world = setUp({ read: { text: 'approved', within: [] }, tab: tabWith(['p0'], 'D1') });
    await world.selections.verifySelection({ tabId: 1, frameId: 0 });
    await world.selections.documentCommitted({ tabId: 1, documentId: 'D1' });
    expect(await world.selections.latest(1)).not.toBeNull();
    await world.selections.documentCommitted({ tabId: 1, documentId: 'D2' });
    expect(await world.selections.latest(1)).toBeNull();
    await world.selections.verifySelection({ tabId: 1, frameId: 0 });
    await world.selections.tabRemoved(1);
    expect(await world.selections.latest(1)).toBeNull();
  });
});

describe('checkQuote', () => {
  it("looks for a pasted text in the tab's proofs, and finds no proofs without a tab", async () => {
    const world = setUp({ read: undefined, tab: tabWith(['p0']) });
    expect((await world.selections.checkQuote(1, 'The council approved')).outcome).toBe('found-in-proof');
    expect((await world.selections.checkQuote(undefined, 'The council approved')).outcome).toBe('no-proofs');
  });
});
