import { createCoverCheck } from './cover-check';
import { opacityOf, type OpacityMemo } from './drawn-opacity';
import { drawnOverTextDoubtOf, drawnOverTextProperties } from './drawn-over-text';
import { flatTreeParentOf } from './flat-tree-parent';
import { fontScaleDoubtOf, shrunkFamiliesIn, type FontStyle, type ShrunkFamilies } from './font-scale';
import { createOuterFramesCheck, type AroundFrame } from './outer-frames';
import { createScrollPseudoCheck } from './scroll-pseudos';
import { createSelectionStyles, readDeclaredColour, selectedPaintOf, selectionReaches, type SelectionStyles } from './selection-style';
import { shadowRootOf } from './shadow-root-of';
import { styledApartLaterDoubtOf } from './styled-apart-later';
import type { LookThrough } from './see-through';
import {
  clipAxesOf,
  directionDoubtOf,
  effectDoubtOf,
  effectProperties,
  generatedDoubtOf,
  isCut,
  layoutAgainstParentDoubtOf,
  leastOuterOpacityOf,
  markerDoubtOf,
  movedDoubtOf,
  paintDoubtOf,
  reorderDoubtOf,
  shiftedDoubtOf,
  shiftOf,
  sizeDoubtOf,
  squeezedDoubtOf,
  styledApartDoubtOf,
  valuesOf,
  type ClipAxes,
  type Shift,
  type StyleValues,
  type TextPaint,
} from './rendering-doubts';
import type { RenderingDoubt } from '../../lib/verdict/rendering-doubts';
import { boundsOf, isOffPage, masksGlyphs, paintsTextWithBackground, type PageExtent, type Rect } from './rendering-rules';
import { parseColour } from './text-colour';

/** Elements that draw something the text walk cannot read: images, media, frames, form fields. */
const embeddedTags = new Set(['img', 'svg', 'canvas', 'video', 'picture', 'object', 'embed', 'iframe', 'input', 'textarea', 'select', 'math']);

/**
 * Elements the signed text may leave out while readers see them: a
 * publisher's own controls (an "AI proof" link, a copy button), not words
 * of the text. Real controls only: a role is the page's to give any span.
 */
const controlsOutsideTheText = 'a[href], button, summary';

/** Lines of kept text remembered per reading, to tell a control set in them from one on a line of its own. */
const keptLinesAtMost = 4_096;

/** Characters of an element's text looked at for a letter (directionDoubtOf). */
const textLookedAt = 2_000;

/** Block containers, the only boxes with a `::first-line` and `::first-letter`. */
const blockDisplays = /^(block|list-item|inline-block|flow-root|table-cell|table-caption)$|^block /;

/** Elements whose words are drawn apart from the line they stand in: a legend on its fieldset's border, ruby annotations over their base. */
const drawnApartTags = new Set(['legend', 'rt', 'rp']);

const shiftProperties = ['float', 'position', 'left', 'right', 'top', 'bottom', 'transform', 'translate', 'font-size', 'display', 'margin-left', 'margin-right'];
const spacingProperties = ['font-size', 'letter-spacing', 'word-spacing'];
const orderProperties = [
  'unicode-bidi', 'display', 'flex-direction', 'flex-wrap', 'order', 'grid-row-start', 'grid-column-start', 'grid-row-end', 'grid-column-end', 'writing-mode', 'direction', 'column-count', 'column-width',
];
const parentOrderProperties = ['display', 'writing-mode', 'direction'];
const pseudoProperties = ['content', 'quotes', 'position', 'display', 'background-color', 'background-image'];
/** What lets a generated box lie over the words beside it. */
const pseudoPlaceProperties = ['position', 'margin-left', 'margin-right', 'left', 'right', 'transform', 'translate'];
const apartProperties = ['color', '-webkit-text-fill-color', 'font-size', 'visibility', '-webkit-text-security', 'letter-spacing', 'text-shadow', 'background-color', 'background-image'];

export type DoubtReader = {
  /** A descendant of the root that the walk enters (it is not hidden). */
  element(element: Element): void;
  /** A `::before` or `::after` with content, not hidden, that the walk reads. */
  generated(pseudo: CSSStyleDeclaration): void;
  /** A drawn element whose words the signed text leaves out (spec §5 step 1): any but a link or button is words added. */
  skipped(element: Element): void;
  /** A text node with visible characters that the walk keeps: the element holding it, and its line boxes (none when the root is not laid out). */
  text(holder: Element, lines: readonly DOMRect[]): void;
  /** What the reading could not confirm: read once the walk is over (the first read hit-tests the text for covers). */
  readonly doubts: ReadonlySet<RenderingDoubt>;
  /** Where the text is drawn for a parent of another origin to look at (outer-frames.ts); undefined when no such parent. */
  readonly around: AroundFrame | undefined;
  /** No place of the text was in the viewport to hit-test, here or in a parent: the reading cannot tell that nothing covers it. */
  readonly coverUntested: boolean;
};

