import { defaultTrustConfig } from '../../lib/trust/defaults';
import type { VerifySnippetParameters } from '../../lib/verifiers/verify-snippet';
import { tabBudget, type TabBudget } from '../../entrypoints/background/verification/tab-budget';
import { createVerificationService, type ContentSender } from '../../entrypoints/background/verification/verification-service';
import type { SessionStorage } from '../../entrypoints/background/verification/session-records';
import { referenceProof, verdictOf } from '../fakes/worker-fixtures';
import { formatNumber, formatTable, subheading } from './table';

/**
 * The worker under the issue 11 attack pages, one storming tab beside a
 * reader's ordinary tab, on a simulated clock (60 messages a second, as a
 * proof rewritten every frame) with storage.session's 10 MB quota: how many
 * verifications (so RPC calls) the storming tab starts a second, what it
 * keeps in storage, the worker's heap growth, and the other tab's round
 * trip and verdicts, with the tab budgets and without. The content script's
 * own settling (carrier-settling.ts) is not in play: this is the worker's
 * backstop when a page gets past it.
 */

const quotaBytes = 10 * 1024 * 1024;
const framesPerSecond = 60;
/** How long a verification's RPC calls take, in ms. */
const rpcMs = 20;

/** storage.session in memory, with Chrome's quota counted as JSON code units. */
function quotaStorage(): SessionStorage & { bytes(): number; peak: number } {
  const items = new Map<string, string>();
  let total = 0;
  const area = {
    peak: 0,
    bytes: () => total,
    async get(keys: string[]) {
      return Object.fromEntries(keys.flatMap((key) => (items.has(key) ? [[key, JSON.parse(items.get(key)!) as unknown]] : [])));
    },
    async set(entries: Record<string, unknown>) {
      let after = total;
      const encoded = Object.entries(entries).map(([key, value]) => [key, JSON.stringify(value)] as const);
      for (const [key, value] of encoded) after += key.length + value.length - (items.has(key) ? key.length + items.get(key)!.length : 0);
      if (after > quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
      for (const [key, value] of encoded) items.set(key, value);
      total = after;
      area.peak = Math.max(area.peak, total);
    },
    async remove(keys: string[]) {
      for (const key of keys) {
        if (!items.has(key)) continue;
        total -= key.length + items.get(key)!.length;
        items.delete(key);
      }
    },
  };
  return area;
}

type StormRow = { verificationsPerSecond: number; storedKb: number; peakKb: number; heapMb: number; otherMs: number; otherStates: string };

async function storm({ seconds, textOf, budget }: { seconds: number; textOf: (frame: number) => string; budget: TabBudget }): Promise<StormRow> {
  let clock = 0;
  let verifications = 0;
  const storage = quotaStorage();
  const service = createVerificationService({
    storage,
    trust: async () => ({ config: defaultTrustConfig, provenance: {}, managed: undefined, user: undefined, stamp: 'bench' }),
    createChains: () => ({ reader: () => undefined }),
    notifyTab: async () => undefined,
    showBadge: async () => undefined,
    recheck: { start: async () => undefined, stop: async () => undefined },
    // Each verification waits as for its RPC calls.
    verify: async ({ shownText }: VerifySnippetParameters) => {
      verifications += 1;
      await new Promise((resolve) => setTimeout(resolve, rpcMs));
      return verdictOf('verified', shownText);
    },
    setTimer: (callback) => {
      queueMicrotask(callback);
      return () => undefined;
    },
    onError: () => undefined,
    now: () => clock,
    budget,
  });
  const sender = (tabId: number): ContentSender => ({ tabId, frameId: 0, documentId: `doc-${tabId}`, prerendering: false });
  const request = (proof: ReturnType<typeof referenceProof>) => ({ pageUrl: 'https://bench.example/', notChecked: 0, proofs: [proof] });
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const otherTimes: number[] = [];
  const otherStates: string[] = [];
  let peakHeap = heapBefore;
  let second: Promise<unknown>[] = [];
  for (let frame = 0; frame < seconds * framesPerSecond; frame += 1) {
    clock = (frame * 1000) / framesPerSecond;
    // A page's messages do not wait for each other's answers: a second's worth is in flight at once.
    second.push(service.verifyProofs(request(referenceProof('p0', { text: textOf(frame) })), sender(1)));
    if (frame % framesPerSecond === framesPerSecond - 1) {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      await Promise.all(second);
      second = [];
    }
    if (frame % framesPerSecond === 0) {
      const started = performance.now();
      const answer = await service.verifyProofs(request(referenceProof(`q${frame}`, { text: `An ordinary answer, number ${frame}.` })), sender(2));
      otherTimes.push(performance.now() - started);
      otherStates.push(answer.verdicts[0]!.verdict.state);
    }
  }
  await Promise.all(second);
  const stormVerifications = verifications - otherStates.length;
  const states = [...new Set(otherStates)].map((state) => `${otherStates.filter((other) => other === state).length} ${state}`).join(', ');
  return {
    verificationsPerSecond: stormVerifications / seconds,
    storedKb: storage.bytes() / 1024,
    peakKb: storage.peak / 1024,
    heapMb: (peakHeap - heapBefore) / 1024 / 1024,
    otherMs: otherTimes.toSorted((a, b) => a - b)[Math.floor(otherTimes.length / 2)]!,
    otherStates: states,
  };
}

export async function runTabBudgetSection(): Promise<void> {
  console.log(subheading('Tab budgets: one tab storming beside another (worker, simulated clock)'));
  const unlimited: TabBudget = { storedBytes: 1e12, verificationBurst: 1e9, verificationsPerSecond: 1e9, rewriteBurst: 1e9, rewritesPerSecond: 1e9, inFlight: 1e9 };
  const big = 'A long answer, rewritten. '.repeat(12_000);
  const pages = [
    { page: 'one proof rewritten every frame, 60 s', seconds: 60, textOf: (frame: number) => `The text, version ${frame}.` },
    { page: 'a 300 kB snippet flickering, 10 s', seconds: 10, textOf: (frame: number) => `${frame} ${big}` },
  ];
  const rows: string[][] = [];
  for (const { page, seconds, textOf } of pages) {
    for (const [label, budget] of [['budgets', tabBudget], ['none', unlimited]] as const) {
      const row = await storm({ seconds, textOf, budget });
      rows.push([page, label, formatNumber(row.verificationsPerSecond, 1), formatNumber(row.storedKb), formatNumber(row.peakKb), formatNumber(row.heapMb, 1), formatNumber(row.otherMs, 2), row.otherStates]);
    }
  }
  console.log(
    formatTable(
      [
        { header: 'page' },
        { header: 'budgets' },
        { header: 'storm verifications/s', align: 'right' },
        { header: 'stored kB (end)', align: 'right' },
        { header: 'stored kB (peak)', align: 'right' },
        { header: 'heap peak growth MB', align: 'right' },
        { header: 'other tab ms (median)', align: 'right' },
        { header: 'other tab verdicts' },
      ],
      rows,
    ),
  );
}
