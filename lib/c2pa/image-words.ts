import type { AnchorSource } from './anchor-sets';
import type { ImageVerdict } from './image-verdict';
import type { TimeStampTrust, UntrustedBy } from './validation-states';

/** What a verified signer's trust rested on, in a reader's words. */
export const trustSourceWords: Record<AnchorSource, string> = {
  'c2pa-trust-list': 'signer on the C2PA Trust List',
  organisation: 'your organisation’s signer',
  reader: 'a signer you added',
  interim: 'signer on the retired interim list',
};

/** What an untrusted image's trust failed on, in the headline's brackets. */
const untrustedWords: Record<UntrustedBy, string> = {
  signer: 'a signer not on a trust list you use',
  'time-stamp': 'time stamp from an authority not on a trust list you use',
};

/** Where a time stamp's authority stands: "from an authority on the C2PA TSA Trust List", or not on it. */
export function timeStampAuthorityWords(timeStamp: TimeStampTrust): string {
  return `from an authority ${timeStamp === 'trusted' ? 'on' : 'not on'} the C2PA TSA Trust List`;
}

/**
 * When the manifest says it was signed (as `formatTime` writes it; as given
 * by default), with whether its time stamp's authority is on the TSA list in
 * use: the card, the inspector, the CLI.
 */
export function signedOnWords(signedAt: string, timeStamp: TimeStampTrust | undefined, formatTime: (iso: string) => string = (iso) => iso): string {
  const time = formatTime(signedAt);
  return timeStamp === undefined ? time : `${time} (time stamp ${timeStampAuthorityWords(timeStamp)})`;
}

/** The sentence the card and the inspector add under an untrusted image's headline. */
export const untrustedNotes: Record<UntrustedBy, string> = {
  signer: 'The signature holds, but anyone can sign: the signer is not on a trust list you use.',
  'time-stamp': 'The signature holds and the signer is on a trust list you use, but the time of signing is vouched for by a time-stamping authority that is not.',
};

/**
 * The one line a reader sees first, in the reader's words (issue 15):
 * "Made with AI — signed by <signer> using <claim generator>, <date>", or the
 * honest failure. The signer, tool and date are the manifest's claims; only
 * a `verified` or `untrusted` state lets them be told as a signature, and
 * either says what the signer's trust rested on, or what it failed on (the
 * signer, or only the authority that time-stamped the signature).
 */
export function imageHeadline({ state, reason, ai, claims, trustedBy, untrustedBy = 'signer' }: ImageVerdict): string {
  if ((state !== 'verified' && state !== 'untrusted') || claims === undefined) return reason;
  const what = ai.generated ? 'Made with AI' : 'Content Credentials';
  const signer = claims.signer === undefined ? 'an unnamed signer' : claims.signer;
  const using = claims.claimGenerator === undefined ? '' : ` using ${claims.claimGenerator}`;
  const date = claims.signedAt === undefined || Number.isNaN(Date.parse(claims.signedAt)) ? '' : `, ${new Date(claims.signedAt).toISOString().slice(0, 10)}`;
  const trust = state === 'untrusted' ? ` (${untrustedWords[untrustedBy]})` : trustedBy === undefined ? '' : ` (${trustSourceWords[trustedBy]})`;
  return `${what} — signed by ${signer}${trust}${using}${date}`;
}
