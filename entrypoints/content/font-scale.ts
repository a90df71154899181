import type { RenderingDoubt } from '../../lib/verdict/rendering-doubts';
import { pixels, smallestConfirmedTextHeight } from './rendering-doubts';

/**
 * Glyphs drawn smaller than the text's size says, where its line boxes do
 * not show it: a font face's `size-adjust` and the `font-size-adjust`
 * property scale the glyphs, and a face's `ascent-override` and
 * `descent-override` keep the box as tall as the page likes (a "not" drawn
 * 1 px high in a 16 px line). The drawn height rule (sizeDoubtOf) reads the
 * boxes, so these are judged from the values (docs/protocol.md §10).
 */

/** A computed style, or a stand-in for one: read only as far as needed (most text has no scaled font, and reads cost). */
export type FontStyle = Pick<CSSStyleDeclaration, 'getPropertyValue'>;

/** What fontScaleDoubtOf needs of a font face (`sizeAdjust` is not in TypeScript's DOM types yet). */
export type FontFaceLike = { family: string; sizeAdjust?: string };

/** Families by lowercased name, each with the smallest `size-adjust` of its faces, where that is under 100 %. */
export type ShrunkFamilies = ReadonlyMap<string, number>;

/**
 * The families the page's faces shrink (an `@font-face` rule's or a script's
 * `FontFace`), each at its smallest: one face of a family may cover only the
 * letters of a word (`unicode-range`), so every face counts.
 */
export function shrunkFamiliesOf(faces: Iterable<FontFaceLike>): ShrunkFamilies {
  const shrunk = new Map<string, number>();
  for (const face of faces) {
    const scale = percentage(face.sizeAdjust);
    if (scale >= 1) continue;
    const family = unquoted(face.family);
    shrunk.set(family, Math.min(scale, shrunk.get(family) ?? 1));
  }
  return shrunk;
}

/**
 * The document's shrunk families. A page cannot hide a face from this: the
 * set is the browser's, read through the content script's own bindings.
 */
export function shrunkFamiliesIn(document: Document): ShrunkFamilies {
  return shrunkFamiliesOf(document.fonts as Iterable<FontFace & FontFaceLike>);
}

/** The families a computed `font-family` lists, unquoted and lowercased. */
export function familiesOf(fontFamily: string): string[] {
  return (fontFamily.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^,]+/g) ?? []).map(unquoted).filter((family) => family !== '');
}

/** What a `font-size-adjust` value's number is a share of, in a usual font: the glyphs' scale is the number over it. */
const usualMetric: Record<string, number> = { 'ex-height': 0.5, 'cap-height': 0.7, 'ch-width': 0.5, 'ic-width': 1, 'ic-height': 1 };

/** How much `font-size-adjust` scales glyphs, taking the font's own metric to be a usual one; 1 for `none` and `from-font`. */
export function adjustedScaleOf(fontSizeAdjust: string): number {
  if (fontSizeAdjust === 'none' || fontSizeAdjust === '') return 1;
  const [first = 'none', second] = fontSizeAdjust.trim().split(/\s+/);
  const metric = second === undefined ? 'ex-height' : first;
  const number = Number.parseFloat(second ?? first);
  return Number.isFinite(number) ? number / (usualMetric[metric] ?? 0.5) : 1;
}

/**
 * `small` when the page scales the text's glyphs (a shrinking face of any
 * family it lists, or `font-size-adjust`) to an em under the height drawn
 * text must have. Text the page does not scale is the drawn height's to judge.
 */
export function fontScaleDoubtOf(style: FontStyle, shrunk: ShrunkFamilies): RenderingDoubt | undefined {
  let scale = Math.min(1, adjustedScaleOf(style.getPropertyValue('font-size-adjust')));
  if (shrunk.size > 0) scale *= Math.min(1, ...familiesOf(style.getPropertyValue('font-family')).map((family) => shrunk.get(family) ?? 1));
  if (scale >= 1) return undefined;
  return pixels(style.getPropertyValue('font-size')) * scale < smallestConfirmedTextHeight ? 'small' : undefined;
}

/** `105%` as 1.05; anything else (`normal`, unparsable) as 1. */
function percentage(value = 'normal'): number {
  const number = Number.parseFloat(value);
  return value.trim().endsWith('%') && Number.isFinite(number) ? number / 100 : 1;
}

function unquoted(name: string): string {
  const trimmed = name.trim();
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return (quoted ? quoted[2]!.replace(/\\(.)/g, '$1') : trimmed).toLowerCase();
}
