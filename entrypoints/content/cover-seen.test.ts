import { describe, expect, it } from 'vitest';
import { keepCoverSeen } from './cover-seen';
import type { RenderedText } from './rendered-text';

const reading = (doubts: RenderedText['doubts'], coverUntested?: true): RenderedText => ({ text: 'a', complete: true, doubts, ...(coverUntested && { coverUntested }) });

describe('keepCoverSeen', () => {
  it('keeps the cover the reading before saw when this one could hit-test no place, in the fixed order', () => {
    const now = reading(['small'], true);
    keepCoverSeen(now, reading(['covered']));
    expect(now.doubts).toEqual(['covered', 'small']);
  });

  it('drops it when this reading tested and found none, and adds none that was not seen', () => {
    const tested = reading([]);
    keepCoverSeen(tested, reading(['covered']));
    expect(tested.doubts).toEqual([]);
    const untested = reading([], true);
    keepCoverSeen(untested, reading(['faint']));
    keepCoverSeen(untested, undefined);
    expect(untested.doubts).toEqual([]);
  });
});
