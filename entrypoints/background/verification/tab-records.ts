import { maxSnippetsPerPage } from '../../../lib/envelope/limits';
import type { PageProof } from '../../../lib/extract/page-proof';
import type { Verdict } from '../../../lib/verdict/types';
import type { WorkerMessages } from '../../../messaging/messages';
import { frameProofId, tabProofId } from '../../../messaging/frame-proof-id';
import { keepRecent, type RecentProof } from './recent-proofs';
import { createSerialRunner } from './serial-runner';
import { sessionKeys, type ProofFrame, type ProofInput, type ProofRecord, type SessionStorage, type TabProofRecord, type TabRecord } from './session-records';

const excerptLength = 160;

export type CreateTabRecordsParameters = {
  /** browser.storage.session in the worker; a fake in tests. */
  storage: SessionStorage;
  /** Date.now, or a test's clock: when a verdict kept was made. */
  now: () => number;
  /** A failure to keep verdicts, which does not stop them going out. */
  onError: (error: unknown) => void;
};

export type TabRecords = {
  tab(tabId: number): Promise<TabRecord | undefined>;
  /** Every tab's record, by tab. */
  tabs(): Promise<Map<number, TabRecord>>;
  /** The stored records of these proof keys, by key; a key without one is left out. */
  proofs(keys: Iterable<string>): Promise<Map<string, ProofRecord>>;
  /**
   * Replaces a tab's record (null deletes it), stores the inputs of proofs
   * not stored yet, and keeps the proofs no tab shows any more among the
   * recent ones or deletes them (recent-proofs.ts).
   */
  change(tabId: number, change: (before: TabRecord | undefined) => TabRecord | null, inputs?: ReadonlyMap<string, ProofInput>): Promise<TabRecord | null>;
  /**
   * Keeps the verdicts of a pass, made under the trust configuration
   * stamped `stamp`, for the proofs that still have a record; then reads every
   * tab's record, and the proofs' records as they were before.
   */
  keepVerdicts(
    verdicts: readonly { key: string; verdict: Verdict }[],
    stamp: string,
  ): Promise<{ tabs: Map<number, TabRecord>; previous: Map<string, ProofRecord> }>;
};

export type CreateTabRecordsReturnType = TabRecords;

/**
 * The worker's records of tabs and their proofs in session storage (see
 * session-records). storage.session has no transactions, so every change
 * goes through one serial runner: two messages from the same tab cannot
 * interleave and lose each other's proofs.
 */
export function createTabRecords({ storage, now, onError }: CreateTabRecordsParameters): CreateTabRecordsReturnType {
  const changes = createSerialRunner();

  async function tab(tabId: number): Promise<TabRecord | undefined> {
    return (await storage.get([sessionKeys.tab(tabId)]))[sessionKeys.tab(tabId)] as TabRecord | undefined;
  }

  async function tabIndex(): Promise<number[]> {
    return ((await storage.get([sessionKeys.tabIndex]))[sessionKeys.tabIndex] as number[] | undefined) ?? [];
  }

  async function tabs(): Promise<Map<number, TabRecord>> {
    const index = await tabIndex();
    if (index.length === 0) return new Map();
    const stored = await storage.get(index.map(sessionKeys.tab));
    return new Map(index.flatMap((tabId) => (stored[sessionKeys.tab(tabId)] ? [[tabId, stored[sessionKeys.tab(tabId)] as TabRecord]] : [])));
  }

  async function proofs(keys: Iterable<string>): Promise<Map<string, ProofRecord>> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return new Map();
    const stored = await storage.get(unique.map(sessionKeys.proof));
    return new Map(unique.flatMap((key) => (stored[sessionKeys.proof(key)] ? [[key, stored[sessionKeys.proof(key)] as ProofRecord]] : [])));
  }

  return {
    tab,
    tabs,
    proofs,
    change(tabId, change, inputs = new Map()) {
      return changes.run(async () => {
        const before = await tab(tabId);
        const after = change(before);
        if (after === before) return after ?? null;
        const items: Record<string, unknown> = {};
        if (after) items[sessionKeys.tab(tabId)] = after;
        if (!before !== !after) {
          const index = (await tabIndex()).filter((id) => id !== tabId);
          items[sessionKeys.tabIndex] = after ? [...index, tabId] : index;
        }
        const kept = new Set(after?.proofs.map((proof) => proof.key));
        const listed = [...inputs.keys()].filter((key) => kept.has(key));
        const found = await storage.get([...listed.map(sessionKeys.proof), sessionKeys.recent]);
        const shownAgain = listed.filter((key) => found[sessionKeys.proof(key)] !== undefined);
        for (const key of listed) if (!found[sessionKeys.proof(key)]) items[sessionKeys.proof(key)] = { input: inputs.get(key)! } satisfies ProofRecord;
        await storage.set(items);
        if (before && !after) await storage.remove([sessionKeys.tab(tabId)]);

        const dropped = new Set(before?.proofs.flatMap((proof) => (kept.has(proof.key) ? [] : [proof.key])));
        if (dropped.size > 0) for (const other of (await tabs()).values()) for (const proof of other.proofs) dropped.delete(proof.key);
        const recent = (found[sessionKeys.recent] as RecentProof[] | undefined) ?? [];
        const recentKeys = new Set(recent.map(([key]) => key));
        if (dropped.size > 0 || shownAgain.some((key) => recentKeys.has(key))) {
          // Nothing an incognito tab showed outlives it: without its record, a dropped proof is not kept.
          const records = before?.incognito ? new Map<string, ProofRecord>() : await proofs(dropped);
          const next = keepRecent({ recent, dropped: new Map([...dropped].map((key) => [key, records.get(key)])), shownAgain });
          await storage.set({ [sessionKeys.recent]: next.recent });
          if (next.removed.length > 0) await storage.remove(next.removed.map(sessionKeys.proof));
        }
        return after;
      });
    },
    keepVerdicts(verdicts, stamp) {
      return changes.run(async () => {
        const previous = await proofs(verdicts.map((verdict) => verdict.key));
        const items: Record<string, unknown> = {};
        for (const { key, verdict } of verdicts) {
          const record = previous.get(key);
          // No tab shows it any more (closed, navigated, or a frame Verity does not list), and its record went: nothing to keep.
          if (record) items[sessionKeys.proof(key)] = { input: record.input, verdict, trustStamp: stamp, checkedAt: now() } satisfies ProofRecord;
        }
        try {
          await storage.set(items);
        } catch (error) {
          // Over the session quota, say: the answers still go out; only a restart would have to verify again.
          onError(error);
        }
        return { tabs: await tabs(), previous };
      });
    },
  };
}

