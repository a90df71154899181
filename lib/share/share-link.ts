import { bytesToBase64url } from '../encoding/base64';
import { BaseError } from '../errors';
import type { SharedItem } from './types';

/**
 * Share links (format v1): `#share=v1.` and the base64url (RFC 4648 §5, no
 * padding) of the UTF-8 JSON of a SharedProof or a SharedImage, in the fragment of the
 * inspector's address. The fragment never reaches a server, and it carries
 * the proof and its text, never a verdict: whoever opens the link verifies
 * it with their own extension and trust configuration. Reading one is
 * read-share-link.ts: it validates with zod, which what only makes links
 * (the content script's citations) need not load.
 */

export const fragmentKey = 'share=';
export const shareLinkVersion = 'v1';

/**
 * Longest share fragment made or read, in characters: Chromium's limit on
 * the length of a URL (kMaxURLChars, 2 MiB). A longer link cannot be
 * opened, and a pasted one is not decoded.
 */
export const maxShareFragmentLength = 2 * 1024 * 1024;

/** A share link would be longer than a browser opens. */
export class ShareLinkTooLongError extends BaseError {
  override name = 'ShareLinkTooLongError';

  constructor({ length }: { length: number }) {
    super('The proof is too large for a share link', {
      details: `The link would be ${length} characters long; browsers open links of up to ${maxShareFragmentLength}.`,
    });
  }
}

/** `#share=v1.…` for `shared`. Throws ShareLinkTooLongError when the link could not be opened. */
export function shareFragment(shared: SharedItem): string {
  const fragment = `#${fragmentKey}${shareLinkVersion}.${bytesToBase64url(new TextEncoder().encode(JSON.stringify(shared)))}`;
  if (fragment.length > maxShareFragmentLength) throw new ShareLinkTooLongError({ length: fragment.length });
  return fragment;
}

/** The inspector page's address (its own fragment dropped) with the share fragment of `shared`. */
export function shareLink(inspectorPageUrl: string, shared: SharedItem): string {
  const hash = inspectorPageUrl.indexOf('#');
  return `${hash === -1 ? inspectorPageUrl : inspectorPageUrl.slice(0, hash)}${shareFragment(shared)}`;
}
