/**
 * Where a trust anchor for Content Credentials comes from (spec §9): the
 * C2PA Trust List (with its TSA list), the organisation's policy, the
 * reader's own, and the retired interim list when it is turned on.
 */
export type AnchorSource = 'c2pa-trust-list' | 'organisation' | 'reader' | 'interim';

/** The PEM certificates of one source. */
export type AnchorSet = { source: AnchorSource; pem: string };

/**
 * The order in which a verdict is attributed: a signer is trusted "through"
 * the first source whose anchors, with those before it, make it trusted.
 * The interim list comes last, so it is named only when nothing else
 * would trust the signer.
 */
export const anchorSourceOrder: readonly AnchorSource[] = ['c2pa-trust-list', 'organisation', 'reader', 'interim'];

/** The sets in attribution order, empty ones left out. */
export function orderedAnchorSets(sets: readonly AnchorSet[]): AnchorSet[] {
  return sets.filter(({ pem }) => pem.trim() !== '').toSorted((a, b) => anchorSourceOrder.indexOf(a.source) - anchorSourceOrder.indexOf(b.source));
}

/** The anchors of several sets as one PEM text, as the engine takes them. */
export function joinAnchorSets(sets: readonly AnchorSet[]): string {
  return sets.map(({ pem }) => pem.trim()).join('\n');
}