/** Whether a message from `documentId` is about another document than the tab's record (known in Chrome only). */
export function isOtherDocument(record: TabRecord | undefined, documentId: string | undefined): boolean {
  return record?.documentId !== undefined && documentId !== undefined && record.documentId !== documentId;
}

/** The tab's proofs with the request's merged in (same id: replaced), up to the per-page cap. */
export function mergeProofs(
  before: TabRecord | undefined,
  request: WorkerMessages['verify-proofs']['request'],
  entries: readonly ListedEntry[],
  documentId: string | undefined,
): TabRecord {
  const proofs = new Map<string, TabProofRecord>(before?.proofs.map((proof) => [proof.id, proof]));
  for (const entry of entries) proofs.set(entry.proof.id, listed(entry.proof.id, entry));
  const inOrder = [...proofs.values()].sort(inPageOrder);
  const documentIdNow = documentId ?? before?.documentId;
  return {
    url: request.pageUrl,
    ...(documentIdNow !== undefined && { documentId: documentIdNow }),
    notChecked: request.notChecked + Math.max(0, inOrder.length - maxSnippetsPerPage),
    proofs: inOrder.slice(0, maxSnippetsPerPage),
  };
}

/** A proof a content script sent, as it is listed: its key, size, and whether the tab's budget refused it. */
export type ListedEntry = {
  proof: PageProof;
  key: string;
  bytes?: number | undefined;
  refused?: 'storage' | undefined;
  /** The tab listed this proof before with another key: the page rewrote it. */
  rewrite?: boolean | undefined;
};

function listed(id: string, { proof, key, bytes, refused }: ListedEntry): TabProofRecord {
  return { id, form: proof.form, excerpt: excerptOf(proof.shownText), key, ...(bytes !== undefined && { bytes }), ...(refused && { refused }) };
}

/**
 * The tab's proofs with a frame's merged in, under tab-unique ids. A frame
 * that shows another document than before has lost its earlier proofs; the
 * tab's own page and its proofs stay as they are.
 */
export function mergeFrameProofs(
  before: TabRecord | undefined,
  entries: readonly ListedEntry[],
  frame: ProofFrame,
): TabRecord {
  const stale = (proof: TabProofRecord): boolean => proof.frame?.frameId === frame.frameId && proof.frame.documentId !== frame.documentId;
  const proofs = new Map<string, TabProofRecord>(before?.proofs.filter((proof) => !stale(proof)).map((proof) => [proof.id, proof]));
  for (const entry of entries) {
    const id = tabProofId(frame.frameId, entry.proof.id);
    proofs.set(id, { ...listed(id, entry), frame });
  }
  const inOrder = [...proofs.values()].sort(inPageOrder);
  return {
    // The top frame's page, once it has told; until then the tab's page is not known.
    url: before?.url ?? '',
    ...(before?.documentId !== undefined && { documentId: before.documentId }),
    // The page's count (a frame's own cap is its content script's, and not counted here).
    notChecked: before?.notChecked ?? 0,
    proofs: inOrder.slice(0, maxSnippetsPerPage),
  };
}

/**
 * The order the popup and reports list a tab's proofs in: the top frame's,
 * then each frame's, each in the order its content script found them (the
 * number in `p12`), which is the page's order for what was there at load.
 * Not the order they arrived: those near the viewport are sent first.
 */
function inPageOrder(a: TabProofRecord, b: TabProofRecord): number {
  const [left, right] = [frameProofId(a.id), frameProofId(b.id)];
  return left.frameId - right.frameId || foundNumber(left.id) - foundNumber(right.id);
}

const foundNumber = (id: string): number => Number(/^p(\d+)$/.exec(id)?.[1] ?? Number.MAX_SAFE_INTEGER);

/** The start of a snippet's text, cut at a word where one is near. */
export function excerptOf(text: string): string {
  if (text.length <= excerptLength) return text;
  const cut = text.slice(0, excerptLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > excerptLength * 0.6 ? cut.slice(0, space) : cut}…`;
}
