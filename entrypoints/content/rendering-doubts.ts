import type { RenderingDoubt } from '../../lib/verdict/rendering-doubts';
import type { Rect } from './rendering-rules';
import { contrastRatio, paintOver, parseColour, type Rgba } from './text-colour';

/**
 * Rendering honesty as an allowlist (spec §4; docs/protocol.md §10,
 * "Rendered text"): a snippet counts as seen only when every signed
 * character is drawn under styles Verity understands. Each rule here takes
 * computed values (kebab-case property names, as `getPropertyValue` reads
 * them) and says what could not be confirmed, so it is testable without a
 * layout engine. Text that is plainly hidden is rendering-rules.ts's; this
 * file names what is drawn in a way Verity cannot vouch for.
 */

/** Computed values by property name; a missing one reads as its initial value. */
export type StyleValues = Readonly<Record<string, string | undefined>>;

/** The values of `properties` in a computed style, as the rules here take them. */
export const valuesOf = (style: CSSStyleDeclaration, properties: readonly string[]): StyleValues =>
  Object.fromEntries(properties.map((property) => [property, style.getPropertyValue(property)]));

/** Below this effective opacity (times colour alpha), text is too faint to vouch for; muted text is 0.5 or more. */
export const faintestConfirmed = 0.3;

/** Below this WCAG contrast ratio against what is behind it, text blends in (the #ddd-on-white grey is 1.36). */
export const lowestConfirmedContrast = 1.5;

/** Below this height in CSS pixels, as drawn (zoom and transforms included), a line of text is not readable. */
export const smallestConfirmedTextHeight = 6;

/** Drawn a pixel outside its clipping box, a glyph is cut. */
const clipTolerance = 1;

const value = (style: StyleValues, property: string, initial: string): string => style[property] ?? initial;

/**
 * A `transform` that only moves (a translation matrix, 2D or 3D) changes
 * no words; scaling, rotating, skewing or a perspective may.
 */
export function isTranslationOnly(transform: string): boolean {
  return translationOf(transform) !== undefined;
}

/** The move of a `transform` that only moves, across and down in pixels; undefined for any other. */
function translationOf(transform: string): [number, number] | undefined {
  const text = transform.trim();
  if (text === 'none' || text === '') return [0, 0];
  const matrix = /^matrix(3d)?\(([^)]*)\)$/.exec(text);
  if (matrix === null) return undefined;
  const numbers = matrix[2]!.split(',').map((part) => Number.parseFloat(part));
  const is3d = matrix[1] !== undefined;
  const identity = is3d ? [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0] : [1, 0, 0, 1];
  const moves = identity.every((expected, index) => Math.abs(numbers[index]! - expected) < 1e-6) && (!is3d || numbers[15] === 1);
  if (!moves) return undefined;
  return is3d ? [numbers[12]!, numbers[13]!] : [numbers[4]!, numbers[5]!];
}

/**
 * What an element's own drawing effects leave unconfirmed: any transform
 * but a move, a perspective, a filter, a mask, a reflection, a clip path
 * that cuts. These apply to its whole subtree, so the caller asks of the
 * snippet's ancestors too. A backdrop filter draws what is behind the
 * element, not its text (over text, it is a cover: cover-check.ts). `zoom`
 * is judged by the size it draws text at (sizeDoubtOf): a page zoomed to
 * 90 % is read as easily as any.
 */
/** The properties effectDoubtOf reads. */
export const effectProperties = [
  'transform', 'rotate', 'scale', 'perspective', 'filter', 'mask-image', '-webkit-mask-image', '-webkit-mask-box-image-source', '-webkit-box-reflect', 'clip-path', 'mix-blend-mode',
];

export function effectDoubtOf(style: StyleValues): RenderingDoubt | undefined {
  if (!isTranslationOnly(value(style, 'transform', 'none'))) return 'transformed';
  if (!['none', '', '1'].includes(value(style, 'scale', 'none')) || !['none', '', '0deg'].includes(value(style, 'rotate', 'none'))) return 'transformed';
  if (!['none', ''].includes(value(style, 'perspective', 'none'))) return 'transformed';
  for (const property of ['filter', 'mask-image', '-webkit-mask-image', '-webkit-mask-box-image-source', '-webkit-box-reflect']) {
    if (!['none', ''].includes(value(style, property, 'none'))) return 'effect';
  }
  if (!clipPathCutsNothing(value(style, 'clip-path', 'none'))) return 'effect';
  // Blended with what is behind it, black text on white can come out white (`difference`).
  if (!['normal', ''].includes(value(style, 'mix-blend-mode', 'normal'))) return 'effect';
  return undefined;
}

