import type { RenderingDoubt } from '../../lib/verdict/rendering-doubts';

/** An animation that changes the text's look this long from now or later, in ms, has not shown its end to the reading. */
const longestAnimationLeft = 1_000;

/** Properties through which an animation can hide, fade, move or reshape words, as keyframes name them. */
const textHidingProperties = new Set([
  'color', 'webkitTextFillColor', 'opacity', 'visibility', 'display', 'transform', 'translate', 'scale', 'rotate', 'filter',
  'clipPath', 'fontSize', 'letterSpacing', 'textIndent', 'width', 'height', 'maxWidth', 'maxHeight', 'left', 'right', 'top',
  'bottom', 'backgroundColor', 'zIndex',
]);

/** Ranges of a page's highlights looked at: a code editor may register thousands. */
const highlightRangesLookedAt = 10_000;

/**
 * Styles that reach the words apart from what a reading sees: an
 * animation still to change how they look (a step to transparent after
 * minutes, one driven by scrolling), which no style change announces, and
 * a highlight of the CSS Custom Highlight API over them, which paints
 * ranges with a style of its own (`::highlight()`). On the snippet, its
 * elements and its ancestors; animations of generated boxes are left to
 * the generated-content rules.
 */
export function styledApartLaterDoubtOf(root: Element, view: Window): RenderingDoubt | undefined {
  if (typeof root.getAnimations === 'function') {
    const ancestors: Animation[] = [];
    for (let ancestor = root.parentElement; ancestor !== null; ancestor = ancestor.parentElement) ancestors.push(...ancestor.getAnimations());
    if ([...root.getAnimations({ subtree: true }), ...ancestors].some(changesWordsLater)) return 'styled-apart';
  }
  return highlightDoubtOf(view, root);
}

function highlightDoubtOf(view: Window, root: Element): RenderingDoubt | undefined {
  let looked = 0;
  try {
    const highlights = (view as Window & { CSS?: { highlights?: Map<string, Iterable<AbstractRange>> } }).CSS?.highlights;
    if (highlights === undefined || highlights.size === 0) return undefined;
    for (const highlight of highlights.values()) {
      for (const range of highlight) {
        if (++looked > highlightRangesLookedAt) return undefined;
        if (reaches(range, root)) return 'styled-apart';
      }
    }
  } catch {
    // A registry the content script cannot walk (Firefox's wrapper of the page's): any highlight may reach the words.
    return 'styled-apart';
  }
  return undefined;
}

function changesWordsLater(animation: Animation): boolean {
  if (animation.playState === 'finished' || animation.playState === 'idle') return false;
  const effect = animation.effect as KeyframeEffect | null;
  if (effect === null || (effect.pseudoElement ?? null) !== null) return false;
  const touches = effect.getKeyframes().some((frame) => Object.keys(frame).some((property) => textHidingProperties.has(property)));
  if (!touches) return false;
  // Driven by scrolling, or by anything but the page's clock: it changes as the reader moves.
  if (animation.timeline !== effect.target?.ownerDocument.timeline) return true;
  const { endTime } = effect.getComputedTiming();
  const now = Number(animation.currentTime ?? 0);
  return !Number.isFinite(Number(endTime)) || Number(endTime) - now > longestAnimationLeft;
}

function reaches(range: AbstractRange, root: Element): boolean {
  if ('intersectsNode' in range) return (range as Range).intersectsNode(root);
  return root.contains(range.startContainer) || root.contains(range.endContainer);
}
