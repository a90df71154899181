import { describe, expect, it } from 'vitest';
import { placeCard } from './card-position';

const viewport = { width: 1000, height: 800 };
const card = { width: 300, height: 200 };

describe('placeCard', () => {
  it('puts the card under the badge, lined up with it', () => {
    expect(placeCard({ anchor: { left: 100, top: 100, bottom: 120 }, card, viewport })).toEqual({ left: 100, top: 126, side: 'below' });
  });

  it('keeps it inside the window on the right and the left', () => {
    expect(placeCard({ anchor: { left: 900, top: 100, bottom: 120 }, card, viewport }).left).toBe(692);
    expect(placeCard({ anchor: { left: -40, top: 100, bottom: 120 }, card, viewport }).left).toBe(8);
  });

  it('puts it above when it does not fit under and does above', () => {
    expect(placeCard({ anchor: { left: 100, top: 700, bottom: 720 }, card, viewport })).toEqual({ left: 100, top: 494, side: 'above' });
  });

  it('stays under when it fits neither way: the reader can scroll', () => {
    expect(placeCard({ anchor: { left: 100, top: 150, bottom: 170 }, card: { width: 300, height: 700 }, viewport }).side).toBe('below');
  });
});
