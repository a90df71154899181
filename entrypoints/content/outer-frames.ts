import { createCoverCheck } from './cover-check';
import { opacityOf } from './drawn-opacity';
import { flatTreeParentOf } from './flat-tree-parent';
import { createReservoir } from './reservoir';
import { effectDoubtOf, effectProperties, faintestConfirmed, valuesOf } from './rendering-doubts';
import type { LookThrough } from './see-through';
import type { RenderingDoubt } from '../../lib/verdict/rendering-doubts';

/** A frame element a document is drawn in, in its parent's window, with its content box there (the framed document's viewport). */
export type OuterFrame = { element: Element; view: Window; left: number; top: number; width: number; height: number };

/** A rectangle in a viewport, as it goes between frames. */
export type Box = { x: number; y: number; width: number; height: number };

/** Lines of text in the outermost window a content script can read, for a parent of another origin to look at (frame-look.ts). */
export type AroundFrame = {
  /** How many readable frames up that window is from the text's own: 0 when it is the text's own. */
  levels: number;
  /** Sampled lines in that window's viewport, clipped to it. */
  lines: Box[];
  /** Whether boxes that pass clicks through are hit-tested too (cover-check.ts): the reading did so. */
  seeThrough: boolean;
  /** The least opacity the frames around that window may draw the text at, together, before some of it is too faint to confirm. */
  leastOpacity: number;
};

/** Lines passed up to a parent of another origin: as many as a reading hit-tests. */
export const aroundLinesSent = 40;

/** `element` as the frame its document is drawn in, in `parent`'s viewport. */
export function outerFrameOf(element: Element, parent: Window): OuterFrame {
  const box = element.getBoundingClientRect();
  const style = parent.getComputedStyle(element);
  const padding = (side: string) => Number.parseFloat(style.getPropertyValue(`padding-${side}`) || '0');
  const left = box.left + element.clientLeft + padding('left');
  const top = box.top + element.clientTop + padding('top');
  const width = (element.clientWidth || box.width) - padding('left') - padding('right');
  const height = (element.clientHeight || box.height) - padding('top') - padding('bottom');
  return { element, view: parent, left, top, width, height };
}

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
    frames.push(outerFrameOf(element, parent));
    inner = parent;
  }
}

export type OuterFramesCheck = {
  /** The opacity the frames draw their documents at, together: the text is drawn at its own times this. */
  readonly opacity: number;
  /** Lines of the text, in the innermost framed document's viewport: where each parent is hit-tested for something drawn over its frame. */
  text(lines: readonly Box[]): void;
  /** What the frames' parents do to the text: effects on a frame element or its ancestors, and (hit-testing) covers over it. */
  doubts(parameters: { coversToo: boolean }): RenderingDoubt[];
  /** Whether a parent of another origin is to look at the text (`around`): only then is `fadesBelow` worth working out. */
  readonly looksBeyond: boolean;
  /** Some of the text is too faint to confirm when the frames beyond the readable ones draw it at less than this opacity (leastOuterOpacityOf). */
  fadesBelow(opacity: number): void;
  /** Where the text is drawn in the outermost readable window, when that window has a parent of another origin; else undefined. */
  around(): AroundFrame | undefined;
  /** Whether every parent had a place of the text in its viewport to hit-test. */
  readonly tested: boolean;
};

export type CreateOuterFramesCheckParameters = {
  /** The window whose document holds the text. */
  view: Window;
  /** The frames it is drawn in, innermost first; outerFramesOf(view) unless given. */
  frames?: OuterFrame[];
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
 * Beyond the first parent of another origin, the lines go to it through
 * the worker (`around`).
 */
export function createOuterFramesCheck({ view, frames = outerFramesOf(view), isOwn, seeThrough, look }: CreateOuterFramesCheckParameters): OuterFramesCheck {
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
  const outermost = frames.at(-1)?.view ?? view;
  // A window is its own parent at the top; a parent it cannot read gives it no frame element.
  const aroundLines = outermost.parent !== outermost ? createReservoir<Box>(aroundLinesSent) : undefined;
  // Opaque text on the page's own colours has down to the faintness floor to spare.
  let leastOpacity = faintestConfirmed;
  return {
    opacity,
    looksBeyond: aroundLines !== undefined,
    fadesBelow(opacity) {
      leastOpacity = Math.min(1, Math.max(leastOpacity, opacity));
    },
    text(lines) {
      let drawn: Box[] = [...lines];
      frames.forEach((frame, index) => {
        // What the frame shows of the lines (its content box), where its parent draws them.
        drawn = drawn.flatMap((line) => {
          const shown = clipped(line, frame.width, frame.height);
          return shown === undefined ? [] : [{ ...shown, x: shown.x + frame.left, y: shown.y + frame.top }];
        });
        if (drawn.length > 0) covers[index]!.consider(frame.element, drawn.map(({ x, y, width, height }) => new DOMRectReadOnly(x, y, width, height)));
      });
      if (aroundLines === undefined) return;
      // Every line, as a reading hit-tests them.
      for (const line of drawn) {
        const shown = clipped(line, outermost.innerWidth, outermost.innerHeight);
        if (shown !== undefined) aroundLines.offer(shown);
      }
    },
    doubts({ coversToo }) {
      const doubts = [...effects];
      if (coversToo && covers.some((cover) => cover.doubt() === 'covered')) doubts.push('covered');
      return doubts;
    },
    get tested() {
      return covers.every((cover) => cover.tested);
    },
    around() {
      return aroundLines === undefined ? undefined : { levels: frames.length, lines: [...aroundLines.items], seeThrough: seeThrough ?? false, leastOpacity };
    },
  };
}

/** The part of `line` inside a viewport of that size; undefined when none is. */
function clipped(line: Box, width: number, height: number): Box | undefined {
  const left = Math.max(line.x, 0);
  const top = Math.max(line.y, 0);
  const right = Math.min(line.x + line.width, width);
  const bottom = Math.min(line.y + line.height, height);
  return right - left < 1 || bottom - top < 1 ? undefined : { x: left, y: top, width: right - left, height: bottom - top };
}