/** No clip path, or one that cuts only rounded corners: a card's `inset(0 round 12px)`. */
function clipPathCutsNothing(clipPath: string): boolean {
  return clipPath === 'none' || clipPath === '' || /^inset\(\s*0(px)?(\s+0(px)?){0,3}(\s+round\s[^)]*)?\)$/.test(clipPath.trim());
}

/** Letters drawn closer than this, in ems (negative `letter-spacing`), overlap into a smudge; tight headline tracking is a few hundredths. */
const tightestLetterSpacing = -0.15;
/** Words drawn closer than this, in ems (negative `word-spacing`), run into each other; a space is about a quarter. */
const tightestWordSpacing = -0.3;

/** Text squeezed until its letters or words overlap, which leaves every character laid out and none readable. */
export function squeezedDoubtOf(style: StyleValues): RenderingDoubt | undefined {
  const fontSize = pixels(value(style, 'font-size', '16px'));
  const letters = pixels(value(style, 'letter-spacing', 'normal'));
  const words = pixels(value(style, 'word-spacing', '0px'));
  return letters < tightestLetterSpacing * fontSize || words < tightestWordSpacing * fontSize ? 'transformed' : undefined;
}

/**
 * How far a word inside a snippet may be nudged from where the flow puts
 * it, in ems of its font size: less than half a space across, less than a
 * line down (a superscript's `top: -0.5em` is fine). Farther, it may land
 * among other words.
 */
const longestNudge = { across: 0.5, down: 1 };

/** The widest margin of an inline box inside a snippet, in ems: a gap wider than a few words sets a word apart. */
const farthestInlineMargin = 3;

/** How far an element's own offset and translation draw it from its place in the flow, in pixels. */
export type Shift = { across: number; down: number };

/** An element's own shift: a relative or sticky offset, and a translation (`transform`, `translate`). */
export function shiftOf(style: StyleValues): Shift {
  let across = 0;
  let down = 0;
  if (/^(relative|sticky)$/.test(value(style, 'position', 'static'))) {
    // A positioned element's computed `left` and `top` are used values: `right` and `bottom` show in them.
    across += insetOf(value(style, 'left', 'auto'), value(style, 'right', 'auto'));
    down += insetOf(value(style, 'top', 'auto'), value(style, 'bottom', 'auto'));
  }
  // Any other transform is effectDoubtOf's.
  const [matrixX, matrixY] = translationOf(value(style, 'transform', 'none')) ?? [0, 0];
  const [translateX = '0px', translateY = '0px'] = value(style, 'translate', 'none').split(/\s+/).filter((part) => part !== 'none');
  return { across: across + matrixX + lengthOf(translateX), down: down + matrixY + lengthOf(translateY) };
}

/**
 * An element inside the snippet drawn away from its place in the flow,
 * where it may land among other words and change what they say: shifted
 * beyond a nudge (`shift`, its own and its ancestors' inside the snippet
 * added up, see shiftOf), an inline box with a wide margin, or a float
 * (drawn at the line's edge). The snippet itself, and its ancestors, may
 * move as a whole; the caller asks only of elements inside it.
 */
export function shiftedDoubtOf(style: StyleValues, shift: Shift = shiftOf(style)): RenderingDoubt | undefined {
  if (!['none', ''].includes(value(style, 'float', 'none'))) return 'reordered';
  const fontSize = pixels(value(style, 'font-size', '16px'));
  // Margins move an inline box along its line: one pulled back over the words before it, or pushed far from them.
  if (/^inline/.test(value(style, 'display', 'inline'))) {
    const margins = ['margin-left', 'margin-right'].map((side) => pixels(value(style, side, '0px')));
    if (margins.some((margin) => margin < -longestNudge.across * fontSize || margin > farthestInlineMargin * fontSize)) return 'moved';
  }
  return Math.abs(shift.across) > longestNudge.across * fontSize || Math.abs(shift.down) > longestNudge.down * fontSize ? 'moved' : undefined;
}

