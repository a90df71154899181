import { renderingDoubts } from '../../lib/verdict/rendering-doubts';
import type { RenderedText } from './rendered-text';

/**
 * A reading that could hit-test no place of a snippet's text (none in the
 * viewport, or in a parent's) keeps the cover the reading before it saw:
 * it cannot tell that the cover went, and the snippet read when it came
 * into view may be gone from it again by the time the reading runs.
 */
export function keepCoverSeen(rendered: RenderedText, before: RenderedText | undefined): void {
  if (rendered.coverUntested !== true || before?.doubts.includes('covered') !== true || rendered.doubts.includes('covered')) return;
  rendered.doubts = renderingDoubts.filter((doubt) => doubt === 'covered' || rendered.doubts.includes(doubt));
}
