export type CardPlacement = { left: number; top: number; side: 'below' | 'above' | 'right' | 'left' };

export type PlaceCardParameters = {
  /** The badge's box, viewport coordinates. */
  anchor: { left: number; right: number; top: number; bottom: number };
  card: { width: number; height: number };
  viewport: { width: number; height: number };
};

/** Space kept between the card and the badge, and between the card and the window's edges. */
const gap = 6;
const margin = 8;

/**
 * Where the card goes: under the badge, its left edge on the badge's,
 * kept inside the window; above the badge when it does not fit under it
 * and does above; beside it (right, then left) in a short, wide window
 * (200 % zoom on a laptop), so the card never hides the badge it explains.
 * When it fits nowhere (400 % zoom), it is kept inside the window on the
 * side with more room, over the badge if need be: a card cut off by the
 * window's edge would hide its own controls.
 */
export function placeCard({ anchor, card, viewport }: PlaceCardParameters): CardPlacement {
  const left = Math.max(margin, Math.min(anchor.left, viewport.width - card.width - margin));
  const below = anchor.bottom + gap;
  const above = anchor.top - gap - card.height;
  const lowest = Math.max(margin, viewport.height - margin - card.height);
  if (below + card.height <= viewport.height - margin) return { left, top: below, side: 'below' };
  if (above >= margin) return { left, top: above, side: 'above' };
  const besideTop = Math.max(margin, Math.min(anchor.top, lowest));
  if (anchor.right + gap + card.width <= viewport.width - margin) return { left: anchor.right + gap, top: besideTop, side: 'right' };
  if (anchor.left - gap - card.width >= margin) return { left: anchor.left - gap - card.width, top: besideTop, side: 'left' };
  const side = viewport.height - anchor.bottom >= anchor.top ? 'below' : 'above';
  return { left, top: side === 'below' ? Math.min(below, lowest) : margin, side };
}