/** A computed length in pixels; 0 for `normal`, `auto` and the unparseable. */
export function pixels(length: string): number {
  const number = Number.parseFloat(length);
  return length.endsWith('px') && Number.isFinite(number) ? number : 0;
}

/** A translation's length in pixels: a percentage (of a box Verity does not measure here) counts as far, unless it is zero. */
function lengthOf(length: string): number {
  if (length.endsWith('px')) return pixels(length);
  return Number.parseFloat(length) === 0 ? 0 : Number.POSITIVE_INFINITY;
}

/** The shift a start inset (`left`, `top`) gives, or failing it the end one (`right`, `bottom`) in the other direction. */
function insetOf(start: string, end: string): number {
  if (start !== 'auto') return pixels(start);
  return end === 'auto' ? 0 : -pixels(end);
}

/**
 * Whether CSS shows an element's words out of document order: a flex or
 * grid `order`, a reversed flex container, grid placement, or a bidi
 * override (`unicode-bidi: bidi-override`, `<bdo>`). A right-to-left
 * `direction` alone is how RTL text is written, and is allowed.
 */
export function reorderDoubtOf(style: StyleValues, parent: StyleValues | undefined): RenderingDoubt | undefined {
  if (/override/.test(value(style, 'unicode-bidi', 'normal'))) return 'reordered';
  const display = value(style, 'display', 'inline');
  if (/flex/.test(display) && (/reverse/.test(value(style, 'flex-direction', 'row')) || value(style, 'flex-wrap', 'nowrap') === 'wrap-reverse')) return 'reordered';
  if (parent === undefined) return undefined;
  const parentDisplay = value(parent, 'display', 'inline');
  if (!/flex|grid/.test(parentDisplay)) return undefined;
  if (value(style, 'order', '0') !== '0') return 'reordered';
  const placements = ['grid-row-start', 'grid-column-start', 'grid-row-end', 'grid-column-end'];
  if (/grid/.test(parentDisplay) && placements.some((property) => value(style, property, 'auto') !== 'auto')) return 'reordered';
  return undefined;
}

/**
 * An element laid out against the text around it (its parent's, the
 * snippet's own included): turned on its side (`writing-mode`), or boxes
 * (flex, grid or table cells, columns) placed right to left among
 * left-to-right text or the other way round.
 */
export function layoutAgainstParentDoubtOf(style: StyleValues, parent: StyleValues): RenderingDoubt | undefined {
  if (value(style, 'writing-mode', 'horizontal-tb') !== value(parent, 'writing-mode', 'horizontal-tb')) return 'transformed';
  if (value(style, 'direction', 'ltr') === value(parent, 'direction', 'ltr')) return undefined;
  const columns = value(style, 'column-count', 'auto') !== 'auto' || value(style, 'column-width', 'auto') !== 'auto';
  return /flex|grid|table/.test(value(style, 'display', 'inline')) || columns ? 'reordered' : undefined;
}

/** A letter of a script written right to left. */
const rightToLeftLetter = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;

/**
 * A direction set against the text around it on what holds no letter, or
 * on left-to-right words that start with a number: digits and signs turned
 * around (`−5` drawn `5−`) or set apart from the words after them (`5 mg`
 * drawn `mg 5`). Words keep their letters' own direction, a number after
 * them stays with them, and right-to-left writing is allowed.
 */
export function directionDoubtOf(direction: string, parentDirection: string, text: string): RenderingDoubt | undefined {
  if (direction === parentDirection || !/\S/.test(text)) return undefined;
  const firstLetter = text.search(/\p{L}/u);
  if (firstLetter === -1) return 'reordered';
  if (direction === 'rtl' && rightToLeftLetter.test(text)) return undefined;
  return /\p{N}/u.test(text.slice(0, firstLetter)) ? 'reordered' : undefined;
}

/** Text taken out of the flow and drawn elsewhere: a fixed box, an absolute one holding text, or any outside the snippet's box. */
export function movedDoubtOf(style: StyleValues, box: Rect, snippetBox: Rect, holdsText: boolean): RenderingDoubt | undefined {
  const position = value(style, 'position', 'static');
  if (position === 'fixed') return 'moved';
  if (position !== 'absolute') return undefined;
  // Words placed anywhere in the snippet's box may land among the others; an empty box (a fade, a rule) only inside it.
  return holdsText || !isInside(box, snippetBox) ? 'moved' : undefined;
}

