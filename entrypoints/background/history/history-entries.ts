import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { imageHeadline } from '../../../lib/c2pa/image-words';
import type { SelectionCheck, StandaloneResult } from '../../../messaging/messages';
import { proofKey } from '../verification/proof-key';
import { sha256Hex } from '../verification/sha256-hex';
import type { TabVerdict } from '../verification/verification-service';
import type { Verdict } from '../../../lib/verdict/types';
import type { HistoryEntry } from '../../../storage/history-types';

/**
 * History entries for what the worker verified. An entry's id hashes where
 * it was seen and what was checked (a proof's key, or the quote), so the
 * same proof on the same page, or the same quote checked again, updates
 * one entry instead of adding another.
 */

export async function historyEntryId(pageUrl: string, key: string): Promise<string> {
  return (await sha256Hex(JSON.stringify([pageUrl, key]))).slice(0, 32);
}

/** A proof of a page with its final verdict. */
export async function pageHistoryEntry({ pageUrl, proof, input, verdict, checkedAt }: TabVerdict, pageTitle?: string): Promise<HistoryEntry> {
  return {
    id: await historyEntryId(pageUrl, proof.key),
    checkedAt,
    pageUrl,
    ...(pageTitle !== undefined && { pageTitle }),
    source: 'page',
    excerpt: proof.excerpt,
    ...verdictFields(verdict),
    proof: input,
  };
}

/** A selection checked on a page, or a plain text pasted in the popup (then `source` is 'pasted' and the page is the tab's). */
export async function quoteHistoryEntry(check: SelectionCheck, { source, pageTitle }: { source: 'selection' | 'pasted'; pageTitle?: string | undefined }): Promise<HistoryEntry> {
  return {
    id: await historyEntryId(check.pageUrl, `${source}:${check.quote}`),
    checkedAt: check.checkedAt,
    pageUrl: check.pageUrl,
    ...(pageTitle !== undefined && { pageTitle }),
    source,
    excerpt: check.quote,
    ...(check.state !== undefined && { state: check.state }),
    ...(check.confidence !== undefined && { confidence: check.confidence }),
    summary: check.summary,
  };
}

/** A proof verified on its own: pasted in the popup, or opened from a share link (`pageUrl` is the page the link names, if any). */
export async function standaloneHistoryEntry(
  { proof: { id: _id, ...input }, verdict }: StandaloneResult,
  { source, checkedAt, pageUrl = '' }: { source: 'pasted' | 'shared'; checkedAt: number; pageUrl?: string | undefined },
): Promise<HistoryEntry> {
  return {
    id: await historyEntryId(pageUrl, await proofKey(input)),
    checkedAt,
    pageUrl,
    source,
    excerpt: input.shownText || (verdict.text.signed ?? ''),
    ...verdictFields(verdict),
    proof: input,
  };
}

/** An image checked on a page (its badge) or in the inspector (a share link: `pageUrl` is the link's claim). */
export type ImageCheckRecord = { imageUrl: string; pageUrl: string; verdict: ImageVerdict; source: 'page' | 'shared'; checkedAt: number };

/** An image's Content Credentials as checked: one entry per page and image. */
export async function imageHistoryEntry({ imageUrl, pageUrl, verdict, source, checkedAt }: ImageCheckRecord, pageTitle?: string): Promise<HistoryEntry> {
  const signer = verdict.claims?.signer;
  return {
    id: await historyEntryId(pageUrl, `image:${imageUrl}`),
    checkedAt,
    pageUrl,
    ...(pageTitle !== undefined && { pageTitle }),
    source,
    excerpt: imageUrl,
    state: verdict.state,
    summary: imageHeadline(verdict),
    image: { url: imageUrl, ...(signer !== undefined && { signer }) },
  };
}

function verdictFields({ state, confidence, proofType, summary, facts }: Verdict): Pick<HistoryEntry, 'state' | 'confidence' | 'proofType' | 'summary' | 'model'> {
  return { state, confidence, proofType, summary, ...(facts.model !== undefined && { model: facts.model }) };
}
