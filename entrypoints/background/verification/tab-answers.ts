import type { Verdict } from '../../../lib/verdict/types';
import { tabProofId } from '../../../messaging/frame-proof-id';
import type { Answer, TabState, WorkerMessages } from '../../../messaging/messages';
import { proofKey } from './proof-key';
import { inputOf, type ProofInput, type ProofRecord, type TabProofRecord, type TabRecord } from './session-records';
import { createSerialRunner } from './serial-runner';
import { overBudgetVerdict, proofsOverStorage, storedSizeOf, type TabBudgets } from './tab-budget';
import type { ShowTabBadges } from './tab-badges';
import { isOtherDocument, mergeFrameProofs, mergeProofs, type ListedEntry, type TabRecords } from './tab-records';
import type { TrustState } from './trust-state';
import type { VerdictCache } from './verdict-cache';
import type { VerificationPasses } from './verification-passes';

/** Where a content script's message came from. */
export type ContentSender = {
  tabId: number;
  frameId: number | undefined;
  documentId: string | undefined;
  prerendering: boolean;
  /** In an incognito window: the tab's proofs are not kept once it no longer shows them. */
  incognito?: boolean | undefined;
};

/** One proof of a tab with the verdict it has under the current trust configuration. */
export type TabVerdict = {
  tabId: number;
  pageUrl: string;
  proof: TabProofRecord;
  input: ProofInput;
  verdict: Verdict;
  /** When the verdict was made, ms since the epoch. */
  checkedAt: number;
};

/** A proof the tab lists, with its verdict: its input null when the tab's stored bytes refused it (not kept, not checked). */
export type ListedVerdict = Omit<TabVerdict, 'input'> & { input: ProofInput | null };

/** Every proof of a tab, each with a verdict (see tabVerdicts). */
export type TabVerdicts = Omit<TabRecord, 'proofs'> & { proofs: ListedVerdict[] };

export type TabAnswers = {
  verifyProofs(request: WorkerMessages['verify-proofs']['request'], sender: ContentSender): Promise<Answer<WorkerMessages, 'verify-proofs'>>;
  forgetProofs(ids: readonly string[], sender: ContentSender): Promise<void>;
  tabState(tabId: number): Promise<TabState>;
  proofDetails(tabId: number, id: string): Promise<Answer<WorkerMessages, 'proof-details'>>;
  verifyAgain(tabId: number, id: string): Promise<Answer<WorkerMessages, 'verify-again'>>;
  /**
   * Every proof of a tab with a verdict: those without one under the current
   * configuration are verified first, and waited for (a pending verdict is a
   * verdict). Undefined when the worker knows no page in the tab.
   */
  tabVerdicts(tabId: number): Promise<TabVerdicts | undefined>;
};

export type CreateTabAnswersParameters = {
  records: Pick<TabRecords, 'tab' | 'proofs' | 'change' | 'keepVerdicts'>;
  /** Each tab's share of the worker (tab-budget.ts). */
  budgets: TabBudgets;
  cache: Pick<VerdictCache, 'shown' | 'answersRequests'>;
  passes: VerificationPasses;
  showBadges: ShowTabBadges;
  trust: () => Promise<TrustState>;
  /** Whether `documentId` is the document a tab shows now (see CreateVerificationServiceParameters). */
  isShownDocument: (tabId: number, documentId: string) => Promise<boolean>;
  /** The frames a tab has now, by id, with their documents where known (see CreateVerificationServiceParameters). */
  liveFrames: (tabId: number) => Promise<ReadonlyMap<number, string | undefined> | undefined>;
  /** Told of final verdicts answered from the cache, for the history. */
  onVerdicts: (verdicts: TabVerdict[]) => void;
  /** Started while a tab's proofs are being verified, so a worker stop does not leave them without a verdict. */
  recheck: { start(): Promise<void> };
  /** Verifies in the background the proofs that have no verdict under configuration `stamp` and none coming. */
  resume: (keys: Iterable<string>, proofs: ReadonlyMap<string, ProofRecord>, stamp: string) => Promise<unknown>[];
  now: () => number;
};

