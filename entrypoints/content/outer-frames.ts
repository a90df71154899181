import { createCoverCheck } from './cover-check';
import { opacityOf } from './drawn-opacity';
import { flatTreeParentOf } from './flat-tree-parent';
import { effectDoubtOf, effectProperties, valuesOf } from './rendering-doubts';
import type { LookThrough } from './see-through';
import type { RenderingDoubt } from '../../lib/verdict/rendering-doubts';

/** A frame element the snippet's document is drawn in, in its parent's window, with where its content box begins there. */
type OuterFrame = { element: Element; view: Window; left: number; top: number };

/**
 * The frames `view`'s document is drawn in, innermost first, up to the top
 * or to the first parent of another origin, whose document a content
 * script cannot read (its `frameElement` is null).
 */
export function outerFramesOf(view: Window): OuterFrame[] {
  const frames: OuterFrame[] = [];
  for (let inner: Window = view; ; ) {
    const element = inner.frameElement;
    const parent = element?.ownerDocument.defaultView;
    if (element === null || element === undefined || parent === null || parent === undefined) return frames;
    const box = element.getBoundingClientRect();
    const style = parent.getComputedStyle(element);
    frames.push({
      element,
      view: parent,
      left: box.left + element.clientLeft + Number.parseFloat(style.paddingLeft || '0'),
      top: box.top + element.clientTop + Number.parseFloat(style.paddingTop || '0'),
    });
    inner = parent;
  }
}

export type OuterFramesCheck = {
  /** The opacity the frames draw their documents at, together: the snippet's text is drawn at its own times this. */
  readonly opacity: number;
  /** Lines of the snippet's text, in its own viewport: where each parent is hit-tested for something drawn over its frame. */
  text(lines: readonly DOMRectReadOnly[]): void;
  /** What the frames' parents do to the snippet: effects on a frame element or its ancestors, and (hit-testing) covers over its text. */
  doubts(parameters: { coversToo: boolean }): RenderingDoubt[];
};

export type CreateOuterFramesCheckParameters = {
  view: Window;
  isOwn: (element: Element) => boolean;
  /** Hit-test boxes that pass clicks through too (cover-check.ts). */
  seeThrough?: boolean;
  look?: LookThrough;
};

/**
 * A frame's document cannot see what the page around the frame does to
 * it: a box laid over the frame, a fade, a transform or a filter on the
 * frame element. Each parent a content script can read (same origin:
 * srcdoc, about:blank and same-site frames) is asked as the snippet's own
 * document is, with the frame element standing for the text it draws.
 */
export function createOuterFramesCheck({ view, isOwn, seeThrough, look }: CreateOuterFramesCheckParameters): OuterFramesCheck {
  const frames = outerFramesOf(view);

  const effects = new Set<RenderingDoubt>();
  let opacity = 1;
  for (const { element, view: parent } of frames) {
    for (let ancestor: Element | null = element; ancestor !== null; ancestor = flatTreeParentOf(ancestor)) {
      const doubt = effectDoubtOf(valuesOf(parent.getComputedStyle(ancestor), effectProperties));
      if (doubt !== undefined) effects.add(doubt);
    }
    opacity *= opacityOf(element, parent);
  }
  const covers = frames.map(({ view: parent }) => createCoverCheck({ view: parent, isOwn, seeThrough, look }));
  return {
    opacity,
    text(lines) {
      let inner = view;
      let drawn = lines;
      frames.forEach((frame, index) => {
        // What the frame shows of the lines (its viewport), where its parent draws them.
        drawn = drawn.flatMap((line) => {
          const shown = clipped(line, inner.innerWidth, inner.innerHeight);
          return shown === undefined ? [] : [new DOMRectReadOnly(shown.x + frame.left, shown.y + frame.top, shown.width, shown.height)];
        });
        if (drawn.length > 0) covers[index]!.consider(frame.element, drawn);
        inner = frame.view;
      });
    },
    doubts({ coversToo }) {
      const doubts = [...effects];
      if (coversToo && covers.some((cover) => cover.doubt() === 'covered')) doubts.push('covered');
      return doubts;
    },
  };
}

/** The part of `line` inside a viewport of that size; undefined when none is. */
function clipped(line: DOMRectReadOnly, width: number, height: number): { x: number; y: number; width: number; height: number } | undefined {
  const left = Math.max(line.left, 0);
  const top = Math.max(line.top, 0);
  const right = Math.min(line.right, width);
  const bottom = Math.min(line.bottom, height);
  return right - left < 1 || bottom - top < 1 ? undefined : { x: left, y: top, width: right - left, height: bottom - top };
}
