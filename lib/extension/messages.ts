import type { TrustConfigProvenance } from '../trust/layer';
import type { LocateProblem } from '../extract/locate-proofs';
import type { TrustConfig } from '../trust/schema';
import type { VerdictState } from '../verdict/states';
import type { Verdict } from '../verdict/types';

/**
 * One proof as the content script found it. The content script does not
 * decode or validate (that needs zod, which stays out of every page); it
 * sends what it read and the worker decides.
 */
export type PageProof = {
  /** Unique within the page for its lifetime, e.g. "p12". */
  id: string;
  form: 'attribute' | 'script' | 'text';
  /** The envelope as found: JSON, base64url, or a text-form token. */
  raw: string;
  /** Canonical text of the snippet (spec §5). */
  shownText: string;
  /** Canonical text of what the browser renders of the snippet. */
  renderedText: string;
  /**
   * Why the proof cannot be read as it stands: too large to send (then `raw`
   * is only a preview), a proof script that is not JSON, or a script entry
   * whose target matches nothing.
   */
  problem?: LocateProblem;
  /**
   * Present (false) when the snippet could not be read in full: nothing can
   * be compared, and the texts sent are only its start.
   */
  shownTextComplete?: false;
};

/** What the popup lists for one proof of a tab. */
export type TabProof = {
  id: string;
  form: PageProof['form'];
  excerpt: string;
  /** Absent while the proof is being checked. */
  verdict?: Verdict;
};

export type TabState = {
  url: string;
  proofs: TabProof[];
  /** Proofs on the page beyond the per-page cap. */
  notChecked: number;
};

/** A verdict state and its count, worst first, for summaries. */
export type StateCounts = Partial<Record<VerdictState, number>>;

/**
 * Every message and its answer. Requests to the worker are accepted only
 * from the extension's own contexts (see isOwnSender); pages never reach it.
 */
export type WorkerMessages = {
  /** Content script: verify these proofs of the sender's tab. */
  'verify-proofs': {
    request: { pageUrl: string; proofs: PageProof[]; notChecked: number };
    response: { verdicts: { id: string; verdict: Verdict }[] };
  };
  /** Content script: these proofs left the page. */
  'forget-proofs': { request: { ids: string[] }; response: { ok: true } };
  /** Popup: everything known about a tab. */
  'tab-state': { request: { tabId: number }; response: TabState };
  /** Inspector: one proof with its verdict. */
  'proof-details': {
    request: { tabId: number; id: string };
    response: { pageUrl: string; proof: PageProof; verdict?: Verdict } | null;
  };
  /** Inspector: verify one proof again, ignoring cached verdicts. */
  'verify-again': { request: { tabId: number; id: string }; response: { verdict: Verdict } | null };
  /**
   * Content script: open the inspector on one proof of the sender's tab. A
   * page cannot open extension pages, and a content script knows no tab id.
   */
  'open-inspector': { request: { id: string }; response: { ok: true } };
  /** Options: can this RPC be reached, and is it the chain it claims? */
  'test-rpc': {
    request: { url: string; chainId: number };
    response: { ok: true; blockNumber: string; latencyMs: number } | { ok: false; error: string };
  };
  /** Options: the effective configuration and where each part came from. */
  'trust-config': {
    request: Record<string, never>;
    response: {
      effective: TrustConfig;
      managed: unknown;
      managedError?: string;
      user: unknown;
      /** Which layer set each value of `effective`; a value with no entry is a built-in default. */
      provenance?: TrustConfigProvenance;
    };
  };
};

/** Messages the worker or popup sends to a tab's content script. */
export type ContentMessages = {
  /** Scroll to a proof's snippet and highlight it. */
  'reveal-proof': { request: { id: string }; response: { found: boolean } };
  /** The worker has a newer verdict (a pending one became final). */
  'verdict-updated': { request: { id: string; verdict: Verdict }; response: { ok: true } };
};

export type WorkerMessageType = keyof WorkerMessages;
export type ContentMessageType = keyof ContentMessages;

export type Message<map, type extends keyof map> = { type: type } & (map[type] extends { request: infer request } ? request : never);
export type Answer<map, type extends keyof map> = map[type] extends { response: infer response } ? response : never;
