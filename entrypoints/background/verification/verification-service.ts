import type { ChainAccess } from '../../../lib/chain/types';
import type { TrustConfig } from '../../../lib/trust/schema';
import type { Verdict } from '../../../lib/verdict/types';
import type { TabBadge } from '../toolbar/badge';
import { MissingTextError } from '../messaging/errors';
import { createPassResultsHandler } from './pass-results';
import { proofKey } from './proof-key';
import type { ProofInput, ProofRecord, SessionStorage, TabProofRecord } from './session-records';
import { createTabBudgets, tabBudget, type TabBudget } from './tab-budget';
import { createTabAnswers, type TabAnswers, type TabVerdict } from './tab-answers';
import { createTabBadges } from './tab-badges';
import { createTabRecords } from './tab-records';
import type { TrustState } from './trust-state';
import { createVerdictCache, defaultCacheTtlMs, defaultUnavailableTtlMs } from './verdict-cache';
import { createVerificationPasses, type CreateVerificationPassesParameters } from './verification-passes';

export type { ContentSender, TabVerdict, TabVerdicts } from './tab-answers';

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
  /**
   * The frames a tab has now (webNavigation.getAllFrames), by frame id, with
   * each one's document where the browser tells it; undefined when unknown.
   * Proofs of frames no longer there are dropped from the tab's list.
   * Default: unknown, so frames' proofs stay until their page goes.
   */
  liveFrames?: ((tabId: number) => Promise<ReadonlyMap<number, string | undefined> | undefined>) | undefined;
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
  /** Each tab's share of the worker; tabBudget unless a test says otherwise. */
  budget?: TabBudget | undefined;
};

export type VerificationService = TabAnswers & {
  /**
   * One proof outside any tab (pasted, shared): verified once however often
   * it is asked for at a time, and not kept. Throws MissingTextError for a
   * proof without the text it was shown with.
   */
  verifyStandalone(input: ProofInput): Promise<Verdict>;
  /** A frame of a tab (not the top one) committed a new document: the proofs of the one before are gone. */
  frameCommitted(event: { tabId: number; frameId: number; documentId?: string | undefined }): Promise<void>;
  /** A tab's top frame committed a new document: its proofs are gone. */
  documentCommitted(event: { tabId: number; url: string; documentId?: string | undefined }): Promise<void>;
  tabRemoved(tabId: number): Promise<void>;
  /** The alarm: verifies again every pending verdict, and any proof left without a verdict (a pass cut off by a worker stop). */
  recheck(): Promise<void>;
  /** The trust configuration changed: every verdict made under the old one is checked again, and tabs are told. */
  trustChanged(): Promise<void>;
};

export type CreateVerificationServiceReturnType = VerificationService;

/**
 * The worker's state and logic, with every browser API injected. The
 * worker may be stopped between any two events (MV3), so nothing here
 * relies on memory but the verification passes' in-flight work: tabs,
 * proofs and verdicts live in session storage (tab-records), every request
 * can be repeated (a content script retries after a restart and is
 * answered from what was stored: verdict-cache, tab-answers), and work a
 * stop cut off is picked up by the recheck. A pass's verdicts are kept and
 * told by pass-results. Passes not started when `signal` aborts never start.
 */
