import { describe, expect, it } from 'vitest';
import { placeCard } from './card-position';

const viewport = { width: 1000, height: 800 };
const card = { width: 300, height: 200 };

describe('placeCard', () => {
  it('puts the card under the badge, lined up with it', () => {
    expect(placeCard({ anchor: { left: 100, right: 120, top: 100, bottom: 120 }, card, viewport })).toEqual({ left: 100, top: 126, side: 'below' });
  });

  it('keeps it inside the window on the right and the left', () => {
    expect(placeCard({ anchor: { left: 900, right: 920, top: 100, bottom: 120 }, card, viewport }).left).toBe(692);
    expect(placeCard({ anchor: { left: -40, right: -20, top: 100, bottom: 120 }, card, viewport }).left).toBe(8);
  });

  it('puts it above when it does not fit under and does above', () => {
    expect(placeCard({ anchor: { left: 100, right: 120, top: 700, bottom: 720 }, card, viewport })).toEqual({ left: 100, top: 494, side: 'above' });
  });

  it('keeps it inside the window when it fits neither way, on the side with more room, over the badge if need be', () => {
    // 400 % zoom: a 320 by 225 window, a card 153 high, the badge in the middle.
    const small = { width: 320, height: 225 };
    const placed = placeCard({ anchor: { left: 40, right: 62, top: 100, bottom: 122 }, card: { width: 304, height: 153 }, viewport: small });
    expect(placed).toEqual({ left: 8, top: 64, side: 'below' });
    expect(placed.top + 153).toBeLessThanOrEqual(small.height - 8);
    expect(placeCard({ anchor: { left: 40, right: 62, top: 150, bottom: 172 }, card: { width: 304, height: 153 }, viewport: small })).toMatchObject({ top: 8, side: 'above' });
  });

  it('goes beside the badge, never over it, in a short wide window (200 % zoom)', () => {
    // 200 % zoom on a 1280 by 720 screen: 640 by 300 after the browser's bars; a card 260 high.
    const wide = { width: 640, height: 300 };
    const tall = { width: 304, height: 260 };
    const right = placeCard({ anchor: { left: 100, right: 130, top: 140, bottom: 162 }, card: tall, viewport: wide });
    expect(right).toEqual({ left: 136, top: 32, side: 'right' });
    const left = placeCard({ anchor: { left: 500, right: 530, top: 140, bottom: 162 }, card: tall, viewport: wide });
    expect(left).toEqual({ left: 190, top: 32, side: 'left' });
    for (const [placed, badge] of [[right, { left: 100, right: 130 }], [left, { left: 500, right: 530 }]] as const) {
      const overlaps = placed.left < badge.right && placed.left + tall.width > badge.left;
      expect(overlaps).toBe(false);
    }
  });
});
