export type CardPlacement = { left: number; top: number; side: 'below' | 'above' };

export type PlaceCardParameters = {
  /** The badge's box, viewport coordinates. */
  anchor: { left: number; top: number; bottom: number };
  card: { width: number; height: number };
  viewport: { width: number; height: number };
};

/** Space kept between the card and the badge, and between the card and the window's edges. */
const gap = 6;
const margin = 8;

/**
 * Where the card goes: under the badge, its left edge on the badge's,
 * kept inside the window; above the badge when it does not fit under it
 * and does above.
 */
export function placeCard({ anchor, card, viewport }: PlaceCardParameters): CardPlacement {
  const left = Math.max(margin, Math.min(anchor.left, viewport.width - card.width - margin));
  const below = anchor.bottom + gap;
  const above = anchor.top - gap - card.height;
  if (below + card.height > viewport.height - margin && above >= margin) return { left, top: above, side: 'above' };
  return { left, top: below, side: 'below' };
}
