import { topmostAt } from './hit-test';
import { createReservoir } from './reservoir';
import { valuesOf, type StyleValues } from './rendering-doubts';
import { withEveryBoxHitTestable, type LookThrough, type OutOfReach } from './see-through';
import { shadowRootOf } from './shadow-root-of';
import { parseColour } from './text-colour';
import type { RenderingDoubt } from '../../lib/verdict/rendering-doubts';

/** Points hit-tested per reading: a hostile snippet of thousands of text nodes costs no more. */
export const coverSamplesPerReading = 40;

/**
 * Points taken across each line: one at a random place in each equal part
 * of the line, drawn afresh at every reading, so that a page cannot lay a
 * narrow cover where it knows no point falls.
 */
const pointsAcrossLine = 3;
/**
 * What is left out at each end of a line, as a share of its height: an
 * honest page's icon or chip may overlap a first or last letter by a pixel
 * or two, and a box over a whole word there is wider than this.
 */
const lineEndLeftOut = 0.25;

export type CoverCheck = {
  /** Notes where a text is drawn (each line it is on) as places to hit-test; `holder` is its parent element. */
  consider(holder: Element, lines: readonly DOMRectReadOnly[]): void;
  /** An element of the snippet passes clicks through (`pointer-events: none`, `inert`): one laid over its text would be out of hit tests' reach. */
  outOfReach(): void;
  /** Hit-tests the places noted, or a random sample of them; undefined also when none was in the viewport to test. */
  doubt(): RenderingDoubt | undefined;
  /** Whether any place was in the viewport to test: a reading with none cannot tell that nothing covers the text. */
  readonly tested: boolean;
};

export type CreateCoverCheckParameters = {
  view: Window;
  isOwn: (element: Element) => boolean;
  /**
   * Hit-test boxes with `pointer-events: none` too (see-through.ts), at
   * the cost of restyling the page: where the browser told that something
   * may be drawn over the snippet, or cannot tell.
   */
  seeThrough?: boolean;
  /** A look through every box held across this task's readings, used whenever one is needed, and always once open (it is then free). */
  look?: LookThrough;
};

type Place = { holder: Element; x: number; y: number };

/** Where on a line from `left` to `right`, `height` tall, points are taken: one at random in each part of it (see pointsAcrossLine). */
function placesAcrossLine(left: number, right: number, height: number): number[] {
  const inset = Math.min(height * lineEndLeftOut, (right - left) / 4);
  const part = (right - left - 2 * inset) / pointsAcrossLine;
  return [...crypto.getRandomValues(new Uint32Array(pointsAcrossLine))].map((value, index) => left + inset + part * (index + value / 2 ** 32));
}

/**
 * Hit-tests text (`elementFromPoint`, hit-test.ts), which sees only the viewport:
 * text out of view is tested when it comes into view (rendering-watch.ts
 * reads the snippet again then). Every line of the text in view offers
 * `pointsAcrossLine` places, at random within its parts, and a reading
 * tests at most `coverSamplesPerReading`: when its text offers more, a uniform
 * random sample of them, drawn as the walk goes (reservoir sampling), so a
 * page cannot spend the budget on decoys ahead of the word it covers, nor
 * know which places are tested. At each, what is drawn on top must be the
 * text's own element, passing over Verity's own and elements that draw
 * nothing there (coverAt). Elements with `pointer-events: none` are out of
 * hit tests' reach: where the snippet has one, or `seeThrough`, every box
 * is tested. A cover that is fixed or sticky (a header, a cookie bar) does
 * not count on a page that scrolls: the reader scrolls the text out from under it.
 */
