import { describe, expect, it, vi } from 'vitest';
import { addDoubtsAround, completeReadings } from './doubts-around';
import type { RenderedText } from './rendered-text';

const around = { levels: 0, lines: [{ x: 1, y: 2, width: 30, height: 16 }], seeThrough: false, leastOpacity: 0.3 };

describe('addDoubtsAround', () => {
  it("adds what the page around the frame does to each reading under one, in the doubts' fixed order, and asks nothing for the others", async () => {
    const framed: RenderedText = { text: 'a', complete: true, doubts: ['small'], around };
    const plain: RenderedText = { text: 'b', complete: true, doubts: [] };
    const look = vi.fn(async () => ({ doubts: ['covered' as const, 'small' as const] }));
    await addDoubtsAround([framed, plain, framed], look);
    expect(framed.doubts).toEqual(['covered', 'small']);
    expect(plain.doubts).toEqual([]);
    expect(look.mock.calls).toEqual([[around]]);
  });

  it('adds that the page around could not be looked at when the worker could not be asked', async () => {
    const framed: RenderedText = { text: 'a', complete: true, doubts: [], around };
    await addDoubtsAround([framed], async () => Promise.reject(new Error('Extension context invalidated.')));
    expect(framed.doubts).toEqual(['around-frame']);
  });

  it('marks the reading untested for covers when a parent had no place of it in view', async () => {
    const framed: RenderedText = { text: 'a', complete: true, doubts: [], around };
    await addDoubtsAround([framed], async () => ({ doubts: [], untested: true }));
    expect(framed.coverUntested).toBe(true);
  });

  it('completes a batch at once when no reading needs the look (keeping a cover seen), and after the look when one does', async () => {
    const look = vi.fn(async () => ({ doubts: ['faint' as const] }));
    const untested: RenderedText = { text: 'a', complete: true, doubts: [], coverUntested: true };
    const next = vi.fn(() => 'sent');
    expect(completeReadings([{ rendered: untested, before: { text: 'a', complete: true, doubts: ['covered'] } }], look, next)).toBe('sent');
    expect(untested.doubts).toEqual(['covered']);
    expect(look).not.toHaveBeenCalled();

    const framed: RenderedText = { text: 'b', complete: true, doubts: [], around };
    const later = completeReadings([{ rendered: framed, before: undefined }], look, () => framed.doubts);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toEqual(['faint']);
  });
});
