import { quoteCitation } from '../../../lib/report/quote-citation';
import { defaultShareLinkBase } from '../../../lib/share/share-base';
import { canonicalText } from '../../../lib/text/canonical';
import type { SelectionCheck } from '../../../messaging/messages';
import { composeSelectionCheck } from './selection-check';
import { sessionKeys, type SessionStorage } from '../verification/session-records';
import type { VerificationService } from '../verification/verification-service';

/** What a content script read of its frame's selection (ContentMessages 'read-selection'). */
export type SelectionRead = { text: string; within: string[] };

/** A tab's last answer, with the document it is about (Chrome), so that only a new document drops it. */
export type StoredSelectionCheck = { documentId?: string; check: SelectionCheck };

export type CreateSelectionServiceParameters = {
  /** browser.storage.session, as the verification service's. */
  storage: SessionStorage;
  service: Pick<VerificationService, 'tabVerdicts'>;
  /**
   * Asks a frame's content script for its selection: null when nothing is
   * selected there, undefined when no content script answered (a browser
   * page, a disabled site, a frame Verity does not run in).
   */
  readSelection: (tabId: number, frameId: number) => Promise<SelectionRead | null | undefined>;
  /** Shows the answer in a card by the selection; only called when the frame's content script answered. */
  showSelectionCheck: (tabId: number, frameId: number, check: SelectionCheck) => Promise<void>;
  /** Told of every answer (the history). */
  onChecked?: ((tabId: number, check: SelectionCheck) => void) | undefined;
  onError?: ((error: unknown) => void) | undefined;
  now?: (() => number) | undefined;
  /** Where the citation's share links open (the reader's setting). */
  shareLinkBase?: (() => Promise<string>) | undefined;
};

export type VerifySelectionParameters = {
  tabId: number;
  frameId: number;
  /** The browser's own reading of the selection (a context menu's selectionText), for when no content script answers. */
  selectionText?: string | undefined;
  /** The page's address as the browser gives it, for when the worker knows no page in the tab. */
  pageUrl?: string | undefined;
};

export type SelectionService = {
  /** "Verify selection": reads, checks, keeps and shows the answer for a frame of a tab. */
  verifySelection(parameters: VerifySelectionParameters): Promise<SelectionCheck>;
  /** A quote (a plain text pasted in the popup) checked against the proofs of a tab, or of none. */
  checkQuote(tabId: number | undefined, quote: string): Promise<SelectionCheck>;
  /** The tab's last answer, for the popup. */
  latest(tabId: number): Promise<SelectionCheck | null>;
  documentCommitted(event: { tabId: number; documentId?: string | undefined }): Promise<void>;
  tabRemoved(tabId: number): Promise<void>;
};

export type CreateSelectionServiceReturnType = SelectionService;

/** "Verify selection", over the proofs the verification service keeps for each tab. */
export function createSelectionService({
  storage,
  service,
  readSelection,
  showSelectionCheck,
  onChecked = () => undefined,
  onError = () => undefined,
  now = Date.now,
  shareLinkBase = () => Promise.resolve(defaultShareLinkBase),
}: CreateSelectionServiceParameters): CreateSelectionServiceReturnType {
  async function check(
    tabId: number | undefined,
    { text, within }: SelectionRead,
    { pageRead, pageUrl = '' }: { pageRead: boolean; pageUrl?: string | undefined },
  ): Promise<{ check: SelectionCheck; documentId?: string | undefined }> {
    const tab = text === '' || tabId === undefined ? undefined : await service.tabVerdicts(tabId);
    const proofs = tab?.proofs.map(({ proof, verdict }) => ({ id: proof.id, excerpt: proof.excerpt, verdict, ...(proof.refused && { refused: proof.refused }) })) ?? [];
    const composed = composeSelectionCheck({
      pageUrl: tab?.url || pageUrl,
      quote: text,
      within,
      // Where Verity could not read the page, no proofs known is no sign that it has none.
      proofs: !pageRead && proofs.length === 0 ? undefined : proofs,
      checkedAt: now(),
    });
    // A refused proof was not kept, so it has nothing to cite (and its answer holds no words to cite).
    const cited = tab?.proofs.flatMap(({ proof, input, verdict }) => (input === null ? [] : [{ id: proof.id, input, verdict }])) ?? [];
    const citation = quoteCitation({ check: composed, proofs: cited, shareLinkBase: await shareLinkBase() });
    return { documentId: tab?.documentId, check: citation === undefined ? composed : { ...composed, citation } };
  }

  async function loadStored(tabId: number): Promise<StoredSelectionCheck | undefined> {
    return (await storage.get([sessionKeys.selection(tabId)]))[sessionKeys.selection(tabId)] as StoredSelectionCheck | undefined;
  }

  return {
    async verifySelection({ tabId, frameId, selectionText, pageUrl }) {
      const read = await readSelection(tabId, frameId).catch(() => undefined);
      const pageRead = read !== undefined;
      // A selection in a text field is no part of the document's selection (the frame reads none); the browser's reading of it is.
      // Where the frame read one, its reading is the question even when empty: the browser's string skips what the page made unselectable.
      const selection = read ?? { text: canonicalText(selectionText ?? ''), within: [] };
      const found = await check(tabId, selection, { pageRead, pageUrl });
      const stored: StoredSelectionCheck = { ...(found.documentId !== undefined && { documentId: found.documentId }), check: found.check };
      await storage.set({ [sessionKeys.selection(tabId)]: stored });
      onChecked(tabId, found.check);
      if (pageRead) await showSelectionCheck(tabId, frameId, found.check).catch(onError);
      return found.check;
    },

    async checkQuote(tabId, quote) {
      return (await check(tabId, { text: canonicalText(quote), within: [] }, { pageRead: true })).check;
    },

    async latest(tabId) {
      return (await loadStored(tabId))?.check ?? null;
    },

    async documentCommitted({ tabId, documentId }) {
      const stored = await loadStored(tabId);
      if (stored && (documentId === undefined || stored.documentId !== documentId)) await storage.remove([sessionKeys.selection(tabId)]);
    },

    tabRemoved: (tabId) => storage.remove([sessionKeys.selection(tabId)]),
  };
}