export type CreateDoubtReaderParameters = {
  root: Element;
  view: Window;
  styleOf: (element: Element) => CSSStyleDeclaration;
  /** Where the root is drawn (css-lens.ts snippetBoxOf); undefined when it is not laid out, and geometry cannot be judged. */
  rootBox: DOMRect | undefined;
  page: PageExtent;
  /** Text off the page counts (the root is on it). */
  offPageCounts: boolean;
  isOwn: (element: Element) => boolean;
  /** Hit-test boxes that pass clicks through too (cover-check.ts). */
  seeThrough?: boolean;
  /** The look through every box held across this task's readings, if any (see-through.ts). */
  look?: LookThrough;
};

/**
 * Collects what could not be confirmed about one reading of a snippet
 * (rendering-doubts.ts has the rules). Effects and opacity that reach the
 * snippet from its ancestors count too: a whole snippet scaled to a smudge
 * misleads as much as a part of it.
 */
export function createDoubtReader({ root, view, styleOf, rootBox, page, offPageCounts, isOwn, seeThrough, look }: CreateDoubtReaderParameters): DoubtReader {
  const doubts = new Set<RenderingDoubt>();
  const note = (doubt: RenderingDoubt | undefined): void => void (doubt !== undefined && doubts.add(doubt));
  const { documentElement } = root.ownerDocument;
  const cover = createCoverCheck({ view, isOwn, seeThrough, look });
  const outerFrames = createOuterFramesCheck({ view, isOwn, seeThrough, look });
  let coverTested = false;
  const laidOut = rootBox !== undefined;
  // Up the flat tree: a shadow tree the snippet is slotted into draws it too. Each walk up asks again; the answer is kept.
  const flatParents = new Map<Element, Element | null>();
  const parentOf = (element: Element): Element | null => {
    let parent = flatParents.get(element);
    if (parent === undefined) flatParents.set(element, (parent = flatTreeParentOf(element)));
    return parent;
  };
  const scrollPseudoDoubtOf = createScrollPseudoCheck({ view, root, styleOf, parentOf });
  /** Controls with words that the signed text leaves out: those no kept text came after yet, and those some did. */
  const controlsBeforeText: Element[] = [];
  const controlsAmongText: Element[] = [];
  const keptLines: Rect[] = [];
  let shrunkFamilies: ShrunkFamilies | undefined;
  /** Glyphs the page's fonts scale down, read from the document's font faces once a reading. */
  const fontScaleDoubt = (style: FontStyle): RenderingDoubt | undefined => fontScaleDoubtOf(style, (shrunkFamilies ??= shrunkFamiliesIn(root.ownerDocument)));

  for (let ancestor: Element | null = root; ancestor !== null; ancestor = parentOf(ancestor)) note(effectDoubtOf(valuesOf(styleOf(ancestor), effectProperties)));
  note(styledApartLaterDoubtOf(root, view));
  checkElement(root);

  const opacities: OpacityMemo = new Map();
  const paints = new Map<Element, RenderingDoubt | undefined>();
  const paintOf = (holder: Element): RenderingDoubt | undefined => {
    if (paints.has(holder)) return paints.get(holder);
    const style = styleOf(holder);
    const backgrounds: { colour: string; image: boolean }[] = [];
    let gradientText = false;
    for (let element: Element | null = holder; element !== null; element = parentOf(element)) {
      const background = styleOf(element);
      if (paintsTextWithBackground(background)) gradientText = true;
      // An element with no box draws no background: its colour is not behind the text.
      if (background.display !== 'contents') backgrounds.push({ colour: background.backgroundColor, image: background.backgroundImage !== 'none' });
    }
    const paint = { colour: style.getPropertyValue('-webkit-text-fill-color') || style.color, opacity: opacityOf(holder, view, opacities, parentOf) * outerFrames.opacity, backgrounds };
    // A gradient fill is the text's colour: how it stands out cannot be told from one colour.
    const doubt = gradientText ? 'background' : paintDoubtOf(paint);
    // A parent of another origin sees its frames' opacity, not this colour: it is told how much fading the text can take.
    if (outerFrames.looksBeyond) outerFrames.fadesBelow(doubt === undefined ? leastOuterOpacityOf(paint) : 1);
    paints.set(holder, doubt);
    if (doubt === undefined && !gradientText) note(selectedPaintDoubtOf(holder, paint));
    return doubt;
  };
  // Selected words wear the page's ::selection colours (selection-style.ts); the rendering watch reads again when the selection moves.
  const selection = view.getSelection();
  let selectionStyles: SelectionStyles | undefined;
  const selectedPaintDoubtOf = (holder: Element, paint: TextPaint): RenderingDoubt | undefined => {
    if (!selectionReaches(selection, holder)) return undefined;
    const colours = (selectionStyles ??= createSelectionStyles(view)).coloursOf(holder, parentOf);
    if (colours === undefined) return undefined;
    const style = styleOf(holder);
    const read = (value: string | undefined) => (value === undefined ? undefined : readDeclaredColour(value, style));
    const selected = selectedPaintOf(paint, { colour: read(colours.colour), fill: read(colours.fill), background: read(colours.background) });
    return paintDoubtOf(selected) === undefined ? undefined : 'styled-apart';
  };
  // Nudges add up: a word nudged inside a nudged word is drawn as far as both.
  const shifts = new Map<Element, Shift>();
  const shiftInSnippetOf = (element: Element | null, own?: Shift): Shift => {
    if (element === null || element === root) return { across: 0, down: 0 };
    let shift = shifts.get(element);
    if (shift === undefined) {
      own ??= shiftOf(valuesOf(styleOf(element), shiftProperties));
      const outer = shiftInSnippetOf(element.parentElement);
      shift = { across: own.across + outer.across, down: own.down + outer.down };
      shifts.set(element, shift);
    }
    return shift;
  };
  const clippers = new Map<Element, Clip[]>();
  const clipsOf = (element: Element | null): Clip[] => {
    // The viewport's own clipping is the page extent's; the root element and body propagate theirs to it.
    if (element === null || element === documentElement || element === root.ownerDocument.body) return [];
    let clips = clippers.get(element);
    if (clips === undefined) {
      clips = clipsOf(parentOf(element));
      const axes = clipAxesOf(valuesOf(styleOf(element), ['overflow-x', 'overflow-y', 'contain']));
      if (axes !== undefined) clips = [...clips, { box: paddingBoxOf(element), axes }];
      clippers.set(element, clips);
    }
    return clips;
  };

  function checkElement(element: Element): void {
    const style = styleOf(element);
    if (element !== root) {
      note(effectDoubtOf(valuesOf(style, effectProperties)));
      const shiftValues = valuesOf(style, shiftProperties);
      note(shiftedDoubtOf(shiftValues, shiftInSnippetOf(element, shiftOf(shiftValues))));
    }
    note(squeezedDoubtOf(valuesOf(style, spacingProperties)));
    note(fontScaleDoubt(style));
    const parent = element === root ? undefined : element.parentElement;
    const parentStyle = parent ? styleOf(parent) : undefined;
    const order = valuesOf(style, orderProperties);
    note(reorderDoubtOf(order, parentStyle ? valuesOf(parentStyle, parentOrderProperties) : undefined));
    // Against the text around it: the snippet's own layout is judged against the page around it.
    const outer = parentOf(element);
    const outerStyle = outer === null ? undefined : styleOf(outer);
    if (outerStyle !== undefined) {
      note(layoutAgainstParentDoubtOf(order, valuesOf(outerStyle, parentOrderProperties)));
      if (style.direction === 'rtl') note(directionDoubtOf(style.direction, outerStyle.direction, element.textContent?.slice(0, textLookedAt) ?? ''));
    }
    note(drawnOverTextDoubtOf(valuesOf(style, drawnOverTextProperties)));
    if (element !== root && drawnApartTags.has(element.localName)) note('moved');
    note(scrollPseudoDoubtOf(element, style));
    // Drawn by a shadow tree (an open or a closed one) that the walk does not read: slots can add, drop or reorder words.
    if (shadowRootOf(element) !== null) note('embedded');
    if (Number.parseInt(style.zIndex, 10) < 0) note('covered');
    if (style.pointerEvents === 'none' || element.hasAttribute('inert')) cover.outOfReach();
    if (/list-item/.test(style.display)) {
      note(markerDoubtOf(valuesOf(style, ['display', 'list-style-image', 'list-style-type']), valuesOf(view.getComputedStyle(element, '::marker'), ['content'])));
    }
    if (blockDisplays.test(style.display)) {
      const own = valuesOf(style, apartProperties);
      for (const pseudo of ['::first-line', '::first-letter']) {
        const pseudoStyle = view.getComputedStyle(element, pseudo);
        note(styledApartDoubtOf(own, valuesOf(pseudoStyle, apartProperties)));
        note(fontScaleDoubt(pseudoStyle));
      }
    }
    const drawsImage = style.backgroundImage !== 'none' && !paintsTextWithBackground(style);
    const embedded = embeddedTags.has(element.localName) && !(element.localName === 'input' && element.getAttribute('type')?.toLowerCase() === 'hidden');
    if ((drawsImage || embedded) && (!laidOut || hasArea(element.getBoundingClientRect()))) note('embedded');
    if (rootBox !== undefined && element !== root && /absolute|fixed/.test(style.position)) {
      note(movedDoubtOf({ position: style.position }, element.getBoundingClientRect(), rootBox, (element.textContent?.trim() ?? '') !== ''));
    }
  }

  return {
    element: checkElement,
    generated(pseudo) {
      note(generatedDoubtOf(valuesOf(pseudo, pseudoProperties)));
      note(drawnOverTextDoubtOf(valuesOf(pseudo, drawnOverTextProperties)));
      // A generated box with a background laid over the text, taken out of the flow or pulled over the words beside
      // it: the hit test reports its element, so it is judged here.
      const fill = parseColour(pseudo.backgroundColor);
      const paintsBox = pseudo.backgroundImage !== 'none' || fill === undefined || fill.alpha > 0;
      if (paintsBox && liesOverWords(valuesOf(pseudo, pseudoPlaceProperties))) note('covered');
    },
    skipped(element) {
      if (!/\S/.test(element.textContent ?? '')) return;
      // A control after the last signed word, or on a line of its own, is not part of what was said; one set among the words is.
      if (element.matches(controlsOutsideTheText)) controlsBeforeText.push(element);
      else note('generated');
    },
    text(holder, drawn) {
      note(paintOf(holder));
      // Discs for letters on the whole snippet (inside it, the text counts as hidden).
      if (masksGlyphs(styleOf(holder).getPropertyValue('-webkit-text-security'))) note('effect');
      if (!laidOut) return;
      const lines = drawn.filter(hasArea);
      if (lines.length === 0) return;
      controlsAmongText.push(...controlsBeforeText.splice(0));
      if (keptLines.length < keptLinesAtMost) keptLines.push(...lines.slice(0, keptLinesAtMost - keptLines.length));
      note(sizeDoubtOf(Math.min(...lines.slice(0, 3).map((line) => line.height))));
      const box = boundsOf(lines)!;
      if (clipsOf(holder).some((clip) => isCut(box, clip.box, clip.axes, lines[0]!.height))) note('clipped');
      if (offPageCounts && isPartlyOffPage(box, page)) note('clipped');
      if (!doubts.has('covered')) {
        cover.consider(holder, lines);
        outerFrames.text(lines);
      }
    },
    get doubts() {
      if (!coverTested) {
        coverTested = true;
        if (!doubts.has('covered')) note(cover.doubt());
        if (controlsAmongText.some((control) => sharesALine(control, keptLines))) note('generated');
        outerFrames.doubts({ coversToo: !doubts.has('covered') }).forEach(note);
      }
      return doubts;
    },
    get around() {
      return outerFrames.around();
    },
    get coverUntested() {
      return !cover.tested || !outerFrames.tested;
    },
  };
}


