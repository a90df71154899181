/**
 * Where a trust anchor for Content Credentials comes from (spec §9): the
 * C2PA Trust List, the organisation's policy, the reader's own, and the
 * retired interim list when it is turned on. These vouch for signers.
 */
export type AnchorSource = 'c2pa-trust-list' | 'organisation' | 'reader' | 'interim';

/** The C2PA TSA Trust List: it vouches only for the authorities that time-stamp signatures, never for a signer. */
export type TimeStampAnchorSource = 'c2pa-tsa-list';

/** The PEM certificates of one source. */
export type AnchorSet = { source: AnchorSource | TimeStampAnchorSource; pem: string };

/** A set whose anchors vouch for signers. */
export type SignerAnchorSet = AnchorSet & { source: AnchorSource };

/**
 * The order in which a verdict is attributed: a signer is trusted "through"
 * the first source whose anchors, with those before it, make it trusted.
 * The interim list comes last, so it is named only when nothing else
 * would trust the signer.
 */
export const anchorSourceOrder: readonly AnchorSource[] = ['c2pa-trust-list', 'organisation', 'reader', 'interim'];

const isSignerSet = (set: AnchorSet): set is SignerAnchorSet => set.source !== 'c2pa-tsa-list';

/** The signer sets in attribution order, empty ones left out. */
export function orderedSignerSets(sets: readonly AnchorSet[]): SignerAnchorSet[] {
  return sets.filter(isSignerSet).filter(({ pem }) => pem.trim() !== '').toSorted((a, b) => anchorSourceOrder.indexOf(a.source) - anchorSourceOrder.indexOf(b.source));
}

/** The time-stamping authorities' sets, empty ones left out. */
export function timeStampSets(sets: readonly AnchorSet[]): AnchorSet[] {
  return sets.filter((set) => !isSignerSet(set) && set.pem.trim() !== '');
}
