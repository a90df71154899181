import type { ProofType } from '../lib/envelope/schema';
import type { PageProof } from '../lib/extract/page-proof';
import type { VerdictState } from '../lib/verdict/states';

/**
 * The history: a local log of what Verity verified, kept in
 * `browser.storage.local` only (never sent anywhere), pruned by the
 * retention setting, and cleared on request. Written by the worker,
 * read and cleared by the history page.
 */
export const historyKeys = {
  /** HistoryEntry[], newest first. */
  entries: 'verity.history',
  /** HistorySettings. */
  settings: 'verity.history.settings',
} as const;

export type HistoryEntry = {
  /** Unique and stable: the same proof on the same page updates its entry. */
  id: string;
  /** When the verdict was made, ms since the epoch. */
  checkedAt: number;
  /** Where it was found: a page address, or "" for material pasted in the popup. */
  pageUrl: string;
  pageTitle?: string;
  /** How it came to be checked. */
  source: 'page' | 'selection' | 'pasted' | 'shared';
  /** The start of the snippet's text (or the selected or pasted text). */
  excerpt: string;
  /** Absent for a selection or pasted text no proof signs. */
  state?: VerdictState;
  confidence?: number;
  proofType?: ProofType | null;
  /** The model the proof names, to search by. */
  model?: string;
  /** A one-line answer, as the card or popup gave it. */
  summary: string;
  /**
   * The proof, to verify it again from the history (as a share link does);
   * left out when it is larger than historyProofLimit.
   */
  proof?: Omit<PageProof, 'id'>;
  /** For an image's Content Credentials (spec §9): the image, checked again from the history by its address. */
  image?: HistoryImage;
};

export type HistoryImage = {
  url: string;
  /** The signing certificate's name, as the manifest's signature gives it. */
  signer?: string;
};

export type HistorySettings = {
  /** Record what is verified at all. */
  enabled: boolean;
  /** Entries older than this many days are deleted; null keeps them until cleared. */
  retentionDays: number | null;
};

export const defaultHistorySettings: HistorySettings = { enabled: true, retentionDays: 30 };

/** The retention choices the history page offers. */
export const retentionChoices: readonly (number | null)[] = [1, 7, 30, 90, 365, null];
