import type { ChainAccess } from '../../../lib/chain/types';
import { maxSnippetsPerPage } from '../../../lib/envelope/limits';
import type { TrustConfig } from '../../../lib/trust/schema';
import type { Verdict } from '../../../lib/verdict/types';
import { tabBadge, type TabBadge } from '../toolbar/badge';
import { MissingTextError } from '../messaging/errors';
import type { Answer, TabState, WorkerMessages } from '../../../messaging/messages';
import type { PageProof } from '../../../lib/extract/page-proof';
import { proofKey } from './proof-key';
import { createSerialRunner } from './serial-runner';
import { inputOf, sessionKeys, type ProofInput, type ProofRecord, type SessionStorage, type TabProofRecord, type TabRecord } from './session-records';
import type { TrustState } from './trust-state';
import { createVerificationPasses, type CreateVerificationPassesParameters, type PassResult, type PassTrust } from './verification-passes';

/** The verification passes' own options, passed through. */
type PassOptions = Pick<CreateVerificationPassesParameters, 'verify' | 'windowMs' | 'maxPerChain' | 'setTimer' | 'signal'>;

export type CreateVerificationServiceParameters = PassOptions & {
  /** browser.storage.session in the worker; a fake in tests. */
  storage: SessionStorage;
  /** The effective trust configuration (see createTrustSource). */
  trust: () => Promise<TrustState>;
  /** createChainAccess; one per pass. */
  createChains: (trust: TrustConfig) => ChainAccess;
  /** Tells a tab's content script (top frame) of a newer verdict; may fail when the tab has none. */
  notifyTab: (tabId: number, update: { id: string; verdict: Verdict }) => Promise<void>;
  /** Sets (or, with null, clears) a tab's toolbar badge. */
  showBadge: (tabId: number, badge: TabBadge | null) => Promise<void>;
  /**
   * Whether `documentId` is the document a tab shows now (webNavigation.getFrame
   * in Chrome): asked only when a message comes from another document than
   * the tab's record, which happens when a page back from the back/forward
   * cache speaks before the worker has heard of its return. Default: never.
   */
  isShownDocument?: ((tabId: number, documentId: string) => Promise<boolean>) | undefined;
  /** The periodic recheck (an alarm): started while some verdict is pending or missing, stopped when none is. */
  recheck: { start(): Promise<void>; stop(): Promise<void> };
  /**
   * Told of final (not pending) verdicts of tabs' proofs as they are made or
   * answered from the cache, for the history; may be told of one twice.
   */
  onVerdicts?: ((verdicts: TabVerdict[]) => void) | undefined;
  /** Failures that have no sender to tell (storing, notifying): logged by the worker. */
  onError?: ((error: unknown) => void) | undefined;
  /** Date.now; replaced in tests. */
  now?: (() => number) | undefined;
  /** How long a final verdict answers new requests before the proof is checked again. Default 30 minutes. */
  cacheTtlMs?: number | undefined;
  /** The same for `unavailable`, which is often a passing fault. Default 1 minute. */
  unavailableTtlMs?: number | undefined;
};

/** Where a content script's message came from. */
export type ContentSender = {
  tabId: number;
  frameId: number | undefined;
  documentId: string | undefined;
  prerendering: boolean;
};

type VerifyProofsRequest = WorkerMessages['verify-proofs']['request'];

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

/** Every proof of a tab, each with a verdict (see tabVerdicts). */
export type TabVerdicts = Omit<TabRecord, 'proofs'> & { proofs: TabVerdict[] };

export type VerificationService = {
  verifyProofs(request: VerifyProofsRequest, sender: ContentSender): Promise<Answer<WorkerMessages, 'verify-proofs'>>;
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
  /**
   * One proof outside any tab (pasted, shared): verified once however often
   * it is asked for at a time, and not kept. Throws MissingTextError for a
   * proof without the text it was shown with.
   */
  verifyStandalone(input: ProofInput): Promise<Verdict>;
  /** A tab's top frame committed a new document: its proofs are gone. */
  documentCommitted(event: { tabId: number; url: string; documentId?: string | undefined }): Promise<void>;
  tabRemoved(tabId: number): Promise<void>;
  /** The alarm: verifies again every pending verdict, and any proof left without a verdict (a pass cut off by a worker stop). */
  recheck(): Promise<void>;
  /** The trust configuration changed: every verdict made under the old one is checked again, and tabs are told. */
  trustChanged(): Promise<void>;
};

