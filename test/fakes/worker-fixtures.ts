import type { Verdict } from '../../lib/verdict/types';
import type { VerdictState } from '../../lib/verdict/states';
import type { PageProof } from '../../lib/extract/page-proof';
import type { SessionStorage } from '../../entrypoints/background/verification/session-records';

/** Shared by the worker's tests: proofs, verdicts, a storage area and a clock. */

export const hash = `0x${'ab'.repeat(32)}`;

export function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** A short reference on chain `chainId`: decodes without a chain, to an og-settlement proof. */
export function referenceProof(id: string, { chainId = 31337, text = `Text of ${id}.`, tx = hash } = {}): PageProof {
  return { id, form: 'text', raw: `ai-proof:v1:og:${chainId}:${tx}`, shownText: text, renderedText: text };
}

export function verdictOf(state: VerdictState, summary = `It is ${state}.`): Verdict {
  return {
    state,
    confidence: state === 'verified' ? 90 : 40,
    proofType: 'og-settlement',
    summary,
    checks: [],
    facts: {},
    text: { signed: null, shown: '', match: 'shown-is-signed' },
  };
}

/** storage.session in memory; values are copied in and out, as the browser's are. */
export function createMemoryStorage(): SessionStorage & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  const copy = <value>(value: value): value => structuredClone(value);
  return {
    items,
    get: async (keys) => Object.fromEntries(keys.flatMap((key) => (items.has(key) ? [[key, copy(items.get(key))]] : []))),
    set: async (values) => {
      for (const [key, value] of Object.entries(values)) items.set(key, copy(value));
    },
    remove: async (keys) => {
      for (const key of keys) items.delete(key);
    },
  };
}

/** Timers that run only when told: `flush()` runs every timer due. */
export function createManualTimers() {
  const timers = new Set<() => void>();
  return {
    setTimer(callback: () => void, _ms: number) {
      timers.add(callback);
      return () => timers.delete(callback);
    },
    get pending() {
      return timers.size;
    },
    flush() {
      const due = [...timers];
      timers.clear();
      for (const callback of due) callback();
    },
  };
}

/** Lets every settled promise's callbacks run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
