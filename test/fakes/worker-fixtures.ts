import type { Verdict } from '../../lib/verdict/types';
import type { VerdictState } from '../../lib/verdict/states';
import type { PageProof } from '../../lib/extract/page-proof';

/** Shared by the worker's tests: proofs and verdicts (storage and timers are fakeBrowser's and vitest's). */

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

/** Lets every settled promise's callbacks run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
