import type { AnchorSource } from './anchor-sets';
import type { ImageVerdict } from './image-verdict';

/** What a verified signer's trust rested on, in a reader's words. */
export const trustSourceWords: Record<AnchorSource, string> = {
  'c2pa-trust-list': 'signer on the C2PA Trust List',
  organisation: 'your organisation’s signer',
  reader: 'a signer you added',
  interim: 'signer on the retired interim list',
};

/**
 * The one line a reader sees first, in the reader's words (issue 15):
 * "Made with AI — signed by <signer> using <claim generator>, <date>", or the
 * honest failure. The signer, tool and date are the manifest's claims; only
 * a `verified` or `untrusted` state lets them be told as a signature, and
 * either says what the signer's trust rested on, or that it rests on none.
 */
export function imageHeadline({ state, reason, ai, claims, trustedBy }: ImageVerdict): string {
  if ((state !== 'verified' && state !== 'untrusted') || claims === undefined) return reason;
  const what = ai.generated ? 'Made with AI' : 'Content Credentials';
  const signer = claims.signer === undefined ? 'an unnamed signer' : claims.signer;
  const using = claims.claimGenerator === undefined ? '' : ` using ${claims.claimGenerator}`;
  const date = claims.signedAt === undefined || Number.isNaN(Date.parse(claims.signedAt)) ? '' : `, ${new Date(claims.signedAt).toISOString().slice(0, 10)}`;
  const trust = state === 'untrusted' ? ' (a signer not on a trust list you use)' : trustedBy === undefined ? '' : ` (${trustSourceWords[trustedBy]})`;
  return `${what} — signed by ${signer}${trust}${using}${date}`;
}
