import type { ProofType } from '../envelope/schema';
import type { VerdictState } from './states';

/**
 * One named check. `ok` is true (passed), false (failed) or null (not run).
 * `implies` is the state this check forces on the verdict: set on a failure,
 * and on a check that could not be run because something was unreachable
 * (`unavailable`). A check skipped because an earlier one already decided
 * the verdict has `ok: null` and no `implies`.
 */
export type Check = {
  id: CheckId;
  label: string;
  ok: boolean | null;
  detail: string;
  implies?: Exclude<VerdictState, 'verified'>;
};

export type CheckId =
  | 'envelope'
  | 'chain'
  | 'registry-trusted'
  | 'tee-key'
  | 'tee-enabled'
  | 'tee-active'
  | 'signature'
  | 'content-binding'
  | 'shown-text'
  | 'shown-links'
  | 'rendering'
  | 'relay-trusted'
  | 'settlement-log'
  | 'merkle-proof'
  | 'confirmations'
  | 'eas-trusted'
  | 'uid'
  | 'schema'
  | 'revocation'
  | 'expiry'
  | 'attester-trusted'
  | 'attestation'
  | 'contract-trusted'
  | 'erc7007-verify'
  | 'erc7007-token'
  | 'erc7007-record'
  /** The worker's share for one tab (entrypoints/background/verification/tab-budget.ts). */
  | 'tab-budget';

/** How the text shown on the page relates to the signed text (spec §4). */
export type TextMatch =
  /** No `text` in the envelope: the shown text is what was signed. */
  | 'shown-is-signed'
  | 'exact'
  | 'wording'
  /** The shown text is the rendering of the signed Markdown, link and image targets included. */
  | 'markdown'
  | 'differs';

/**
 * Chain and signer facts behind a verdict, for the card, the inspector and
 * reports. JSON-safe: big numbers are decimal strings.
 */
export type VerdictFacts = {
  chainId?: number;
  chainName?: string;
  /** The block every read was made at. */
  blockNumber?: string;
  /** The block that anchors the proof (settlement or attestation). */
  anchorBlock?: string;
  confirmations?: number;
  requiredConfirmations?: number;
  tx?: `0x${string}`;
  logIndex?: number;
  explorerUrl?: string;
  /** The RPC endpoints whose answers were used. */
  rpcs?: string[];
  /** What the chain reads rested on: proofs against an agreed block, or endpoints agreeing (spec §7). */
  readBasis?: string;
  model?: string;
  /** When the content was produced or attested, unix seconds. */
  timestamp?: number;
  teeId?: `0x${string}`;
  /** SHA-256 of the TEE's DER public key, hex. */
  keyFingerprint?: string;
  teeActive?: boolean;
  registry?: `0x${string}`;
  relay?: `0x${string}`;
  merkleRoot?: `0x${string}`;
  merklePath?: `0x${string}`[];
  attester?: `0x${string}`;
  /** Who vouched, as the trust configuration names them. */
  signerLabel?: string;
  /** The trust list that names the signer, by the name its subscription gives it; absent when the reader or the organisation does. */
  signerList?: string;
  /** The page about the signer that list gives (its entry's https `url`): the list's word, shown as a link, never checked. */
  signerPage?: string;
  /** Every trust list whose entries this verdict relies on (signer, contracts), by subscription name. */
  trustLists?: string[];
  uid?: `0x${string}`;
  schemaUid?: `0x${string}`;
  schema?: string;
  schemaFields?: { name: string; type: string; value: string }[];
  contract?: `0x${string}`;
  tokenId?: string;
};

export type Verdict = {
  state: VerdictState;
  confidence: number;
  proofType: ProofType | null;
  /** One sentence saying why the verdict is what it is. */
  summary: string;
  checks: Check[];
  facts: VerdictFacts;
  text: {
    /** What the proof signs; null when the envelope could not be read. */
    signed: string | null;
    /** Canonical text of the snippet as it stands in the page. */
    shown: string;
    match: TextMatch;
  };
};