export type CreateVerificationServiceReturnType = VerificationService;

export const defaultCacheTtlMs = 30 * 60_000;
export const defaultUnavailableTtlMs = 60_000;
const excerptLength = 160;

/**
 * The worker's state and logic, with every browser API injected. The
 * worker may be stopped between any two events (MV3), so nothing here
 * relies on memory but the verification passes' in-flight work: tabs,
 * proofs and verdicts live in session storage, every request can be
 * repeated (a content script retries after a restart and is answered from
 * what was stored), and work a stop cut off is picked up by the recheck.
 */
export function createVerificationService({
  storage,
  trust,
  createChains,
  notifyTab,
  showBadge,
  recheck,
  isShownDocument = async () => false,
  onVerdicts = () => undefined,
  onError = () => undefined,
  now = Date.now,
  cacheTtlMs = defaultCacheTtlMs,
  unavailableTtlMs = defaultUnavailableTtlMs,
  verify,
  windowMs,
  maxPerChain,
  setTimer,
  signal,
}: CreateVerificationServiceParameters): CreateVerificationServiceReturnType {
  const records = createSerialRunner();
  const queue = createVerificationPasses({ trust, createChains, onPass, verify, windowMs, maxPerChain, setTimer, signal });

  // Reading -------------------------------------------------------------

  async function loadTab(tabId: number): Promise<TabRecord | undefined> {
    return (await storage.get([sessionKeys.tab(tabId)]))[sessionKeys.tab(tabId)] as TabRecord | undefined;
  }

  async function loadTabIndex(): Promise<number[]> {
    return ((await storage.get([sessionKeys.tabIndex]))[sessionKeys.tabIndex] as number[] | undefined) ?? [];
  }

  async function loadTabs(): Promise<Map<number, TabRecord>> {
    const index = await loadTabIndex();
    if (index.length === 0) return new Map();
    const stored = await storage.get(index.map(sessionKeys.tab));
    return new Map(index.flatMap((tabId) => (stored[sessionKeys.tab(tabId)] ? [[tabId, stored[sessionKeys.tab(tabId)] as TabRecord]] : [])));
  }

  async function loadProofs(keys: Iterable<string>): Promise<Map<string, ProofRecord>> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return new Map();
    const stored = await storage.get(unique.map(sessionKeys.proof));
    return new Map(unique.flatMap((key) => (stored[sessionKeys.proof(key)] ? [[key, stored[sessionKeys.proof(key)] as ProofRecord]] : [])));
  }

  /** The verdict to show: one made under the current configuration. */
  const shownVerdict = (record: ProofRecord | undefined, stamp: string): Verdict | undefined =>
    record?.verdict && record.trustStamp === stamp ? record.verdict : undefined;

  /** Whether a stored verdict may answer a new request, or the proof is checked again. */
  function answersRequests(record: ProofRecord | undefined, stamp: string): record is ProofRecord & { verdict: Verdict } {
    const verdict = shownVerdict(record, stamp);
    if (!verdict) return false;
    // A pending verdict is the recheck's to renew.
    if (verdict.state === 'pending') return true;
    const age = now() - (record?.checkedAt ?? 0);
    return age < (verdict.state === 'unavailable' ? unavailableTtlMs : cacheTtlMs);
  }

  /** Whether the recheck has work for a proof: a verdict still pending, or none under the current configuration. */
  function needsRecheck(record: ProofRecord, stamp: string): boolean {
    const verdict = shownVerdict(record, stamp);
    return verdict === undefined || verdict.state === 'pending';
  }

  // Writing (always through `records`, one change at a time) -----------------

  /**
   * Replaces a tab's record (null deletes it), stores the inputs of proofs
   * not stored yet, and deletes the proofs no tab shows any more.
   */
  async function changeTab(
    tabId: number,
    change: (before: TabRecord | undefined) => TabRecord | null,
    inputs: ReadonlyMap<string, ProofInput> = new Map(),
  ): Promise<TabRecord | null> {
    return records.run(async () => {
      const before = await loadTab(tabId);
      const after = change(before);
      if (after === before) return after ?? null;
      const items: Record<string, unknown> = {};
      if (after) items[sessionKeys.tab(tabId)] = after;
      if (!before !== !after) {
        const index = (await loadTabIndex()).filter((id) => id !== tabId);
        items[sessionKeys.tabIndex] = after ? [...index, tabId] : index;
      }
      const kept = new Set(after?.proofs.map((proof) => proof.key));
      const stored = await loadProofs([...inputs.keys()].filter((key) => kept.has(key)));
      for (const [key, input] of inputs) if (kept.has(key) && !stored.has(key)) items[sessionKeys.proof(key)] = { input } satisfies ProofRecord;
      await storage.set(items);
      if (before && !after) await storage.remove([sessionKeys.tab(tabId)]);

      const dropped = new Set(before?.proofs.flatMap((proof) => (kept.has(proof.key) ? [] : [proof.key])));
      if (dropped.size > 0) {
        for (const tab of (await loadTabs()).values()) for (const proof of tab.proofs) dropped.delete(proof.key);
        if (dropped.size > 0) await storage.remove([...dropped].map(sessionKeys.proof));
      }
      return after;
    });
  }

  /** The queue's hook: keeps each verdict, then tells the tabs that show the proof and did not ask. */
  async function onPass(results: PassResult[], passTrust: PassTrust): Promise<void> {
    const { tabs, previous } = await records.run(async () => {
      const previous = await loadProofs(results.map((result) => result.key));
      const items: Record<string, unknown> = {};
      for (const { key, verdict } of results) {
        const record = previous.get(key);
        // No tab shows it any more (closed, navigated, or a frame Verity does not list): nothing to keep.
        if (record) items[sessionKeys.proof(key)] = { input: record.input, verdict, trustStamp: passTrust.stamp, checkedAt: now() } satisfies ProofRecord;
      }
      try {
        await storage.set(items);
      } catch (error) {
        // Over the session quota, say: the answers still go out; only a restart would have to verify again.
        onError(error);
      }
      return { tabs: await loadTabs(), previous };
    });

    const byKey = new Map(results.map((result) => [result.key, result]));
    const touched: [number, TabRecord][] = [];
    const settled: TabVerdict[] = [];
    const checkedAt = now();
    for (const [tabId, tab] of tabs) {
      let touches = false;
      for (const proof of tab.proofs) {
        const result = byKey.get(proof.key);
        if (!result) continue;
        touches = true;
        if (result.verdict.state !== 'pending') settled.push({ tabId, pageUrl: tab.url, proof, input: result.input, verdict: result.verdict, checkedAt });
        const shown = shownVerdict(previous.get(proof.key), passTrust.stamp);
        if (!result.answeredTabs.has(tabId) && (!shown || differs(shown, result.verdict))) {
          notifyTab(tabId, { id: proof.id, verdict: result.verdict }).catch(onError);
        }
      }
      if (touches) touched.push([tabId, tab]);
    }
    if (settled.length > 0) onVerdicts(settled);
    await showBadges(touched, passTrust.stamp);
    if (results.some((result) => result.verdict.state === 'pending')) await recheck.start();
  }

  /** `loaded`: the records of the tabs' proofs, when the caller has just read them. */
  async function showBadges(tabs: readonly [number, TabRecord][], stamp: string, loaded?: ReadonlyMap<string, ProofRecord>): Promise<void> {
    if (tabs.length === 0) return;
    const proofs = loaded ?? (await loadProofs(tabs.flatMap(([, tab]) => tab.proofs.map((proof) => proof.key))));
    await Promise.all(
      tabs.map(([tabId, tab]) =>
        showBadge(
          tabId,
          tabBadge({ states: tab.proofs.map((proof) => shownVerdict(proofs.get(proof.key), stamp)?.state), notChecked: tab.notChecked }),
        ).catch(onError),
      ),
    );
  }

  /** Verifies in the background the proofs that have no verdict under the current configuration and none coming. */
  function resume(keys: Iterable<string>, proofs: ReadonlyMap<string, ProofRecord>, stamp: string): Promise<unknown>[] {
    const started: Promise<unknown>[] = [];
    for (const key of new Set(keys)) {
      const record = proofs.get(key);
      if (!record || shownVerdict(record, stamp) || queue.has(key)) continue;
      started.push(queue.request({ key, input: record.input }).catch(onError));
    }
    return started;
  }

  // Messages ------------------------------------------------------------

  return {
    async verifyProofs(request, { tabId, frameId, documentId, prerendering }) {
      const entries = await Promise.all(request.proofs.map(async (proof) => ({ proof, key: await proofKey(proof) })));
      const inputs = new Map(entries.map(({ proof, key }) => [key, inputOf(proof)]));

      // Only the top frame's proofs are the tab's, and only once the page is shown; others are answered, not listed.
      const listed = frameId === 0 && !prerendering;
      // From another document than the record's: one the tab has left, or one it came back to (bfcache) before the worker heard.
      const returned =
        listed && documentId !== undefined && isOtherDocument(await loadTab(tabId), documentId) && (await isShownDocument(tabId, documentId).catch(() => false));
      const tab = listed
        ? await changeTab(
            tabId,
            (before) => {
              if (!isOtherDocument(before, documentId)) return mergeProofs(before, request, entries, documentId);
              // One the tab came back to starts the record afresh; one it left is answered but not listed.
              return returned ? mergeProofs(undefined, request, entries, documentId) : before!;
            },
            inputs,
          )
        : null;

      const { stamp } = await trust();
      // The tab's badge needs the records of all its proofs: one read serves both.
      const stored = await loadProofs([...inputs.keys(), ...(tab?.proofs.map((proof) => proof.key) ?? [])]);
      const verdicts = new Map<string, Promise<Verdict>>();
      const cached: TabVerdict[] = [];
      for (const [key, input] of inputs) {
        const record = stored.get(key);
        if (!answersRequests(record, stamp)) {
          verdicts.set(key, queue.request({ key, input }, { answeredTab: tabId }));
          continue;
        }
        verdicts.set(key, Promise.resolve(record.verdict));
        if (record.verdict.state === 'pending' || !tab) continue;
        for (const proof of tab.proofs) {
          if (proof.key === key) cached.push({ tabId, pageUrl: tab.url, proof, input, verdict: record.verdict, checkedAt: record.checkedAt ?? now() });
        }
      }
      if (cached.length > 0) onVerdicts(cached);
      if (tab) {
        await showBadges([[tabId, tab]], stamp, stored);
        // Should the worker stop before the pass ends, the alarm finishes it.
        if ([...inputs.keys()].some(queue.has)) await recheck.start();
      }
      return {
        verdicts: await Promise.all(entries.map(async ({ proof, key }) => ({ id: proof.id, verdict: await verdicts.get(key)! }))),
      };
    },

    async forgetProofs(ids, { tabId, frameId, documentId }) {
      if (frameId !== 0) return;
      const gone = new Set(ids);
      const tab = await changeTab(tabId, (before) => {
        if (!before || isOtherDocument(before, documentId)) return before ?? null;
        return { ...before, proofs: before.proofs.filter((proof) => !gone.has(proof.id)) };
      });
      if (tab) await showBadges([[tabId, tab]], (await trust()).stamp);
    },

    async tabState(tabId) {
      const tab = await loadTab(tabId);
      if (!tab) return { url: '', proofs: [], notChecked: 0 };
      const { stamp } = await trust();
      const proofs = await loadProofs(tab.proofs.map((proof) => proof.key));
      resume(
        tab.proofs.map((proof) => proof.key),
        proofs,
        stamp,
      );
      return {
        url: tab.url,
        notChecked: tab.notChecked,
        proofs: tab.proofs.map(({ id, form, excerpt, key }) => {
          const verdict = shownVerdict(proofs.get(key), stamp);
          return verdict ? { id, form, excerpt, verdict } : { id, form, excerpt };
        }),
      };
    },

    async proofDetails(tabId, id) {
      const found = await findProof(tabId, id);
      if (!found) return null;
      const { stamp } = await trust();
      resume([found.key], new Map([[found.key, found.record]]), stamp);
      const verdict = shownVerdict(found.record, stamp);
      const details = { pageUrl: found.url, proof: { id, ...found.record.input } };
      return verdict ? { ...details, verdict } : details;
    },

    async verifyAgain(tabId, id) {
      const found = await findProof(tabId, id);
      if (!found) return null;
      return { verdict: await queue.request({ key: found.key, input: found.record.input }) };
    },

    async tabVerdicts(tabId) {
      const tab = await loadTab(tabId);
      if (!tab) return undefined;
      const { stamp } = await trust();
      const proofs = await loadProofs(tab.proofs.map((proof) => proof.key));
      const verdicts = await Promise.all(
        tab.proofs.map(async (proof): Promise<TabVerdict | undefined> => {
          const record = proofs.get(proof.key);
          // Its record went with a change of the tab in the meantime: the proof went too.
          if (!record) return undefined;
          const shown = shownVerdict(record, stamp);
          const verdict = shown ?? (await queue.request({ key: proof.key, input: record.input }));
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

    async verifyStandalone(input) {
      if (input.shownText === '') throw new MissingTextError('This proof came without the text it is for: Verity needs that text to verify it.');
      const key = await proofKey(input);
      const record = (await loadProofs([key])).get(key);
      // The same proof shown in a tab: its stored verdict answers, as it would the tab.
      if (answersRequests(record, (await trust()).stamp)) return record.verdict;
      return queue.request({ key, input });
    },

    async documentCommitted({ tabId, url, documentId }) {
      const tab = await changeTab(tabId, (before) =>
        before && documentId !== undefined && before.documentId === documentId
          ? before
          : { url, ...(documentId !== undefined && { documentId }), notChecked: 0, proofs: [] },
      );
      if (tab?.proofs.length === 0) await showBadge(tabId, null).catch(onError);
    },

    async tabRemoved(tabId) {
      await changeTab(tabId, () => null);
    },

    async recheck() {
      const tabs = await loadTabs();
      const keys = [...tabs.values()].flatMap((tab) => tab.proofs.map((proof) => proof.key));
      const proofs = await loadProofs(keys);
      const { stamp } = await trust();
      const due = [...proofs].filter(([key, record]) => needsRecheck(record, stamp) && !queue.has(key));
      if (due.length === 0) {
        if (![...proofs.keys()].some(queue.has)) await recheck.stop();
        return;
      }
      await Promise.all(due.map(([key, record]) => queue.request({ key, input: record.input }).catch(onError)));
    },

    async trustChanged() {
      const { stamp } = await trust();
      const tabs = await loadTabs();
      const withProofs = [...tabs].filter(([, tab]) => tab.proofs.length > 0);
      const proofs = await loadProofs(withProofs.flatMap(([, tab]) => tab.proofs.map((proof) => proof.key)));
      // Verdicts made under the old configuration no longer count: the badges say "checking" until the new ones are in.
      await showBadges(withProofs, stamp, proofs);
      const started = resume(proofs.keys(), proofs, stamp);
      if (started.length > 0) await recheck.start();
      await Promise.all(started);
    },
  };

  async function findProof(tabId: number, id: string): Promise<{ url: string; key: string; record: ProofRecord } | undefined> {
    const tab = await loadTab(tabId);
    const proof = tab?.proofs.find((candidate) => candidate.id === id);
    if (!tab || !proof) return undefined;
    const record = (await loadProofs([proof.key])).get(proof.key);
    return record && { url: tab.url, key: proof.key, record };
  }
}

/** Whether a message from `documentId` is about another document than the tab's record (known in Chrome only). */
function isOtherDocument(record: TabRecord | undefined, documentId: string | undefined): boolean {
  return record?.documentId !== undefined && documentId !== undefined && record.documentId !== documentId;
}

/** The tab's proofs with the request's merged in (same id: replaced), up to the per-page cap. */
function mergeProofs(
  before: TabRecord | undefined,
  request: VerifyProofsRequest,
  entries: readonly { proof: PageProof; key: string }[],
  documentId: string | undefined,
): TabRecord {
  const proofs = new Map<string, TabProofRecord>(before?.proofs.map((proof) => [proof.id, proof]));
  for (const { proof, key } of entries) proofs.set(proof.id, { id: proof.id, form: proof.form, excerpt: excerptOf(proof.shownText), key });
  const listed = [...proofs.values()];
  const documentIdNow = documentId ?? before?.documentId;
  return {
    url: request.pageUrl,
    ...(documentIdNow !== undefined && { documentId: documentIdNow }),
    notChecked: request.notChecked + Math.max(0, listed.length - maxSnippetsPerPage),
    proofs: listed.slice(0, maxSnippetsPerPage),
  };
}

/** The start of a snippet's text, cut at a word where one is near. */
export function excerptOf(text: string): string {
  if (text.length <= excerptLength) return text;
  const cut = text.slice(0, excerptLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > excerptLength * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** Whether a tab showing `before` must be told of `after`. */
function differs(before: Verdict, after: Verdict): boolean {
  return before.state !== after.state || before.confidence !== after.confidence || before.summary !== after.summary;
}
