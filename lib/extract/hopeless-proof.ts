import type { LocatedProof } from './locate-proofs';

export type IsHopelessProofParameters = Pick<LocatedProof, 'form' | 'raw' | 'problem'>;

/** JSON's whitespace, the only characters envelopes may have around them (lib/envelope/decode.ts). */
const jsonSpace = /^[ \t\n\r]*/;

/**
 * Whether a located proof can be seen, without decoding it, to carry no
 * envelope: the worker calls it malformed whatever the page draws, so the
 * content script need not read how its snippet is drawn (a forced layout
 * and hit tests each time; 100,000 such proofs are a known attack). Sure
 * only, never a guess: a proof located as unreadable, and an attribute
 * value that is neither JSON (first character `{`) nor base64url whose
 * first non-space character decodes to something other than `{`. Written
 * here rather than taken from lib/envelope/decode.ts, which would bring zod
 * into the content script.
 */
export function isHopelessProof({ form, raw, problem }: IsHopelessProofParameters): boolean {
  if (problem?.kind === 'unreadable') return true;
  if (form !== 'attribute') return false;
  const value = raw.replace(jsonSpace, '');
  if (value.startsWith('{')) return false;
  if (!/^[A-Za-z0-9_-]/.test(value)) return true;
  // The first four characters are three whole bytes; a shorter value is left to the worker.
  const head = value.slice(0, 4);
  if (!/^[A-Za-z0-9_-]{4}$/.test(head)) return false;
  const text = atob(head.replace(/-/g, '+').replace(/_/g, '/')).replace(jsonSpace, '');
  return text !== '' && !text.startsWith('{');
}
