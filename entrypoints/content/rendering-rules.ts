/**
 * When a reader cannot see text (spec §4, rendering honesty), decided from
 * computed CSS values and boxes alone, so each rule is testable without a
 * layout engine. css-lens.ts feeds them from the live page.
 */

/** Why part of a snippet is out of a reader's sight. */
export type HidingReason =
  | 'display'
  | 'content-visibility'
  | 'opacity'
  | 'clip'
  | 'clip-path'
  | 'zero-size'
  | 'visibility'
  | 'font-size'
  | 'transparent'
  | 'off-page'
  | 'no-area'
  | 'text-security';

/** At or below this opacity or colour alpha, nobody reads the text: a page cannot dodge the rule with 0.01. */
export const faintestVisible = 0.05;

/** Below this font size, in CSS pixels, text is a smudge, not words. */
export const smallestReadableFontSize = 3;

/** A box of one pixel or less that clips its overflow shows nothing (the "visually hidden" pattern). */
const largestHidingBox = 1;

export type Size = { width: number; height: number };

export type SubtreeStyle = Pick<
  CSSStyleDeclaration,
  'display' | 'contentVisibility' | 'opacity' | 'position' | 'clip' | 'clipPath' | 'overflowX' | 'overflowY'
>;

/**
 * Why an element's whole subtree is unseen, whatever its descendants say:
 * not displayed, its content skipped, fully transparent, clipped to
 * nothing, or a clipping box of no size. `size` is its border box, when
 * the page is laid out.
 */
export function subtreeHidingOf(style: SubtreeStyle, size?: Size): HidingReason | undefined {
  if (style.display === 'none') return 'display';
  // The box stays, its content is not drawn (also `hidden="until-found"`).
  if (style.contentVisibility === 'hidden') return 'content-visibility';
  // No box of its own: opacity, clipping and size do not apply to it.
  if (style.display === 'contents') return undefined;
  if (Number.parseFloat(style.opacity) <= faintestVisible) return 'opacity';
  if ((style.position === 'absolute' || style.position === 'fixed') && clipRectIsEmpty(style.clip)) return 'clip';
  if (clipPathIsEmpty(style.clipPath, size)) return 'clip-path';
  // Overflow does not apply to inline boxes.
  if (size !== undefined && style.display !== 'inline') {
    if (size.width <= largestHidingBox && style.overflowX !== 'visible') return 'zero-size';
    if (size.height <= largestHidingBox && style.overflowY !== 'visible') return 'zero-size';
  }
  return undefined;
}

export type TextStyle = Pick<CSSStyleDeclaration, 'visibility' | 'fontSize' | 'color' | 'webkitTextFillColor'>;

/**
 * Why the text directly inside an element is unseen: every reason, since
 * these properties are inherited and the caller discounts the ones the
 * whole snippet shares. Paint from a `background-clip: text` background is
 * the caller's to allow for.
 */
export function textHidingsOf(style: TextStyle): Set<HidingReason> {
  const reasons = new Set<HidingReason>();
  if (style.visibility === 'hidden' || style.visibility === 'collapse') reasons.add('visibility');
  if (Number.parseFloat(style.fontSize) < smallestReadableFontSize) reasons.add('font-size');
  // The fill colour paints glyphs; it is `color` unless set.
  const fill = style.webkitTextFillColor || style.color;
  if (alphaOf(fill) <= faintestVisible) reasons.add('transparent');
  return reasons;
}

/** `-webkit-text-security` draws every character as a disc or square: the words are not seen. */
export function masksGlyphs(textSecurity: string): boolean {
  return textSecurity !== '' && textSecurity !== 'none';
}

export type BackgroundStyle = Pick<CSSStyleDeclaration, 'backgroundClip' | 'backgroundImage' | 'backgroundColor'>;

/** Whether an element paints its descendants' glyphs with its background (gradient text): transparent text is then seen. */
export function paintsTextWithBackground(style: BackgroundStyle): boolean {
  return /\btext\b/.test(style.backgroundClip) && (style.backgroundImage !== 'none' || alphaOf(style.backgroundColor) > faintestVisible);
}

export type Rect = { left: number; top: number; right: number; bottom: number; width: number; height: number };

/** The scrollable page: its scroll offset and full size, in CSS pixels. */
export type PageExtent = { scrollX: number; scrollY: number; width: number; height: number };

/** The box around line boxes, as `Range.getBoundingClientRect` gives it; undefined for none. */
export function boundsOf(lines: readonly Rect[]): Rect | undefined {
  if (lines.length === 0) return undefined;
  const left = Math.min(...lines.map((line) => line.left));
  const top = Math.min(...lines.map((line) => line.top));
  const right = Math.max(...lines.map((line) => line.right));
  const bottom = Math.max(...lines.map((line) => line.bottom));
  return { left, top, right, bottom, width: right - left, height: bottom - top };
}

/** Text in a box of no area (scaled to nothing, squeezed flat) is not seen. */
export function hasNoArea(rect: Rect): boolean {
  return rect.width < 1 || rect.height < 1;
}

/**
 * Whether a box (viewport coordinates) lies wholly outside the page, where
 * no scrolling reaches: the `left: -9999px` pattern. A box merely scrolled
 * out of view is not off the page.
 */
export function isOffPage(rect: Rect, page: PageExtent): boolean {
  const left = rect.left + page.scrollX;
  const top = rect.top + page.scrollY;
  return rect.right + page.scrollX <= 0 || rect.bottom + page.scrollY <= 0 || left >= page.width || top >= page.height;
}

