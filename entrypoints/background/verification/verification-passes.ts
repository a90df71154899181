import type { ChainAccess } from '../../../lib/chain/types';
import type { DecodeResult } from '../../../lib/envelope/decode';
import { decodeLocatedProof } from '../../../lib/extract/decode-located';
import type { TrustConfig } from '../../../lib/trust/schema';
import type { Verdict } from '../../../lib/verdict/types';
import { verifySnippet, type VerifySnippetParameters } from '../../../lib/verifiers/verify-snippet';
import { createConcurrencyLimit, type ConcurrencyLimit } from './concurrency-limit';
import type { ProofInput } from './session-records';

/** One proof to verify, by its key (see proofKey). */
export type VerificationJob = { key: string; input: ProofInput };

/** The trust configuration a pass runs under, with its stamp (see TrustState). */
export type PassTrust = { config: TrustConfig; stamp: string };

/** A verified job, as the pass hands it over. */
export type PassResult = {
  key: string;
  input: ProofInput;
  verdict: Verdict;
  /**
   * The tabs that asked for this proof and will hear the verdict in their
   * answer; every other tab that shows the proof has to be told.
   */
  answeredTabs: ReadonlySet<number>;
};

export type CreateVerificationPassesParameters = {
  /** The trust configuration, read as each pass starts. */
  trust: () => Promise<PassTrust>;
  /** The chains for one pass (createChainAccess): every verification of the pass shares them. */
  createChains: (trust: TrustConfig) => ChainAccess;
  /**
   * Called once per pass with every result, before anyone waiting hears a
   * verdict: the place to store them, so that an answer is never given that
   * a restarted worker could not give again.
   */
  onPass: (results: PassResult[], trust: PassTrust) => Promise<void>;
  /** verifySnippet; replaced in tests. */
  verify?: ((parameters: VerifySnippetParameters) => Promise<Verdict>) | undefined;
  /** How long requests are collected before a pass starts. Default 50 ms. */
  windowMs?: number | undefined;
  /** Verifications in flight per chain, across passes. Default 32. */
  maxPerChain?: number | undefined;
  /** setTimeout; replaced in tests. Returns a function that cancels the timer. */
  setTimer?: ((callback: () => void, ms: number) => () => void) | undefined;
  /** Stops collecting: a pass not started yet never starts, and its requests reject. */
  signal?: AbortSignal | undefined;
};

export type VerificationPasses = {
  /**
   * The verdict for a proof: joins the verification of the same key when one
   * is collecting or running, else collects it for the next pass. Never looks
   * at stored verdicts; that is the caller's cache.
   */
  request(job: VerificationJob, options?: { answeredTab?: number | undefined }): Promise<Verdict>;
  /** Whether a verification of `key` is collecting or running. */
  has(key: string): boolean;
};

export type CreateVerificationPassesReturnType = VerificationPasses;

/** Collecting requests for this long merges a page's first burst, and several tabs restoring at once, into one pass. */
export const defaultPassWindowMs = 50;
/**
 * Enough verifications at once that their reads fill JSON-RPC batches
 * (each makes a few), few enough that a page of 500 proofs does not put
 * hundreds of requests in flight against a public endpoint.
 */
export const defaultMaxPerChain = 32;

type QueuedJob = VerificationJob & {
  answeredTabs: Set<number>;
  promise: Promise<Verdict>;
  resolve: (verdict: Verdict) => void;
  reject: (error: unknown) => void;
};

/**
 * Verification passes. Requests are collected for a short window and
 * verified together: one chain access per pass, so the reads of every
 * snippet of every tab in the pass are pinned to one block per chain,
 * shared and batched. A proof asked for again while it is collecting or
 * running is not verified twice. Passes may overlap (a new tab need not wait
 * for a slow RPC); the per-chain limit holds across them.
 */
export function createVerificationPasses({
  trust,
  createChains,
  onPass,
  verify = verifySnippet,
  windowMs = defaultPassWindowMs,
  maxPerChain = defaultMaxPerChain,
  setTimer = (callback, ms) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
  signal,
}: CreateVerificationPassesParameters): CreateVerificationPassesReturnType {
  const jobs = new Map<string, QueuedJob>();
  let collecting: QueuedJob[] = [];
  let cancelTimer: (() => void) | undefined;
  const limits = new Map<string, ConcurrencyLimit>();

  signal?.addEventListener('abort', () => {
    cancelTimer?.();
    cancelTimer = undefined;
    for (const job of collecting.splice(0)) {
      jobs.delete(job.key);
      job.reject(signal.reason);
    }
  });

  const limitFor = (chain: string) => {
    let limit = limits.get(chain);
    if (!limit) limits.set(chain, (limit = createConcurrencyLimit(maxPerChain)));
    return limit;
  };

  const startPass = () => {
    cancelTimer = undefined;
    const pass = collecting;
    collecting = [];
    void runPass(pass);
  };

  async function runPass(pass: QueuedJob[]): Promise<void> {
    try {
      // The same reading of a proof as the command line's, so both say the same about the same page. It needs no trust,
      // so it is done while the trust configuration is read (at a browser's start, seconds: docs/protocol.md §13).
      const decodedProofs = pass.map((job) => decodeLocatedProof(job.input));
      const passTrust = await trust();
      const chains = createChains(passTrust.config);
      const results = await Promise.all(
        pass.map(async (job, index): Promise<PassResult> => {
          const decoded = decodedProofs[index]!;
          const run = () =>
            verify({
              decoded,
              shownText: job.input.shownText,
              shownTextComplete: job.input.shownTextComplete !== false,
              renderedText: job.input.renderedText,
              ...(job.input.renderingDoubts && { renderingDoubts: job.input.renderingDoubts }),
              ...(job.input.links && { shownLinks: job.input.links }),
              trust: passTrust.config,
              chains,
            });
          const chain = chainOf(decoded);
          const verdict = await (chain === undefined ? run() : limitFor(chain).run(run));
          return { key: job.key, input: job.input, verdict, answeredTabs: job.answeredTabs };
        }),
      );
      await onPass(results, passTrust);
      for (const [index, job] of pass.entries()) {
        jobs.delete(job.key);
        job.resolve(results[index]!.verdict);
      }
    } catch (error) {
      // verifySnippet never throws; this is the trust configuration or storage failing.
      for (const job of pass) {
        jobs.delete(job.key);
        job.reject(error);
      }
    }
  }

  return {
    request({ key, input }, { answeredTab } = {}) {
      const joined = jobs.get(key);
      if (joined) {
        if (answeredTab !== undefined) joined.answeredTabs.add(answeredTab);
        return joined.promise;
      }
      if (signal?.aborted) return Promise.reject(signal.reason);
      let resolve!: (verdict: Verdict) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<Verdict>((yes, no) => {
        resolve = yes;
        reject = no;
      });
      const job: QueuedJob = { key, input, answeredTabs: new Set(answeredTab === undefined ? [] : [answeredTab]), promise, resolve, reject };
      jobs.set(key, job);
      collecting.push(job);
      cancelTimer ??= setTimer(startPass, windowMs);
      return promise;
    },
    has: (key) => jobs.has(key),
  };
}

/** The chain a proof is checked on, to share that chain's limit; undefined when it needs none. */
function chainOf(decoded: DecodeResult): string | undefined {
  if (!decoded.ok) return undefined;
  const { proof } = decoded.envelope;
  return String(proof.type === 'eas-offchain' ? proof.attestation.domain.chainId : proof.chainId);
}
