import type { AnchorSource } from '../../../lib/c2pa/anchor-sets';
import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { imageHeadline, signedOnWords, untrustedNotes } from '../../../lib/c2pa/image-words';
import type { ImageState } from '../../../lib/c2pa/validation-states';
import { imageBadgeWord } from './image-badge-words';

export type ImageCardFact = { label: string; value: string };

/** What an image's card says, in words; drawn by image-card.ts. */
export type ImageCardContent = {
  /** Absent for an image without Content Credentials. */
  state?: ImageState;
  word: string;
  headline: string;
  summary: string;
  note?: string;
  /** What the manifest claims, labelled as its claims: never as Verity's findings (spec §9). */
  claims: ImageCardFact[];
  /** The failure codes, as the engine gave them. */
  codes?: string;
};

/** Why a verified image's signer is trusted, on its card. */
const trustNotes: Record<AnchorSource, string> = {
  'c2pa-trust-list': 'Its signer is on the C2PA Trust List, the list of signers the C2PA recognises.',
  organisation: 'Its signer is one your organisation trusts, in the settings it gave Verity.',
  reader: 'Its signer is one you added in Verity’s settings.',
  interim: 'Its signer is on the retired interim list, an older list no longer kept up, which is turned on in Verity’s settings.',
};

const aboutOrigin = 'Content Credentials tell where an image came from and how it was made, not whether what it shows is true.';

/** The card of an image's badge, or of "Verify image with Verity" on an image without Content Credentials (`null`) or one it could not read. */
export function imageCardContentOf(verdict: ImageVerdict | null): ImageCardContent {
  if (verdict === null) {
    return {
      word: 'No Content Credentials',
      headline: 'This image carries no Content Credentials',
      summary: 'Nothing in it says where it came from. Most images carry none: that says nothing either way about the image.',
      claims: [],
    };
  }
  if (verdict.imageUnread === true) {
    return {
      state: verdict.state,
      word: imageBadgeWord(verdict),
      headline: verdict.reason,
      summary: 'Verity could not read this image, so it cannot say whether it carries Content Credentials.',
      claims: [],
    };
  }
  const codes = [...new Set(verdict.failures.map(({ code }) => code))].join(', ');
  return {
    state: verdict.state,
    word: imageBadgeWord(verdict),
    headline: imageHeadline(verdict),
    summary: aboutOrigin,
    ...(verdict.state === 'untrusted' && { note: untrustedNotes[verdict.untrustedBy ?? 'signer'] }),
    ...(verdict.state === 'verified' && verdict.trustedBy !== undefined && { note: trustNotes[verdict.trustedBy] }),
    claims: claimFacts(verdict),
    ...(codes !== '' && { codes }),
  };
}

/** A time in the reader's own locale and zone, as the text card gives one; a time that does not parse, as written. */
function readerTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function claimFacts({ claims, timeStamp }: ImageVerdict): ImageCardFact[] {
  if (claims === undefined) return [];
  const facts: ImageCardFact[] = [];
  if (claims.signer !== undefined) facts.push({ label: 'Signed by', value: claims.signer });
  if (claims.issuer !== undefined && claims.issuer !== claims.signer) facts.push({ label: 'Certificate from', value: claims.issuer });
  if (claims.claimGenerator !== undefined) facts.push({ label: 'Made with', value: claims.claimGenerator });
  if (claims.signedAt !== undefined) facts.push({ label: 'Signed on', value: signedOnWords(claims.signedAt, timeStamp, readerTime) });
  const actions = [...new Set(claims.actions.map(({ action }) => action.replace(/^c2pa\./, '').replaceAll('_', ' ')))];
  if (actions.length > 0) facts.push({ label: 'Actions', value: actions.join(', ') });
  return facts;
}
