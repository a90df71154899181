import type { ImageVerdict } from './image-verdict';

/**
 * The one line a reader sees first, in the reader's words (issue 15):
 * "Made with AI — signed by <signer> using <claim generator>, <date>", or the
 * honest failure. The signer, tool and date are the manifest's claims; only
 * a `verified` or `untrusted` state lets them be told as a signature.
 */
export function imageHeadline({ state, reason, ai, claims }: ImageVerdict): string {
  if ((state !== 'verified' && state !== 'untrusted') || claims === undefined) return reason;
  const what = ai.generated ? 'Made with AI' : 'Content Credentials';
  const signer = claims.signer === undefined ? 'an unnamed signer' : claims.signer;
  const using = claims.claimGenerator === undefined ? '' : ` using ${claims.claimGenerator}`;
  const date = claims.signedAt === undefined || Number.isNaN(Date.parse(claims.signedAt)) ? '' : `, ${new Date(claims.signedAt).toISOString().slice(0, 10)}`;
  const trust = state === 'untrusted' ? ' (a signer not on a trust list you use)' : '';
  return `${what} — signed by ${signer}${trust}${using}${date}`;
}
