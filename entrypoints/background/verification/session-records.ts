import type { Verdict } from '../../../lib/verdict/types';
import type { PageProof } from '../../../lib/extract/page-proof';

/**
 * What the worker keeps in `storage.session`. MV3 stops the worker whenever
 * it is idle, so everything a later message needs lives here, not in
 * memory: the session area survives the worker, is cleared with the
 * browser session, and content scripts cannot read it (its default access
 * level is trusted contexts only).
 *
 *   verity.tabs          number[]      the tabs that have a record
 *   verity.tab.TABID     TabRecord     a tab's page and its proofs
 *   verity.proof.KEY     ProofRecord   one distinct proof, shared by every tab that shows it, with its verdict
 *   verity.recent        RecentProof[] proofs no tab shows any more whose records are kept (recent-proofs.ts)
 *   verity.selection.TABID  StoredSelectionCheck  the tab's last "Verify selection" answer, for the popup
 */
export const sessionKeys = {
  tabIndex: 'verity.tabs',
  tab: (tabId: number) => `verity.tab.${tabId}`,
  proof: (key: string) => `verity.proof.${key}`,
  recent: 'verity.recent',
  selection: (tabId: number) => `verity.selection.${tabId}`,
} as const;

/** A proof as the page gave it, without its id: what its verdict depends on. */
export type ProofInput = Omit<PageProof, 'id'>;

/** What a sent proof's verdict depends on. */
export function inputOf({ form, raw, shownText, renderedText, renderingDoubts, links, problem, shownTextComplete }: PageProof): ProofInput {
  return { form, raw, shownText, renderedText, ...(renderingDoubts && { renderingDoubts }), ...(links && { links }), ...(problem && { problem }), ...(shownTextComplete === false && { shownTextComplete }) };
}

/** One proof of a tab: the page's id for it and the key of its ProofRecord. */
export type TabProofRecord = {
  /** Unique in the tab (messaging/frame-proof-id.ts). */
  id: string;
  form: PageProof['form'];
  excerpt: string;
  key: string;
  /** The frame it is in, when not the top frame: the frame's document then, and its address. */
  frame?: ProofFrame;
  /** Its input's size in storage (tab-budget.ts storedSizeOf); absent in records from before budgets. */
  bytes?: number;
  /** Over the tab's stored bytes: listed, its input not kept, its verdict unavailable (tab-budget.ts). */
  refused?: 'storage';
};

export type ProofFrame = { frameId: number; documentId?: string; url: string };

export type TabRecord = {
  url: string;
  /** The document the proofs belong to (Chrome); a message from another document starts afresh. */
  documentId?: string;
  notChecked: number;
  proofs: TabProofRecord[];
  /** A tab of an incognito window: the proofs it no longer shows are not kept among the recent ones. */
  incognito?: true;
};

export type ProofRecord = {
  input: ProofInput;
  verdict?: Verdict;
  /** The stamp of the trust configuration the verdict was made under (see TrustState). */
  trustStamp?: string;
  /** When the verdict was made, ms since the epoch. */
  checkedAt?: number;
};

/** The part of a browser.storage area the worker uses; a Map-backed fake in tests. */
export type SessionStorage = {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
};