/** Quotation marks (Unicode Quotation_Mark), which the wording rule ignores anyway. */
const quotationMarks = /^[\p{Quotation_Mark}\s]*$/u;

/**
 * What a `::before` or `::after` adds that is not a string the walk reads:
 * an image, a counter, a marker (the box made a list item), quotes that
 * are not quotation marks (`quotes: "not " ""`). Plain strings are read as
 * text and compared; quotes under the default styles are quotation marks,
 * which signed text need not hold.
 */
export function generatedDoubtOf(pseudo: StyleValues): RenderingDoubt | undefined {
  const content = value(pseudo, 'content', 'normal');
  if (content === 'none' || content === 'normal') return undefined;
  // A box made a list item draws a marker of its own, which no content names.
  if (/list-item/.test(value(pseudo, 'display', 'inline'))) return 'generated';
  if (content === '""') return undefined;
  if (/url\(|image-set\(|gradient\(|element\(/.test(content)) return 'generated';
  // A number or symbol beside the words (the walk does not read counters): `−5` drawn `−50`.
  if (/counters?\(/.test(content)) return 'generated';
  if (/open-quote|close-quote/.test(content) && !quotesAreQuotationMarks(value(pseudo, 'quotes', 'auto'))) return 'generated';
  return undefined;
}

/** Whether a computed `quotes` value draws only quotation marks. */
export function quotesAreQuotationMarks(quotes: string): boolean {
  if (quotes === 'auto' || quotes === 'none' || quotes === 'match-parent') return true;
  const strings = quotes.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g) ?? [];
  return strings.every((string) => quotationMarks.test(string.slice(1, -1).replace(/\\(.)/g, "$1")));
}

/**
 * Counter styles that draw numbers or bullets and that no page can
 * redefine (CSS Counter Styles 3: `@counter-style` may not name these);
 * any other name, `lower-roman` included, a page's `@counter-style` may
 * turn into words.
 */
const plainCounterStyles = new Set(['none', 'disc', 'circle', 'square', 'decimal', 'disclosure-open', 'disclosure-closed']);

function isPlainCounterStyle(style: string): boolean {
  return plainCounterStyles.has(style.trim().toLowerCase());
}

/**
 * What a list item's marker may add: an image, a string (`list-style-type:
 * "not "`), a custom `@counter-style` (its symbols can be words), or
 * `::marker` content. Bullets and predefined numbering are allowed.
 */
export function markerDoubtOf(style: StyleValues, marker: StyleValues): RenderingDoubt | undefined {
  if (!/list-item/.test(value(style, 'display', 'block'))) return undefined;
  if (value(style, 'list-style-image', 'none') !== 'none') return 'generated';
  if (!isPlainCounterStyle(value(style, 'list-style-type', 'disc'))) return 'generated';
  const content = value(marker, 'content', 'normal');
  return content === 'normal' || content === 'none' ? undefined : 'generated';
}

/**
 * What `::first-line` or `::first-letter` restyles: a colour, size,
 * visibility, fill, spacing or shadow that differs from the element's
 * own, or a background under it. Verity reads the
 * element's styles, so text styled apart is unconfirmed.
 */
export function styledApartDoubtOf(style: StyleValues, pseudo: StyleValues): RenderingDoubt | undefined {
  const differs = ['color', '-webkit-text-fill-color', 'font-size', 'visibility', 'opacity', '-webkit-text-security', 'letter-spacing', 'text-shadow'].some(
    (property) => pseudo[property] !== undefined && pseudo[property] !== style[property],
  );
  // A background of its own under those words (the element's is not inherited, so any is the pseudo's).
  const background = parseColour(value(pseudo, 'background-color', 'transparent'));
  const painted = (background !== undefined && background.alpha > 0) || !['none', ''].includes(value(pseudo, 'background-image', 'none'));
  return differs || painted ? 'styled-apart' : undefined;
}

export type TextPaint = {
  /** The text's computed `color` (or `-webkit-text-fill-color` when set). */
  colour: string;
  /** The product of the opacities of its element and every ancestor. */
  opacity: number;
  /** Backgrounds behind it, nearest first: each element's `background-color`, and whether it has a background image. */
  backgrounds: readonly { colour: string; image: boolean }[];
};

/**
 * Whether text stands out from what is behind it: opacity times colour
 * alpha over a floor, and enough contrast against the backgrounds under it
 * composited down to the white canvas. A background image (other than the
 * text's own gradient fill, which the caller leaves out) makes the contrast
 * unknowable here.
 */
export function paintDoubtOf({ colour, opacity, backgrounds }: TextPaint): RenderingDoubt | undefined {
  const text = parseColour(colour);
  if (text === undefined) return 'background';
  if (text.alpha * opacity < faintestConfirmed) return 'faint';
  const layers: Rgba[] = [];
  for (const background of backgrounds) {
    if (background.image) return 'background';
    const layer = parseColour(background.colour);
    if (layer === undefined) return 'background';
    if (layer.alpha === 0) continue;
    layers.push(layer);
    if (layer.alpha >= 1) break;
  }
  const behind = layers.reduceRight<Rgba>((under, layer) => paintOver(layer, under), { red: 255, green: 255, blue: 255, alpha: 1 });
  return contrastRatio(paintOver(text, behind, opacity), behind) < lowestConfirmedContrast ? 'low-contrast' : undefined;
}

/** Steps of the search for the least outer opacity: to 1/1024. */
const opacitySearchSteps = 10;

/**
 * The least opacity the frames of other origins around the text's own
 * window may draw it at, together, before it is too faint or too pale to
 * confirm (paintDoubtOf): 1 when it has none to spare. A frame's parent
 * sees the frame's opacity but not the text's colour, so the frame hands
 * this on (outer-frames.ts). Searched by halving: the doubt only grows as
 * opacity falls.
 */
export function leastOuterOpacityOf(paint: TextPaint): number {
  const passesAt = (factor: number) => paintDoubtOf({ ...paint, opacity: paint.opacity * factor }) === undefined;
  if (!passesAt(1)) return 1;
  let [failing, passing] = [0, 1];
  for (let step = 0; step < opacitySearchSteps; step++) {
    const middle = (failing + passing) / 2;
    if (passesAt(middle)) passing = middle;
    else failing = middle;
  }
  return passing;
}

/** Whether `inner` lies within `outer`, to a pixel. */
export function isInside(inner: Rect, outer: Rect): boolean {
  return (
    inner.left >= outer.left - clipTolerance &&
    inner.top >= outer.top - clipTolerance &&
    inner.right <= outer.right + clipTolerance &&
    inner.bottom <= outer.bottom + clipTolerance
  );
}

/** The axes along which an element cuts off what overflows it. */
export type ClipAxes = { x: boolean; y: boolean };

/**
 * Where an element cuts off what overflows it: along an axis with
 * `overflow: hidden` or `clip`, both with paint containment. A scrolling
 * axis (`auto`, `scroll`: a chat's message list) lets readers reach it.
 */
export function clipAxesOf(style: StyleValues): ClipAxes | undefined {
  const clipping = (overflow: string): boolean => overflow === 'hidden' || overflow === 'clip';
  const contained = /paint|strict|content/.test(value(style, 'contain', 'none'));
  const x = contained || clipping(value(style, 'overflow-x', 'visible'));
  const y = contained || clipping(value(style, 'overflow-y', 'visible'));
  return x || y ? { x, y } : undefined;
}

/**
 * Whether text drawn in `box` is cut by a clip of `clip` along `axes`: a
 * pixel over horizontally cuts letters; vertically, a fifth of a line is
 * allowed, since tight line heights let glyph boxes overhang with nothing
 * drawn there.
 */
export function isCut(box: Rect, clip: Rect, axes: ClipAxes, lineHeight: number): boolean {
  const slack = Math.max(clipTolerance, lineHeight / 5);
  const cutX = axes.x && (box.left < clip.left - clipTolerance || box.right > clip.right + clipTolerance);
  const cutY = axes.y && (box.top < clip.top - slack || box.bottom > clip.bottom + slack);
  return cutX || cutY;
}

/** A line of text drawn too small to read (font size, zoom and scaling all show in its drawn height). */
export function sizeDoubtOf(lineHeight: number): RenderingDoubt | undefined {
  return lineHeight < smallestConfirmedTextHeight ? 'small' : undefined;
}