/** Whether a generated box may lie over words beside it: out of the flow, pulled back by a negative margin, or offset. */
function liesOverWords(place: StyleValues): boolean {
  if (/absolute|fixed/.test(place['position'] ?? '')) return true;
  if (['margin-left', 'margin-right'].some((side) => Number.parseFloat(place[side] ?? '0') < 0)) return true;
  if (/relative|sticky/.test(place['position'] ?? '') && ['left', 'right'].some((side) => !['auto', '0px', ''].includes(place[side] ?? 'auto'))) return true;
  return !['none', ''].includes(place['transform'] ?? 'none') || !['none', ''].includes(place['translate'] ?? 'none');
}

/** Whether any box of `element` stands in the same row as one of the lines: over half the shorter's height shared. */
function sharesALine(element: Element, lines: readonly Rect[]): boolean {
  for (const box of element.getClientRects()) {
    if (!hasArea(box)) continue;
    for (const line of lines) if (Math.min(box.bottom, line.bottom) - Math.max(box.top, line.top) > Math.min(box.height, line.height) / 2) return true;
  }
  return false;
}

function hasArea(rect: Rect): boolean {
  return rect.width >= 1 && rect.height >= 1;
}

type Clip = { box: Rect; axes: ClipAxes };

/** An element's padding box, where its overflow is cut, in viewport coordinates. */
function paddingBoxOf(element: Element): Rect {
  const box = element.getBoundingClientRect();
  const left = box.left + element.clientLeft;
  const top = box.top + element.clientTop;
  // Inline elements report no client size; their border box is near enough.
  const width = element.clientWidth || box.width;
  const height = element.clientHeight || box.height;
  return { left, top, right: left + width, bottom: top + height, width, height };
}

/** Some of the box lies where no scrolling reaches (left of or above the page's origin, beyond its size). */
function isPartlyOffPage(rect: Rect, page: PageExtent): boolean {
  if (isOffPage(rect, page)) return false;
  return rect.left + page.scrollX < -1 || rect.top + page.scrollY < -1 || rect.right + page.scrollX > page.width + 1 || rect.bottom + page.scrollY > page.height + 1;
}