export function createCoverCheck({ view, isOwn, seeThrough = false, look }: CreateCoverCheckParameters): CoverCheck {
  const styleOf = (element: Element) => view.getComputedStyle(element);
  const { offer, items: sample } = createReservoir<Place>(coverSamplesPerReading);
  let somethingOutOfReach = false;
  const coverIn = (unseen: readonly OutOfReach[]): RenderingDoubt | undefined => {
    for (const place of sample) {
      const cover = coverAt({ ...place, view, isOwn, unseen });
      if (cover !== undefined && !coverScrollsAway(cover, view, place.holder)) return 'covered';
    }
    return undefined;
  };
  return {
    consider(parent, lines) {
      // Judged as the hit test's answer is, so that both name the same box however many `display: contents` wrap the text.
      const holder = boxedElementOf(parent, styleOf);
      if (styleOf(holder).pointerEvents === 'none') somethingOutOfReach = true;
      for (const line of lines) {
        // The part of the line in the viewport: a line the reader sees only part of is tested there, not passed over.
        const [left, right] = [Math.max(line.left, 0), Math.min(line.right, view.innerWidth)];
        const [top, bottom] = [Math.max(line.top, 0), Math.min(line.bottom, view.innerHeight)];
        if (right - left < 1 || bottom - top < 1) continue;
        for (const x of placesAcrossLine(left, right, line.height)) offer({ holder, x, y: (top + bottom) / 2 });
      }
    },
    outOfReach() {
      somethingOutOfReach = true;
    },
    get tested() {
      return sample.length > 0;
    },
    doubt() {
      if (sample.length === 0) return undefined;
      // While a look is open, the styles read above say `auto` everywhere: it is used whatever they say.
      if (!seeThrough && !somethingOutOfReach && look?.open !== true) return coverIn([]);
      // Asked of the text's own trees: the document's styles reach no shadow tree.
      const roots = new Set([view.document, ...sample.map(({ holder }) => holder.getRootNode() as Document | ShadowRoot)]);
      return look === undefined ? withEveryBoxHitTestable(roots, coverIn) : look.during(roots, coverIn);
    },
  };
}

export type CoverAtParameters = {
  holder: Element;
  x: number;
  y: number;
  view: Window;
  isOwn: (element: Element) => boolean;
  /** Elements hit tests cannot reach even now (see-through.ts): judged by their boxes. */
  unseen: readonly OutOfReach[];
};

/**
 * What covers the text of `holder` at a point, if anything: the topmost
 * element there that is neither Verity's nor the text's own (nearest
 * boxed) element and draws something (an overlay, an element inside the
 * snippet laid over it, a sibling drawn on top, an ancestor's background
 * over text pushed behind it with a negative `z-index`). An element that
 * draws nothing there (a transparent layer that holds toasts, say) hides
 * nothing: the stack under it is read. Text whose own element is out of
 * reach cannot be confirmed uncovered and is its own cover.
 */
export function coverAt({ holder, x, y, view, isOwn, unseen }: CoverAtParameters): Element | undefined {
  if (unseen.some(({ element }) => element === holder)) return holder;
  const styleOf = (element: Element) => view.getComputedStyle(element);
  // Asked of the text's own tree: the document's answer would stop at the host of a shadow root holding it.
  const root = holder.getRootNode() as Document | ShadowRoot;
  const topmost = topmostAt(root, x, y, isOwn);
  if (topmost !== undefined && boxedElementOf(topmost, styleOf) !== holder) {
    if (!drawsNothingOver(holder, topmost, x, y, view, isOwn)) return topmost;
    for (const element of root.elementsFromPoint(x, y)) {
      if (boxedElementOf(element, styleOf) === holder) break;
      if (!isOwn(element) && !drawsNothingOver(holder, element, x, y, view, isOwn)) return element;
    }
  }
  return unseen.find(({ element, box }) => holds(box, x, y) && !holdsAcrossShadows(element, holder) && !drawsNothingOver(holder, element, x, y, view, isOwn))?.element;
}

const boxSides = ['top', 'right', 'bottom', 'left'];

/** Elements that draw content of their own, whatever their style. */
const replacedTags = new Set(['img', 'svg', 'canvas', 'video', 'audio', 'picture', 'object', 'embed', 'iframe', 'input', 'textarea', 'select', 'math', 'meter', 'progress']);

export type DrawingFacts = {
  tag: string;
  style: StyleValues;
  /** The computed `content` of its `::before` and `::after`, which hit tests report as the element. */
  generated: readonly string[];
  /** Whether it holds text of its own, directly: characters, or only spaces (which draw nothing but a line under them). */
  ownText: boolean | 'spaces';
};

/**
 * Whether an element draws nothing of its own: no text, no replaced
 * content, no generated box, and no background, border, outline or shadow
 * (kebab-case computed values; a missing one reads as its initial value).
 */