export type CreateTabAnswersReturnType = TabAnswers;

/**
 * The service's answers about a tab's proofs: to its content script (verify
 * these, forget those), to the popup, the inspector and the report. Every
 * answer comes from the stored records, so a restarted worker gives the
 * same; a proof without a fresh verdict is asked of the passes.
 */
export function createTabAnswers({
  records,
  cache,
  passes,
  budgets,
  showBadges,
  trust,
  isShownDocument,
  liveFrames,
  onVerdicts,
  recheck,
  resume,
  now,
}: CreateTabAnswersParameters): CreateTabAnswersReturnType {
  // Content scripts' messages change the tab's list in the order they came: a forget never overtaken by the verify sent before it.
  const arrivals = createSerialRunner();

  /**
   * A tab's record without the proofs of frames it no longer has: a frame
   * taken out of the page says nothing as it goes.
   */
  async function currentTab(tabId: number): Promise<TabRecord | undefined> {
    const tab = await records.tab(tabId);
    if (!tab?.proofs.some((proof) => proof.frame)) return tab;
    const frames = await liveFrames(tabId).catch(() => undefined);
    if (frames === undefined) return tab;
    const gone = ({ frame }: TabProofRecord): boolean => {
      if (frame === undefined) return false;
      if (!frames.has(frame.frameId)) return true;
      const documentNow = frames.get(frame.frameId);
      return frame.documentId !== undefined && documentNow !== undefined && documentNow !== frame.documentId;
    };
    if (!tab.proofs.some(gone)) return tab;
    const after = await records.change(tabId, (before) => (before ? { ...before, proofs: before.proofs.filter((proof) => !gone(proof)) } : null));
    if (after) await showBadges([[tabId, after]], (await trust()).stamp);
    return after ?? undefined;
  }

  /** The proofs' keys, and the tab's record with them listed (null when they are answered, not listed). */
  async function listProofs(
    request: WorkerMessages['verify-proofs']['request'],
    { tabId, frameId, documentId, prerendering, incognito = false }: ContentSender,
  ): Promise<{ entries: ListedEntry[]; inputs: Map<string, ProofInput>; tab: TabRecord | null }> {
    const entries: ListedEntry[] = await Promise.all(request.proofs.map(async (proof) => ({ proof, key: await proofKey(proof), bytes: storedSizeOf(inputOf(proof)) })));
    const inputs = new Map(entries.map(({ proof, key }) => [key, inputOf(proof)]));
    /** The entries, those over the tab's stored bytes marked, their inputs kept out of storage (read by records.change after this runs). */
    const withinBudget = (base: TabRecord | undefined, idOf: (id: string) => string): ListedEntry[] => {
      const over = proofsOverStorage(base, entries.map((entry) => ({ id: idOf(entry.proof.id), bytes: entry.bytes ?? 0 })), budgets.storedBytes);
      const listedKeys = new Map(base?.proofs.map((proof) => [proof.id, proof.key]));
      for (const entry of entries) {
        entry.refused = over.has(idOf(entry.proof.id)) ? 'storage' : undefined;
        const listedKey = listedKeys.get(idOf(entry.proof.id));
        entry.rewrite = listedKey !== undefined && listedKey !== entry.key;
      }
      const admitted = new Set(entries.flatMap((entry) => (entry.refused ? [] : [entry.key])));
      for (const entry of entries) if (entry.refused && !admitted.has(entry.key)) inputs.delete(entry.key);
      return entries;
    };
    // Every frame's proofs are the tab's, once the page is shown; a prerendered page's are answered, not listed.
    const listed = frameId !== undefined && !prerendering;
    const top = frameId === 0;
    // From another document than the record's: one the tab has left, or one it came back to (bfcache) before the worker heard.
    const returned =
      listed && top && documentId !== undefined && isOtherDocument(await records.tab(tabId), documentId) && (await isShownDocument(tabId, documentId).catch(() => false));
    const ofWindow = (record: TabRecord): TabRecord => (incognito ? { ...record, incognito: true } : record);
    const tab = !listed
      ? null
      : !top
        ? await records.change(
            tabId,
            (before) =>
              ofWindow(mergeFrameProofs(before, withinBudget(before, (id) => tabProofId(frameId, id)), { frameId, ...(documentId !== undefined && { documentId }), url: request.pageUrl })),
            inputs,
          )
        : await records.change(
            tabId,
            (before) => {
              // A new document (the reader navigated or reloaded) starts with the tab's whole rate again.
              if (before === undefined) budgets.tabRemoved(tabId);
              if (!isOtherDocument(before, documentId)) return ofWindow(mergeProofs(before, request, withinBudget(before, (id) => id), documentId));
              // One the tab came back to starts the record afresh; one it left is answered but not listed.
              if (returned) budgets.tabRemoved(tabId);
              return returned ? ofWindow(mergeProofs(undefined, request, withinBudget(undefined, (id) => id), documentId)) : before!;
            },
            inputs,
          );
    return { entries, inputs, tab };
  }

  async function findProof(tabId: number, id: string): Promise<{ url: string; key: string; record: ProofRecord } | undefined> {
    const tab = await records.tab(tabId);
    const proof = tab?.proofs.find((candidate) => candidate.id === id);
    if (!tab || !proof) return undefined;
    const record = (await records.proofs([proof.key])).get(proof.key);
    return record && { url: tab.url, key: proof.key, record };
  }

  return {
    async verifyProofs(request, sender) {
      const { entries, inputs, tab } = await arrivals.run(() => listProofs(request, sender));
      const { tabId } = sender;

      const { stamp } = await trust();
      // The tab's badge needs the records of all its proofs: one read serves both.
      const stored = await records.proofs([...inputs.keys(), ...(tab?.proofs.map((proof) => proof.key) ?? [])]);
      const verdicts = new Map<string, Promise<Verdict>>();
      const cached: TabVerdict[] = [];
      const overRate: { key: string; verdict: Verdict }[] = [];
      // A rewritten proof's own rewrites, by its id in its frame.
      const rewrites = new Map(entries.flatMap((entry) => (entry.rewrite ? [[entry.key, `${sender.frameId ?? 0}:${entry.proof.id}`] as const] : [])));
      for (const [key, input] of inputs) {
        const record = stored.get(key);
        if (!cache.answersRequests(record, stamp)) {
          // A verification already under way costs the tab nothing more; a new one comes out of its rate.
          if (passes.has(key) || budgets.takeVerification(tabId, { rewriteOf: rewrites.get(key) })) {
            verdicts.set(key, budgets.inFlight(tabId, () => passes.request({ key, input }, { answeredTab: tabId })));
          } else {
            overRate.push({ key, verdict: overBudgetVerdict('rate', input.shownText) });
            verdicts.set(key, Promise.resolve(overRate.at(-1)!.verdict));
          }
          continue;
        }
        verdicts.set(key, Promise.resolve(record.verdict));
        if (record.verdict.state === 'pending' || !tab) continue;
        for (const proof of tab.proofs) {
          if (proof.key === key) cached.push({ tabId, pageUrl: tab.url, proof, input, verdict: record.verdict, checkedAt: record.checkedAt ?? now() });
        }
      }
      if (cached.length > 0) onVerdicts(cached);
      // Kept like any verdict (unavailable ones answer for a minute), so the popup and toolbar show what the page shows.
      if (overRate.length > 0 && tab) await records.keepVerdicts(overRate, stamp);
      if (tab) {
        await showBadges([[tabId, tab]], stamp, stored);
        // Should the worker stop before the pass ends, the alarm finishes it.
        if ([...inputs.keys()].some(passes.has)) await recheck.start();
      }
      return {
        verdicts: await Promise.all(
          entries.map(async ({ proof, key, refused }) => ({ id: proof.id, verdict: refused ? overBudgetVerdict(refused, proof.shownText) : await verdicts.get(key)! })),
        ),
      };
    },

    async forgetProofs(ids, { tabId, frameId, documentId }) {
      if (frameId === undefined) return;
      const gone = new Set(ids.map((id) => tabProofId(frameId, id)));
      const tab = await arrivals.run(() => records.change(tabId, (before) => {
        if (!before || (frameId === 0 && isOtherDocument(before, documentId))) return before ?? null;
        // A frame's message about a document it has left changes nothing.
        const ofSender = (proof: TabProofRecord): boolean => frameId === 0 || proof.frame?.documentId === documentId;
        return { ...before, proofs: before.proofs.filter((proof) => !(gone.has(proof.id) && ofSender(proof))) };
      }));
      if (tab) await showBadges([[tabId, tab]], (await trust()).stamp);
    },

    async tabState(tabId) {
      const tab = await currentTab(tabId);
      if (!tab) return { url: '', proofs: [], notChecked: 0 };
      const { stamp } = await trust();
      const proofs = await records.proofs(tab.proofs.map((proof) => proof.key));
      resume(
        tab.proofs.map((proof) => proof.key),
        proofs,
        stamp,
      );
      return {
        url: tab.url,
        notChecked: tab.notChecked,
        proofs: tab.proofs.map(({ id, form, excerpt, key, frame, refused }) => {
          const verdict = refused ? overBudgetVerdict(refused, excerpt) : cache.shown(proofs.get(key), stamp);
          return { id, form, excerpt, ...(verdict && { verdict }), ...(frame && { frameUrl: frame.url }), ...(refused === 'storage' && { kept: false as const }) };
        }),
      };
    },

    async proofDetails(tabId, id) {
      const found = await findProof(tabId, id);
      if (!found) return null;
      const { stamp } = await trust();
      resume([found.key], new Map([[found.key, found.record]]), stamp);
      const verdict = cache.shown(found.record, stamp);
      const details = { pageUrl: found.url, proof: { id, ...found.record.input } };
      return verdict ? { ...details, verdict } : details;
    },

    async verifyAgain(tabId, id) {
      const found = await findProof(tabId, id);
      if (!found) return null;
      return { verdict: await passes.request({ key: found.key, input: found.record.input }) };
    },

    async tabVerdicts(tabId) {
      const tab = await currentTab(tabId);
      if (!tab) return undefined;
      const { stamp } = await trust();
      const proofs = await records.proofs(tab.proofs.map((proof) => proof.key));
      const verdicts = await Promise.all(
        tab.proofs.map(async (proof): Promise<ListedVerdict | undefined> => {
          // Listed, so counted wherever the tab's proofs are: unavailable, never another proof's verdict under the same key.
          if (proof.refused) return { tabId, pageUrl: tab.url, proof, input: null, verdict: overBudgetVerdict(proof.refused, proof.excerpt), checkedAt: now() };
          const record = proofs.get(proof.key);
          // Its record went with a change of the tab in the meantime: the proof went too.
          if (!record) return undefined;
          const shown = cache.shown(record, stamp);
          const verdict = shown ?? (await budgets.inFlight(tabId, () => passes.request({ key: proof.key, input: record.input })));
          return { tabId, pageUrl: tab.url, proof, input: record.input, verdict, checkedAt: (shown && record.checkedAt) ?? now() };
        }),
      );
      return {
        url: tab.url,
        ...(tab.documentId !== undefined && { documentId: tab.documentId }),
        notChecked: tab.notChecked,
        proofs: verdicts.filter((verdict) => verdict !== undefined),
      };
    },
  };
}
