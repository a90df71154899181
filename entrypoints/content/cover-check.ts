import { topmostAt } from './hit-test';
import type { RenderingDoubt } from '../../lib/verdict/rendering-doubts';

/** Points hit-tested per reading: a hostile snippet of thousands of text nodes costs no more. */
export const coverSamplesPerReading = 40;

/** Where points are taken, as fractions of a line's width: across the first line (a covered word), the middle of the others. */
const acrossFirstLine = [0.25, 0.5, 0.75];
const acrossOtherLines = [0.5];

/**
 * Whether what a reader sees at a point of some text is that text: the
 * topmost element there (topmostAt: Verity's own left aside) must be the element that
 * holds the text (its nearest ancestor with a box). Anything else covers
 * it: an overlay, an element inside the snippet laid over it, a sibling
 * drawn on top, an ancestor's background over text pushed behind it with a
 * negative `z-index`.
 */
export function coverDoubtAt(topmost: Element, holder: Element): RenderingDoubt | undefined {
  return topmost === holder ? undefined : 'covered';
}

export type CoverCheck = {
  /** Notes where a text is drawn (first, middle and last line) as places to hit-test; `holder` is its parent element. */
  consider(holder: Element, lines: readonly DOMRectReadOnly[]): void;
  /** Hit-tests the places noted, or a random sample of them; undefined also when none was in the viewport to test. */
  doubt(): RenderingDoubt | undefined;
};

export type CreateCoverCheckParameters = {
  view: Window;
  isOwn: (element: Element) => boolean;
};

type Place = { holder: Element; x: number; y: number };

/**
 * Hit-tests text (`elementFromPoint`, hit-test.ts), which sees only the viewport:
 * text out of view is tested when it comes into view (rendering-watch.ts
 * reads the snippet again then). A reading tests at most
 * `coverSamplesPerReading` places: when its text offers more, a uniform
 * random sample of them, drawn as the walk goes (reservoir sampling), so a
 * page cannot spend the budget on decoys ahead of the word it covers, nor
 * know which places are tested. Elements with `pointer-events: none` are
 * invisible to hit tests, so text inside one is not sampled. A cover
 * that is fixed or sticky (a header, a cookie bar) does not count on a page that scrolls:
 * the reader scrolls the text out from under it.
 */
export function createCoverCheck({ view, isOwn }: CreateCoverCheckParameters): CoverCheck {
  const styleOf = (element: Element) => view.getComputedStyle(element);
  const sample: Place[] = [];
  let offered = 0;
  const offer = (place: Place): void => {
    offered += 1;
    if (sample.length < coverSamplesPerReading) return void sample.push(place);
    const slot = randomBelow(offered);
    if (slot < coverSamplesPerReading) sample[slot] = place;
  };
  return {
    consider(parent, lines) {
      // Judged as the hit test's answer is, so that both name the same box however many `display: contents` wrap the text.
      const holder = boxedElementOf(parent, styleOf);
      if (view.getComputedStyle(holder).pointerEvents === 'none') return;
      const sampled = new Set([lines[0], lines[Math.floor(lines.length / 2)], lines.at(-1)]);
      for (const line of sampled) {
        const acrossLine = line === lines[0] ? acrossFirstLine : acrossOtherLines;
        if (line === undefined || line.width < 1 || line.height < 1) continue;
        const y = line.top + line.height / 2;
        if (y < 0 || y >= view.innerHeight) continue;
        for (const fraction of acrossLine) {
          const x = line.left + line.width * fraction;
          if (x >= 0 && x < view.innerWidth) offer({ holder, x, y });
        }
      }
    },
    doubt() {
      for (const { holder, x, y } of sample) {
        // Asked of the text's own tree: the document's answer would stop at the host of a shadow root holding it.
        const topmost = topmostAt(holder.getRootNode() as Document | ShadowRoot, x, y, isOwn);
        if (topmost === undefined || coverDoubtAt(boxedElementOf(topmost, styleOf), holder) === undefined) continue;
        if (!coverScrollsAway(topmost, view)) return 'covered';
      }
      return undefined;
    },
  };
}

/**
 * The element text is drawn in: a `display: contents` element has no box
 * of its own, so its nearest ancestor with one. A hit
 * test names the text's parent, which may be such an element.
 */
export function boxedElementOf(element: Element, styleOf: (element: Element) => CSSStyleDeclaration): Element {
  let boxed = element;
  while (boxed.parentElement !== null && styleOf(boxed).display === 'contents') boxed = boxed.parentElement;
  return boxed;
}

/** A whole number below `bound`, from the browser's cryptographic generator: nothing the page can predict. */
function randomBelow(bound: number): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! % bound;
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
