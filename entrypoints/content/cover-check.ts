import type { RenderingDoubt } from '../../lib/verdict/rendering-doubts';

/** Points hit-tested per reading: a hostile snippet of thousands of text nodes costs no more. */
export const coverSamplesPerReading = 40;

/** Where points are taken, as fractions of a line's width: across the first line (a covered word), the middle of the others. */
const acrossFirstLine = [0.25, 0.5, 0.75];
const acrossOtherLines = [0.5];

/**
 * Whether what a reader sees at a point of some text is that text: the
 * topmost element there, Verity's own left aside, must be the element that
 * holds the text (its nearest ancestor with a box). Anything else covers
 * it: an overlay, an element inside the snippet laid over it, a sibling
 * drawn on top, an ancestor's background over text pushed behind it with a
 * negative `z-index`.
 */
export function coverDoubtAt(stack: readonly Element[], holder: Element, isOwn: (element: Element) => boolean): RenderingDoubt | undefined {
  const top = stack.find((element) => !isOwn(element));
  if (top === undefined) return undefined;
  return top === holder ? undefined : 'covered';
}

export type CoverCheck = {
  /** Samples a text's drawn lines (first, middle, last); `holder` is its nearest ancestor with a box. Undefined also when no point was in the viewport to test. */
  doubtOf(holder: Element, lines: readonly DOMRectReadOnly[]): RenderingDoubt | undefined;
};

export type CreateCoverCheckParameters = {
  view: Window;
  isOwn: (element: Element) => boolean;
};

/**
 * Hit-tests text with `elementsFromPoint`, which sees only the viewport:
 * text out of view is tested when it comes into view (rendering-watch.ts
 * reads the snippet again then). Elements with `pointer-events: none` are
 * invisible to hit tests, so text inside one is not sampled. A cover
 * that is fixed or sticky (a header, a cookie bar) does not count on a page that scrolls:
 * the reader scrolls the text out from under it.
 */
export function createCoverCheck({ view, isOwn }: CreateCoverCheckParameters): CoverCheck {
  let budget = coverSamplesPerReading;
  return {
    doubtOf(holder, lines) {
      if (view.getComputedStyle(holder).pointerEvents === 'none') return undefined;
      const sampled = new Set([lines[0], lines[Math.floor(lines.length / 2)], lines.at(-1)]);
      for (const line of sampled) {
        const acrossLine = line === lines[0] ? acrossFirstLine : acrossOtherLines;
        if (line === undefined || line.width < 1 || line.height < 1) continue;
        const y = line.top + line.height / 2;
        if (y < 0 || y >= view.innerHeight) continue;
        for (const fraction of acrossLine) {
          const x = line.left + line.width * fraction;
          if (x < 0 || x >= view.innerWidth || budget <= 0) continue;
          budget -= 1;
          // Asked of the text's own tree: the document's answer would stop at the host of a shadow root holding it.
          const stack = (holder.getRootNode() as Document | ShadowRoot).elementsFromPoint(x, y);
          if (coverDoubtAt(stack, holder, isOwn) === undefined) continue;
          if (!coverScrollsAway(stack.find((element) => !isOwn(element))!, view)) return 'covered';
        }
      }
      return undefined;
    },
  };
}

/**
 * Whether a cover is one the reader scrolls out from under: a sticky header
 * or fixed bar (on it or an ancestor), on a page that scrolls.
 */
export function coverScrollsAway(cover: Element, view: Window): boolean {
  if (view.document.documentElement.scrollHeight <= view.innerHeight + 1) return false;
  for (let current: Element | null = cover; current !== null; current = current.parentElement) {
    if (/fixed|sticky/.test(view.getComputedStyle(current).position)) return true;
  }
  return false;
}
