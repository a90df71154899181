import { z } from 'zod';
import { maxScriptBytes, maxShownTextScan } from '../envelope/limits';
import { sizeReason } from '../envelope/size';
import { base64ToBytes } from '../encoding/base64';
import { fragmentKey, maxShareFragmentLength, shareLinkVersion } from './share-link';
import type { SharedImage, SharedItem, SharedProof } from './types';

export type ReadShareFragmentReturnType = { ok: true; shared: SharedItem } | { ok: false; reason: string };

/** A share link read for its proof only: an image's link is a reason, not a proof. */
export type ReadSharedProofReturnType = { ok: true; shared: SharedProof } | { ok: false; reason: string };

/** Why a link to an image gives no proof: where a proof is expected (the static verifier page, a paste), it is said so. */
export const imageShareLinkReason = 'it links to an image, whose Content Credentials only Verity’s browser extension checks: open the link where Verity is installed';

export function isSharedImage(shared: SharedItem): shared is SharedImage {
  return 'image' in shared;
}

/** The proof of a read share link; an image's link as `imageShareLinkReason`. */
export function proofOnly(read: ReadShareFragmentReturnType): ReadSharedProofReturnType {
  if (!read.ok) return read;
  return isSharedImage(read.shared) ? fail(imageShareLinkReason) : { ok: true, shared: read.shared };
}

/** The reason given for text that is no share link at all (as opposed to a damaged or unsupported one). */
export const notShareLink = 'not a Verity share link';

/**
 * The SharedProof in a fragment (`location.hash`, with or without its `#`).
 * Never throws: the reason says whether it is no share link at all, one of
 * a version this extension does not read, or a damaged one (cut short when
 * copied, edited by hand).
 */
export function readShareFragment(hash: string): ReadShareFragmentReturnType {
  try {
    if (typeof hash !== 'string') return fail(notShareLink);
    let fragment = hash.startsWith('#') ? hash.slice(1) : hash;
    // Some apps percent-encode what they pass on; base64url itself never needs it.
    if (fragment.includes('%')) {
      try {
        fragment = decodeURIComponent(fragment);
      } catch {
        return fail(notShareLink);
      }
    }
    if (!fragment.startsWith(fragmentKey)) return fail(notShareLink);
    const value = fragment.slice(fragmentKey.length);
    const version = /^(v[0-9]+)(?:\.|$)/.exec(value)?.[1];
    if (version === undefined) return damaged('it has no version (v1.)');
    if (version !== shareLinkVersion) return fail(`unsupported share link version ${version}`);
    if (fragment.length > maxShareFragmentLength) return damaged(`it is longer than ${maxShareFragmentLength} characters`);
    return decodeShared(value.slice(version.length + 1));
  } catch (error) {
    return damaged(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The SharedProof in a whole link as pasted: an inspector address from any
 * extension origin (ids differ between installs and browsers), or only its
 * fragment. Surrounding white space is ignored.
 */
export function readShareLink(text: string): ReadShareFragmentReturnType {
  if (typeof text !== 'string') return fail(notShareLink);
  const link = text.trim();
  const hash = link.indexOf('#');
  if (hash === -1) return readShareFragment(link);
  const address = link.slice(0, hash);
  // A link is one word; "see #share=…" in a sentence is not one.
  if (address !== '' && (/\s/.test(address) || !URL.canParse(address))) return fail(notShareLink);
  return readShareFragment(link.slice(hash));
}

const maxRawBytes = maxScriptBytes;
const shownText = z.string().max(maxShownTextScan, `must be at most ${maxShownTextScan} characters`);

const sharedProofSchema = z.object({
  proof: z.object({
    form: z.enum(['attribute', 'script', 'text']),
    raw: z.string().refine((raw) => sizeReason({ text: raw, limit: maxRawBytes, name: 'raw' }) === undefined, `must be at most ${maxRawBytes} bytes`),
    shownText,
    renderedText: shownText,
    problem: z.object({ kind: z.enum(['unreadable', 'unplaced']), reason: z.string().max(1_000) }).optional(),
    shownTextComplete: z.literal(false).optional(),
  }),
  pageUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
});

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(8_192, 'must be at most 8192 characters');

const sharedImageSchema = z.object({ image: z.object({ url: httpUrl }), pageUrl: httpUrl.optional() });

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeShared(body: string): ReadShareFragmentReturnType {
  if (body === '') return damaged('it carries nothing after v1.');
  let json: string;
  try {
    json = utf8.decode(base64ToBytes(body));
  } catch {
    return damaged('it is not base64url of UTF-8 text (cut short or edited?)');
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return damaged('it does not decode to JSON (cut short or edited?)');
  }
  // An image's link is told by its `image` key, so a damaged proof's reason still names the proof's field.
  const isImage = typeof value === 'object' && value !== null && 'image' in value;
  const parsed = (isImage ? sharedImageSchema : sharedProofSchema).safeParse(value);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const path = issue!.path.length === 0 ? 'link' : issue!.path.join('.');
    return damaged(`${path}: ${issue!.message}`);
  }
  return { ok: true, shared: parsed.data };
}

function damaged(why: string): { ok: false; reason: string } {
  return fail(`damaged: ${why}`);
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