export function createVerificationService({
  storage,
  trust,
  createChains,
  notifyTab,
  showBadge,
  recheck,
  isShownDocument = async () => false,
  liveFrames = async () => undefined,
  onVerdicts = () => undefined,
  onError = () => undefined,
  now = Date.now,
  cacheTtlMs = defaultCacheTtlMs,
  unavailableTtlMs = defaultUnavailableTtlMs,
  budget = tabBudget,
  verify,
  windowMs,
  maxPerChain,
  setTimer,
  signal,
}: CreateVerificationServiceParameters): CreateVerificationServiceReturnType {
  const records = createTabRecords({ storage, now, onError });
  const cache = createVerdictCache({ now, cacheTtlMs, unavailableTtlMs });
  const showBadges = createTabBadges({ records, cache, showBadge, onError });
  const onPass = createPassResultsHandler({ records, cache, showBadges, notifyTab, onVerdicts, recheck, onError, now });
  const passes = createVerificationPasses({ trust, createChains, onPass, verify, windowMs, maxPerChain, setTimer, signal });

  /** Verifies in the background the proofs that have no verdict under the current configuration and none coming. */
  function resume(keys: Iterable<string>, proofs: ReadonlyMap<string, ProofRecord>, stamp: string): Promise<unknown>[] {
    const started: Promise<unknown>[] = [];
    for (const key of new Set(keys)) {
      const record = proofs.get(key);
      if (!record || cache.shown(record, stamp) || passes.has(key)) continue;
      started.push(passes.request({ key, input: record.input }).catch(onError));
    }
    return started;
  }

  /** Verdicts for proofs of no tab under way, by the request's JSON. */
  const standaloneInFlight = new Map<string, Promise<Verdict>>();

  async function standaloneVerdict(input: ProofInput): Promise<Verdict> {
    const key = await proofKey(input);
    const record = (await records.proofs([key])).get(key);
    // The same proof shown in a tab: its stored verdict answers, as it would the tab.
    if (cache.answersRequests(record, (await trust()).stamp)) return record.verdict;
    return passes.request({ key, input });
  }

  const budgets = createTabBudgets({ now, budget });
  const tabAnswers = createTabAnswers({ records, cache, passes, budgets, showBadges, trust, isShownDocument, liveFrames, onVerdicts, recheck, resume, now });

  return {
    ...tabAnswers,

    verifyStandalone(input) {
      if (input.shownText === '') return Promise.reject(new MissingTextError('This proof came without the text it is for: Verity needs that text to verify it.'));
      // The same request again while one is under way shares it, decided before any await: its key is a hash, which takes a turn.
      const asked = JSON.stringify(input);
      let verdict = standaloneInFlight.get(asked);
      if (verdict === undefined) {
        verdict = standaloneVerdict(input).finally(() => standaloneInFlight.delete(asked));
        standaloneInFlight.set(asked, verdict);
      }
      return verdict;
    },

    async documentCommitted({ tabId, url, documentId }) {
      // The reader navigated or reloaded: the new document starts with the tab's whole rate.
      budgets.tabRemoved(tabId);
      const tab = await records.change(tabId, (before) =>
        before && documentId !== undefined && before.documentId === documentId
          ? before
          : { url, ...(documentId !== undefined && { documentId }), notChecked: 0, proofs: [] },
      );
      if (tab?.proofs.length === 0) await showBadge(tabId, null).catch(onError);
    },

    async frameCommitted({ tabId, frameId, documentId }) {
      const tab = await records.change(tabId, (before) => {
        const left = (proof: TabProofRecord): boolean => proof.frame?.frameId === frameId && (documentId === undefined || proof.frame.documentId !== documentId);
        return before?.proofs.some(left) ? { ...before, proofs: before.proofs.filter((proof) => !left(proof)) } : (before ?? null);
      });
      if (tab) await showBadges([[tabId, tab]], (await trust()).stamp);
    },

    async tabRemoved(tabId) {
      budgets.tabRemoved(tabId);
      await records.change(tabId, () => null);
    },

    async recheck() {
      const tabs = await records.tabs();
      const keys = [...tabs.values()].flatMap((tab) => tab.proofs.map((proof) => proof.key));
      const proofs = await records.proofs(keys);
      const { stamp } = await trust();
      const due = [...proofs].filter(([key, record]) => cache.needsRecheck(record, stamp) && !passes.has(key));
      if (due.length === 0) {
        if (![...proofs.keys()].some(passes.has)) await recheck.stop();
        return;
      }
      await Promise.all(due.map(([key, record]) => passes.request({ key, input: record.input }).catch(onError)));
    },

    async trustChanged() {
      const { stamp } = await trust();
      const tabs = await records.tabs();
      const withProofs = [...tabs].filter(([, tab]) => tab.proofs.length > 0);
      const proofs = await records.proofs(withProofs.flatMap(([, tab]) => tab.proofs.map((proof) => proof.key)));
      // Verdicts made under the old configuration no longer count: the badges say "checking" until the new ones are in.
      await showBadges(withProofs, stamp, proofs);
      const started = resume(proofs.keys(), proofs, stamp);
      if (started.length > 0) await recheck.start();
      await Promise.all(started);
    },
  };
}
