import { maxSnippetsPerPage } from '../../../lib/envelope/limits';
import { unreachable } from '../../../lib/verdict/check';
import type { Verdict } from '../../../lib/verdict/types';
import { createConcurrencyLimit, type ConcurrencyLimit } from './concurrency-limit';
import type { ProofInput, TabRecord } from './session-records';

export type TabBudget = {
  storedBytes: number;
  verificationBurst: number;
  verificationsPerSecond: number;
  rewriteBurst: number;
  rewritesPerSecond: number;
  inFlight: number;
};

/**
 * What one tab may use of the worker, so that no page can starve the
 * others: Chrome gives all of an extension's tabs 10 MB of storage.session
 * together, one worker, and the reader's RPC endpoints.
 */
export const tabBudget: TabBudget = {
  /** Bytes of proof inputs a tab keeps in storage.session: a fifth of Chrome's quota, so five such tabs still leave room. */
  storedBytes: 2_000_000,
  /** Verifications a tab may start at once: a whole page's proofs at load. */
  verificationBurst: maxSnippetsPerPage,
  /** And after that, per second: enough for a page adding answers as they stream, too few for a proof rewritten every frame. */
  verificationsPerSecond: 10,
  /**
   * Of those, verifications of one proof the page rewrote (the same snippet, another text or proof): a few
   * corrections, not a flicker. Per proof, so a page re-rendering all its snippets once (hydration) loses nothing.
   */
  rewriteBurst: 20,
  rewritesPerSecond: 2,
  /** Verifications of one tab in flight at once: three quarters of a chain's 32, so another tab's always find room. */
  inFlight: 24,
};

/** Which budget a proof was refused by. */
export type TabBudgetRefusal = 'storage' | 'rate';

export type TabBudgets = {
  /** Bytes of proof inputs the tab may keep. */
  readonly storedBytes: number;
  /** Takes one new verification from the tab's rate (and, for a rewritten proof, from that proof's rewrites); false when it has none left now. */
  takeVerification(tabId: number, options?: { rewriteOf?: string | undefined }): boolean;
  /** Runs a tab's verification within its share of verifications in flight. */
  inFlight<result>(tabId: number, task: () => Promise<result>): Promise<result>;
  /** The tab closed, or shows a new document: its rate starts afresh. */
  tabRemoved(tabId: number): void;
};

export type CreateTabBudgetsParameters = { now: () => number; budget?: TabBudget | undefined };

/** Each tab's rate (a token bucket) and verifications in flight, in the worker's memory: a restarted worker starts every tab afresh. */
export function createTabBudgets({ now, budget = tabBudget }: CreateTabBudgetsParameters): TabBudgets {
  const verifications = createTokenBuckets<number>(now, budget.verificationBurst, budget.verificationsPerSecond);
  const rewrites = createTokenBuckets<string>(now, budget.rewriteBurst, budget.rewritesPerSecond);
  const limits = new Map<number, ConcurrencyLimit>();
  return {
    storedBytes: budget.storedBytes,
    takeVerification(tabId, { rewriteOf } = {}) {
      const rewrite = rewriteOf === undefined ? undefined : rewriteKey(tabId, rewriteOf);
      if (rewrite !== undefined && !rewrites.has(rewrite)) return false;
      if (!verifications.take(tabId)) return false;
      if (rewrite !== undefined) rewrites.take(rewrite);
      return true;
    },
    async inFlight(tabId, task) {
      let limit = limits.get(tabId);
      if (limit === undefined) limits.set(tabId, (limit = createConcurrencyLimit(budget.inFlight)));
      try {
        return await limit.run(task);
      } finally {
        if (limit.active === 0) limits.delete(tabId);
      }
    },
    tabRemoved(tabId) {
      verifications.remove(tabId);
      rewrites.removeWhere((key) => key.startsWith(rewriteKey(tabId, '')));
    },
  };
}

/** A rewritten proof's bucket: its tab's, by the proof's id in its frame. */
const rewriteKey = (tabId: number, proofId: string): string => `${tabId} ${proofId}`;

/** A token bucket per tab (or per proof of a tab): `burst` at first, refilled at `perSecond`. */
function createTokenBuckets<key extends number | string>(now: () => number, burst: number, perSecond: number) {
  const buckets = new Map<key, { tokens: number; at: number }>();
  const tokensOf = (tabId: key): number => {
    const bucket = buckets.get(tabId);
    return bucket === undefined ? burst : Math.min(burst, bucket.tokens + ((now() - bucket.at) / 1000) * perSecond);
  };
  return {
    has: (tabId: key): boolean => tokensOf(tabId) >= 1,
    take(tabId: key): boolean {
      const tokens = tokensOf(tabId);
      const taken = tokens >= 1;
      buckets.set(tabId, { tokens: taken ? tokens - 1 : tokens, at: now() });
      return taken;
    },
    remove: (tabId: key) => void buckets.delete(tabId),
    removeWhere(matches: (key: key) => boolean): void {
      for (const key of [...buckets.keys()]) if (matches(key)) buckets.delete(key);
    },
  };
}

/** The size a proof's input takes in storage.session, near enough: its JSON, in UTF-16 code units. */
export function storedSizeOf(input: ProofInput): number {
  return JSON.stringify(input).length;
}

/**
 * Which of a tab's new proofs fit its stored bytes, in the order given
 * (the content script sends those near the viewport first): the tab's
 * other proofs count as they are, a proof sent again replaces its earlier
 * self, and a proof refused before is not counted.
 */
export function proofsOverStorage(
  before: TabRecord | undefined,
  entries: readonly { id: string; bytes: number }[],
  storedBytes: number = tabBudget.storedBytes,
): Set<string> {
  const replaced = new Set(entries.map((entry) => entry.id));
  let used = 0;
  for (const proof of before?.proofs ?? []) if (!replaced.has(proof.id) && proof.refused === undefined) used += proof.bytes ?? 0;
  const over = new Set<string>();
  for (const { id, bytes } of entries) {
    if (used + bytes > storedBytes) over.add(id);
    else used += bytes;
  }
  return over;
}

const refusalDetails: Record<TabBudgetRefusal, string> = {
  storage: "This page's proofs take more room than one tab may use, so this one was not checked; other tabs are unaffected.",
  rate: 'This page changed its proofs faster than Verity checks them for one tab, so this one was not checked; other tabs are unaffected.',
};

/** The verdict of a proof a tab's budget refused: unavailable, with why, never a verdict on the proof itself. */
export function overBudgetVerdict(refusal: TabBudgetRefusal, shownText: string): Verdict {
  const check = unreachable('tab-budget', refusalDetails[refusal]);
  return { state: 'unavailable', confidence: 0, proofType: null, summary: check.detail, checks: [check], facts: {}, text: { signed: null, shown: shownText, match: 'differs' } };
}
