import { describe, expect, it } from 'vitest';
import { frameProofId, tabProofId } from './frame-proof-id';

describe('tab proof ids', () => {
  it('keeps the top frame\'s ids and prefixes a frame\'s with the frame', () => {
    expect(tabProofId(0, 'p4')).toBe('p4');
    expect(tabProofId(12, 'p4')).toBe('f12.p4');
  });

  it('reads back the frame and the content script\'s own id', () => {
    expect(frameProofId('p4')).toEqual({ frameId: 0, id: 'p4' });
    expect(frameProofId('f12.p4')).toEqual({ frameId: 12, id: 'p4' });
    expect(frameProofId(tabProofId(7, 'p0'))).toEqual({ frameId: 7, id: 'p0' });
  });
});
