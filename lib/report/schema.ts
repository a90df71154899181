import { z } from 'zod';
import { checkLabels } from '../verdict/check';
import type { CheckId } from '../verdict/types';
import { verdictStates } from '../verdict/states';
import { proofTypes } from '../envelope/schema';

/**
 * A Verity report (version 1): what was checked, against what, when, by
 * which build, with every check and the envelope itself, so a reader of
 * the report can check it again. The JSON export of the extension and
 * `verity verify --report json` both produce it; docs/report-v1.schema.json
 * is this schema as JSON Schema.
 */

const hex = z.string().regex(/^0x[0-9a-fA-F]*$/, 'must be 0x-prefixed hex');
const isoTime = z.iso.datetime({ offset: true });
const state = z.enum(verdictStates);
const checkIds = Object.keys(checkLabels) as [CheckId, ...CheckId[]];

export const reportCheckSchema = z.object({
  id: z.enum(checkIds),
  label: z.string(),
  /** true passed, false failed, null not run. */
  ok: z.boolean().nullable(),
  detail: z.string(),
  implies: state.exclude(['verified']).optional(),
});

/** The chain and signer facts of a verdict (VerdictFacts), JSON as it is. */
export const reportFactsSchema = z.object({
  chainId: z.number().int().positive().optional(),
  chainName: z.string().optional(),
  blockNumber: z.string().regex(/^[0-9]+$/).optional(),
  anchorBlock: z.string().regex(/^[0-9]+$/).optional(),
  confirmations: z.number().int().nonnegative().optional(),
  requiredConfirmations: z.number().int().nonnegative().optional(),
  tx: hex.optional(),
  logIndex: z.number().int().nonnegative().optional(),
  explorerUrl: z.string().optional(),
  rpcs: z.array(z.string()).optional(),
  readBasis: z.string().optional(),
  model: z.string().optional(),
  timestamp: z.number().optional(),
  teeId: hex.optional(),
  keyFingerprint: z.string().optional(),
  teeActive: z.boolean().optional(),
  registry: hex.optional(),
  relay: hex.optional(),
  merkleRoot: hex.optional(),
  merklePath: z.array(hex).optional(),
  attester: hex.optional(),
  signerLabel: z.string().optional(),
  signerList: z.string().optional(),
  signerPage: z.string().optional(),
  trustLists: z.array(z.string()).optional(),
  uid: hex.optional(),
  schemaUid: hex.optional(),
  schema: z.string().optional(),
  schemaFields: z.array(z.object({ name: z.string(), type: z.string(), value: z.string() })).optional(),
  contract: hex.optional(),
  tokenId: z.string().optional(),
});

export const reportSnippetSchema = z.object({
  /** Position in the page (document order), from 0; for a single pasted or shared proof, 0. */
  index: z.number().int().nonnegative(),
  /** How the proof was embedded; `pasted` for one checked from the popup or a share link. */
  form: z.enum(['attribute', 'script', 'text', 'pasted']),
  state,
  confidence: z.number().int().min(0).max(100),
  proofType: z.enum(proofTypes).nullable(),
  /** One sentence: why the verdict is what it is. */
  summary: z.string(),
  /** When this snippet's verdict was made. */
  checkedAt: isoTime,
  text: z.object({
    shown: z.string(),
    signed: z.string().nullable(),
    match: z.enum(['shown-is-signed', 'exact', 'wording', 'markdown', 'differs']),
  }),
  checks: z.array(reportCheckSchema),
  facts: reportFactsSchema,
  /**
   * The proof exactly as found: JSON, base64url or a text-form token (cut at 64 KiB, then `rawTruncated`);
   * null when Verity did not keep it (the tab held more proof data than Verity keeps for one: state `unavailable`, check `tab-budget`).
   */
  raw: z.string().nullable(),
  rawTruncated: z.literal(true).optional(),
  /** The envelope as parsed JSON, when it is JSON at all (also for a malformed verdict); null otherwise. */
  envelope: z.unknown(),
});

const reportValidationCodeSchema = z.object({ code: z.string(), explanation: z.string().optional() });

/** One image's Content Credentials (spec §9), as checked: the verdict, and what its manifest claims, labelled as claims. */
export const reportImageSchema = z.object({
  /** The image's address: an http(s) URL, or a file path (CLI). */
  url: z.string(),
  /** `verified` or `untrusted` only when the signature holds; never `pending`. */
  state: state.exclude(['pending']),
  /** Why, in a reader's words ("Made with AI — signed by …", or the failure). */
  headline: z.string(),
  /** The manifest says an AI model made the image or a part of it (the manifest's claim, as `claims`). */
  aiClaimed: z.boolean(),
  /** What the active manifest claims; absent when no manifest could be read. */
  claims: z
    .object({
      claimGenerator: z.string().optional(),
      signer: z.string().optional(),
      issuer: z.string().optional(),
      signedAt: z.string().optional(),
      title: z.string().optional(),
      actions: z.array(z.object({ action: z.string(), digitalSourceType: z.string().optional(), softwareAgent: z.string().optional(), when: z.string().optional() })),
    })
    .optional(),
  /**
   * With a time stamp that holds, whether its authority is on the C2PA TSA Trust List (Verity's finding; the
   * time itself is `claims.signedAt`, a claim). Absent without a time stamp.
   */
  timeStamp: z.enum(['trusted', 'untrusted']).optional(),
  /** Each ingredient with its own manifest's state (absent for one without a manifest) and failure codes. */
  ingredients: z.array(z.object({ title: z.string().optional(), relationship: z.string().optional(), state: state.exclude(['pending']).optional(), failures: z.array(reportValidationCodeSchema) })),
  /** The active manifest's failure codes, as the C2PA engine gave them. */
  failures: z.array(reportValidationCodeSchema),
  checkedAt: isoTime.optional(),
});

export const reportSchema = z.object({
  format: z.literal('verity-report'),
  version: z.literal(1),
  generatedAt: isoTime,
  generator: z.object({
    name: z.literal('Verity'),
    /** The browser extension, the command line, or the static verifier page share links open (web/). */
    kind: z.enum(['extension', 'cli', 'web']),
    version: z.string(),
  }),
  /** What was checked: a page address, a file, or material pasted or shared. */
  source: z.object({
    kind: z.enum(['page', 'file', 'stdin', 'pasted', 'shared']),
    /** The page address (extension, CLI URL) or file path (CLI). */
    location: z.string().optional(),
    title: z.string().optional(),
  }),
  /** A whole page, or one snippet of it. */
  scope: z.enum(['page', 'snippet']),
  summary: z.object({
    snippets: z.number().int().nonnegative(),
    counts: z.partialRecord(state, z.number().int().positive()),
    /** The weakest snippet's confidence (the page's confidence); null with no snippets. */
    confidence: z.number().int().min(0).max(100).nullable(),
    /** Proofs on the page beyond the per-page cap, not checked. */
    notChecked: z.number().int().nonnegative(),
  }),
  /** Every chain the verdicts name, with the RPC endpoints whose answers were used (none for a chain not configured or not reached). */
  chains: z.array(z.object({ chainId: z.number().int().positive(), name: z.string().optional(), rpcs: z.array(z.string()) })),
  snippets: z.array(reportSnippetSchema),
  /** The page's images with Content Credentials, after the snippets; absent in a report of text alone. */
  images: z.array(reportImageSchema).optional(),
});

export type Report = z.infer<typeof reportSchema>;
export type ReportImage = z.infer<typeof reportImageSchema>;
export type ReportSnippet = z.infer<typeof reportSnippetSchema>;
