import { z } from 'zod';
import { maxScriptBytes, maxShownTextScan, maxSnippetsPerPage } from '../../../lib/envelope/limits';
import { maxShownLinkLength, maxShownLinks } from '../../../lib/extract/shown-links';
import { maxPasteLength } from '../../../lib/paste/classify-paste';
import { renderingDoubts } from '../../../lib/verdict/rendering-doubts';
import { MalformedRequestError, UnknownMessageError } from './errors';
import { frameLabelPattern, lookAlikeWordsLimits, maxLinesAroundFrame, maxPageImageBatch, type WorkerMessages, type WorkerMessageType } from '../../../messaging/messages';

/** The request part of a worker message: the message without its `type`. */
export type WorkerRequest<type extends WorkerMessageType> = WorkerMessages[type]['request'];

/** A worker message, checked, as its type and request. */
export type ParsedWorkerMessage = { [type in WorkerMessageType]: { type: type; request: WorkerRequest<type> } }[WorkerMessageType];

export type ParseWorkerMessageReturnType = { ok: true; message: ParsedWorkerMessage } | { ok: false; error: MalformedRequestError | UnknownMessageError };

const tabId = z.number().int().nonnegative();
const proofId = z.string().min(1).max(200);
/** A count a content script reports: never more than a page can hold. */
const count = z.number().int().nonnegative().max(1_000_000);

const proofInput = z.object({
  form: z.enum(['attribute', 'script', 'text']),
  // The envelope's own limits are checked when it is decoded, so an oversized one becomes a malformed verdict that says so.
  raw: z.string().max(maxScriptBytes),
  shownText: z.string().max(maxShownTextScan),
  renderedText: z.string().max(maxShownTextScan),
  renderingDoubts: z.array(z.enum(renderingDoubts)).max(renderingDoubts.length).optional(),
  links: z
    .array(z.object({ kind: z.enum(['link', 'image']), text: z.string().max(maxShownLinkLength), target: z.string().max(maxShownLinkLength) }))
    .max(maxShownLinks)
    .optional(),
  problem: z.object({ kind: z.enum(['unreadable', 'unplaced']), reason: z.string().max(1_000) }).optional(),
  shownTextComplete: z.literal(false).optional(),
});
const pageProof = proofInput.extend({ id: proofId });

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be an address');
const chainId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const finite = z.number().finite().min(-1e6).max(1e6);
const textAroundFrame = z.object({
  levels: z.number().int().nonnegative().max(32),
  lines: z.array(z.object({ x: finite, y: finite, width: finite.nonnegative(), height: finite.nonnegative() })).max(maxLinesAroundFrame),
  seeThrough: z.boolean(),
  leastOpacity: z.number().min(0).max(1),
});

const httpUrl = z.string().refine((url) => /^https?:\/\/[^/]/i.test(url) && URL.canParse(url), 'must be an http(s) URL');

/** The shape of every request; fields beyond these are dropped. */
const requestSchemas = {
  'verify-proofs': z.object({
    pageUrl: z.string().max(8_192),
    proofs: z.array(pageProof).max(maxSnippetsPerPage),
    notChecked: z.number().int().nonnegative(),
  }),
  'forget-proofs': z.object({ ids: z.array(proofId).max(maxSnippetsPerPage * 4) }),
  'open-inspector': z.object({ id: proofId }),
  'open-image-inspector': z.object({ url: httpUrl.max(8_192) }),
  'open-trust-signer': z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('attester'), address }),
    z.object({ kind: z.literal('erc7007'), address, chainId }),
    z.object({ kind: z.literal('relay'), address, chainId }),
  ]),
  'tab-state': z.object({ tabId }),
  'proof-details': z.object({ tabId, id: proofId }),
  'verify-again': z.object({ tabId, id: proofId }),
  'test-rpc': z.object({ url: httpUrl, chainId }),
  'trust-config': z.object({}),
  'selection-check': z.object({ tabId }),
  'check-pasted': z.object({
    input: z.string().max(maxPasteLength),
    compareText: z.string().max(maxShownTextScan).optional(),
    tabId: tabId.optional(),
  }),
  'verify-standalone': z.object({ proof: proofInput, pageUrl: httpUrl.max(8_192).optional() }),
  report: z.object({ tabId, proofId: proofId.optional() }),
  'check-image': z.object({ url: httpUrl.max(8_192), pageUrl: httpUrl.max(8_192).optional(), shared: z.boolean().optional() }),
  'check-page-images': z.object({ urls: z.array(httpUrl.max(8_192)).min(1).max(maxPageImageBatch) }),
  'tab-images': z.object({ tabId }),
  'page-integrity': z.object({
    integrity: z.object({
      badgesKeptOff: count,
      badgesHidden: count,
      cardHidden: z.boolean(),
      lookAlikes: count,
      lookAlikeWords: z.array(z.string().max(lookAlikeWordsLimits.length)).max(lookAlikeWordsLimits.count),
    }),
  }),
  'tab-integrity': z.object({ tabId }),
  'look-around-frame': textAroundFrame,
  'frame-label': z.object({ label: z.string().regex(frameLabelPattern, 'must be a frame label') }),
} satisfies { [type in WorkerMessageType]: z.ZodType<WorkerRequest<type>> };

const messageTypes = Object.keys(requestSchemas) as WorkerMessageType[];

/**
 * A message sent to the worker, checked against its type: `{ type, ...request }`.
 * Never throws; the error says what is wrong in terms of the message.
 */
export function parseWorkerMessage(message: unknown): ParseWorkerMessageReturnType {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return { ok: false, error: new MalformedRequestError('A message to the worker must be an object with a "type".') };
  }
  const { type, ...request } = message as Record<string, unknown>;
  if (typeof type !== 'string' || !(messageTypes as string[]).includes(type)) {
    return { ok: false, error: new UnknownMessageError(`The worker answers no message of type ${JSON.stringify(type)?.slice(0, 80)}.`) };
  }
  const parsed = requestSchemas[type as WorkerMessageType].safeParse(request);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`);
    return { ok: false, error: new MalformedRequestError(`Malformed "${type}" request: ${issues.join('; ')}`) };
  }
  return { ok: true, message: { type, request: parsed.data } as ParsedWorkerMessage };
}