/**
 * The alpha of a computed colour: `rgb()`/`rgba()` with commas, or any
 * function with a `/ alpha` part (`rgb(0 0 0 / 0)`, `oklch(…/ 0%)`).
 * Keywords other than `transparent` are opaque.
 */
export function alphaOf(colour: string): number {
  const value = colour.trim().toLowerCase();
  if (value === 'transparent') return 0;
  const alpha = /\/\s*([-+\d.e]+)(%?)\s*\)$/.exec(value) ?? /^rgba?\((?:[^,()]+,){3}\s*([-+\d.e]+)(%?)\s*\)$/.exec(value);
  if (alpha === null) return 1;
  const number = Number.parseFloat(alpha[1]!);
  if (Number.isNaN(number)) return 1;
  return alpha[2] === '%' ? number / 100 : number;
}

/** `clip: rect(t, r, b, l)` leaving no area (`rect(0 0 0 0)`, `rect(1px, 1px, 1px, 1px)`); `auto` clips nothing. */
export function clipRectIsEmpty(clip: string): boolean {
  const match = /^rect\((.*)\)$/.exec(clip.trim());
  if (match === null) return false;
  const sides = match[1]!.split(/\s*,\s*|\s+/).filter((side) => side !== '');
  if (sides.length !== 4) return false;
  const [top, right, bottom, left] = sides.map((side) => (side === 'auto' ? undefined : Number.parseFloat(side)));
  const height = top === undefined || bottom === undefined ? Infinity : bottom - top;
  const width = left === undefined || right === undefined ? Infinity : right - left;
  return height <= largestHidingBox || width <= largestHidingBox;
}

/**
 * `clip-path` shapes that leave nothing: `inset()` whose opposite sides
 * meet (percentages, or pixels against the box), and a circle or ellipse
 * of radius 0. Other shapes are taken to show something.
 */
export function clipPathIsEmpty(clipPath: string, size?: Size): boolean {
  const value = clipPath.trim();
  const shape = /^(inset|circle|ellipse)\((.*)\)/.exec(value);
  if (shape === null) return false;
  const [, kind, argumentsText] = shape;
  if (kind === 'circle' || kind === 'ellipse') {
    const radii = argumentsText!.split(/\s+at\s+/)[0]!.trim().split(/\s+/);
    return radii.some((radius) => radius !== '' && Number.parseFloat(radius) === 0);
  }
  const lengths = argumentsText!.split(/\s+round\s+/)[0]!.trim().split(/\s+/);
  const [top, right = top, bottom = top, left = right] = lengths;
  const covers = (first: string | undefined, second: string | undefined, extent: number | undefined): boolean => {
    const a = lengthOf(first, extent);
    const b = lengthOf(second, extent);
    if (a === undefined || b === undefined) return false;
    return a.percent + b.percent >= 100 || (extent !== undefined && a.pixels + b.pixels + ((a.percent + b.percent) * extent) / 100 >= extent);
  };
  return covers(top, bottom, size?.height) || covers(left, right, size?.width);
}

function lengthOf(text: string | undefined, extent: number | undefined): { pixels: number; percent: number } | undefined {
  if (text === undefined) return undefined;
  const number = Number.parseFloat(text);
  if (Number.isNaN(number)) return undefined;
  if (text.endsWith('%')) return { pixels: 0, percent: number };
  if (text.endsWith('px') || number === 0) return { pixels: number, percent: 0 };
  return extent === undefined ? undefined : { pixels: number, percent: 0 };
}

/**
 * The words a reader sees from a computed `content` value: its strings and
 * `attr()` values, in order. Quotes and images are left out, and so is a
 * value with a counter: it numbers a list, as a list marker does, and
 * markers are not text either. Anything after a top-level `/` is
 * alternative text, not shown.
 */
export function generatedContentText(content: string, attribute: (name: string) => string | null): string {
  if (content === 'none' || content === 'normal' || content === '') return '';
  if (/(^|[\s)])counters?\(/.test(content)) return '';
  let text = '';
  let index = 0;
  while (index < content.length) {
    const character = content[index]!;
    if (character === '"' || character === "'") {
      const read = readCssString(content, index);
      text += read.value;
      index = read.end;
    } else if (character === '/') {
      break;
    } else if (content.startsWith('attr(', index)) {
      const end = content.indexOf(')', index);
      if (end === -1) break;
      const name = content.slice(index + 5, end).trim().split(/[\s,]/)[0]!;
      text += attribute(name) ?? '';
      index = end + 1;
    } else if (/[a-z-]/i.test(character)) {
      // A keyword or function we do not show (counter(), url(), open-quote…): skip it whole.
      const open = /^[a-z-]+\(/i.exec(content.slice(index));
      if (open === null) {
        while (index < content.length && /[a-z-]/i.test(content[index]!)) index += 1;
      } else {
        const end = content.indexOf(')', index);
        index = end === -1 ? content.length : end + 1;
      }
    } else {
      index += 1;
    }
  }
  return text;
}

/** A CSS string starting at `start` (a quote): its value with escapes resolved, and where it ends. */
function readCssString(content: string, start: number): { value: string; end: number } {
  const quote = content[start];
  let value = '';
  let index = start + 1;
  while (index < content.length && content[index] !== quote) {
    if (content[index] === '\\') {
      const hex = /^[0-9a-f]{1,6} ?/i.exec(content.slice(index + 1, index + 8));
      if (hex !== null) {
        const codePoint = Number.parseInt(hex[0], 16);
        value += codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '\uFFFD';
        index += 1 + hex[0].length;
      } else {
        value += content[index + 1] ?? '';
        index += 2;
      }
    } else {
      value += content[index];
      index += 1;
    }
  }
  return { value, end: index + 1 };
}