export function drawsNothing({ tag, style, generated, ownText }: DrawingFacts): boolean {
  if (ownText === true || replacedTags.has(tag)) return false;
  if (generated.some((content) => !['none', 'normal', ''].includes(content))) return false;
  const is = (property: string, initial: string, ...nothing: string[]) => [initial, ...nothing].includes(style[property] || initial);
  if (parseColour(style['background-color'] || 'transparent')?.alpha !== 0) return false;
  if (!is('background-image', 'none') || !is('border-image-source', 'none') || !is('box-shadow', 'none') || !is('backdrop-filter', 'none') || !is('filter', 'none')) return false;
  if (boxSides.some((side) => !is(`border-${side}-style`, 'none', 'hidden') && Number.parseFloat(style[`border-${side}-width`] || '0') > 0)) return false;
  // A marker, a rule between columns, a line under or through its text (spaces that break no line draw one too).
  if (/list-item/.test(style['display'] ?? '') && !is('list-style-type', 'none')) return false;
  if (!is('column-rule-style', 'none', 'hidden') && Number.parseFloat(style['column-rule-width'] || '0') > 0) return false;
  if (ownText === 'spaces' && !is('text-decoration-line', 'none')) return false;
  return is('outline-style', 'none') || Number.parseFloat(style['outline-width'] || '0') === 0;
}

const drawingProperties = [
  'display',
  'list-style-type',
  'column-rule-style',
  'column-rule-width',
  'text-decoration-line',
  'background-color',
  'background-image',
  'border-image-source',
  'box-shadow',
  'backdrop-filter',
  'filter',
  'outline-style',
  'outline-width',
  ...boxSides.flatMap((side) => [`border-${side}-style`, `border-${side}-width`]),
];

/**
 * Whether an element draws nothing over `holder`'s text at a point: of
 * its own, nor, as a shadow host, by what its shadow tree draws there
 * above the text. Hit tests name the host for anything of that tree, so a
 * web component whose host has no style of its own can hold an overlay.
 */
function drawsNothingOver(holder: Element, element: Element, x: number, y: number, view: Window, isOwn: (element: Element) => boolean): boolean {
  if (!drawsNothingOf(element, view)) return false;
  const shadow = shadowRootOf(element);
  if (shadow === null) return true;
  // The stack there as that tree sees it: its own elements (nested hosts standing for theirs) among those outside it.
  for (const inner of shadow.elementsFromPoint(x, y)) {
    if (boxedElementOf(inner, (each) => view.getComputedStyle(each)) === holder || holdsAcrossShadows(inner, holder)) break;
    if (inner.getRootNode() === shadow && !isOwn(inner) && !drawsNothingOver(holder, inner, x, y, view, isOwn)) return false;
  }
  return true;
}

function drawsNothingOf(element: Element, view: Window): boolean {
  return drawsNothing({
    tag: element.localName,
    style: valuesOf(view.getComputedStyle(element), drawingProperties),
    generated: ['::before', '::after'].map((pseudo) => view.getComputedStyle(element, pseudo).content),
    ownText: holdsOwnText(element),
  });
}

/** Children looked at for text of an element's own; one with more is taken to hold some. */
const childrenLookedAt = 256;

function holdsOwnText(element: Element): boolean | 'spaces' {
  const children = element.childNodes;
  if (children.length > childrenLookedAt) return true;
  let spaces = false;
  for (const node of children) {
    if (node.nodeType !== 3) continue;
    // Spaces that break no line (U+00A0 and kin) carry an underline across a box as letters would.
    if (/[^\t\n\f\r ]/.test(node.nodeValue!)) {
      if (node.nodeValue!.trim() !== '') return true;
      spaces = true;
    }
  }
  return spaces ? 'spaces' : false;
}

function holdsAcrossShadows(ancestor: Element, element: Element): boolean {
  for (let inside: Element | undefined = element; inside !== undefined; inside = (inside.getRootNode() as Partial<ShadowRoot>).host) {
    if (ancestor.contains(inside)) return true;
  }
  return false;
}

function holds(box: DOMRectReadOnly, x: number, y: number): boolean {
  return x >= box.left && x < box.right && y >= box.top && y < box.bottom;
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

/**
 * Whether a cover is one the reader scrolls out from under: a sticky header
 * or fixed bar (on it or an ancestor), on a page that scrolls. Not when
 * that bar holds what it covers (`covered`) too: they stay together.
 */
export function coverScrollsAway(cover: Element, view: Window, covered: Element): boolean {
  if (view.document.documentElement.scrollHeight <= view.innerHeight + 1) return false;
  for (let current: Element | null = cover; current !== null; current = current.parentElement) {
    if (/fixed|sticky/.test(view.getComputedStyle(current).position)) return !holdsAcrossShadows(current, covered);
  }
  return false;
}
