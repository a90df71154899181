import type { RenderingDoubt } from '../../lib/verdict/rendering-doubts';
import { pixels, type StyleValues } from './rendering-doubts';
import { parseColour } from './text-colour';

/**
 * Paint an element lays over or around its words that no hit test sees
 * (outlines and shadows take no part in them) and no colour check reads:
 * an outline or box shadow reaching over text, an inset shadow under it,
 * text shadows, strokes and lines drawn through it. Each is allowed at the
 * size pages use it for: a focus ring, a soft drop shadow, an underline.
 * Lengths are computed pixels, judged in ems of the element's font size.
 */
export const drawnOverTextProperties = [
  'font-size',
  'outline-style',
  'outline-width',
  'outline-offset',
  'box-shadow',
  'text-shadow',
  '-webkit-text-stroke-width',
  'text-decoration-line',
  'text-decoration-thickness',
] as const;

/** An outline or box shadow reaching this far, in ems, can lie over words beside it; a focus ring is 2–3 px. */
const widestRing = 0.25;
/** Shadows at least this opaque hide what they fall on; a drop shadow is a tenth or two. */
const hidingAlpha = 0.5;
/** Text shadows (at least half opaque) farther or blurrier than this, in ems, or more of them, draw a second copy of the words or smudge them. */
const textShadowLimits = { offset: 0.1, blur: 0.25, count: 3 };
/** A stroke round each letter wider than this, in ems, fills it in. */
const widestStroke = 0.05;
/** A decoration line thicker than this, in ems, is a bar over the words, not an underline. */
const thickestLine = 0.15;

export function drawnOverTextDoubtOf(style: StyleValues): RenderingDoubt | undefined {
  const em = pixels(style['font-size'] ?? '16px') || 16;
  const outlined = !['none', 'hidden', ''].includes(style['outline-style'] ?? 'none') && pixels(style['outline-width'] ?? '0px') > 0;
  if (outlined && (pixels(style['outline-offset'] ?? '0px') < 0 || pixels(style['outline-width'] ?? '0px') > widestRing * em)) return 'covered';
  for (const shadow of shadowsOf(style['box-shadow'] ?? 'none')) {
    const [x = 0, y = 0, blur = 0, spread = 0] = shadow.lengths;
    if (shadow.alpha < hidingAlpha) continue;
    if (shadow.inset && (spread > 0 || blur > 0)) return 'background';
    if (!shadow.inset && Math.max(Math.abs(x), Math.abs(y), spread) > widestRing * em) return 'covered';
  }
  const textShadows = shadowsOf(style['text-shadow'] ?? 'none');
  if (textShadows.length > textShadowLimits.count) return 'effect';
  for (const { lengths: [x = 0, y = 0, blur = 0], alpha } of textShadows) {
    if (alpha < hidingAlpha) continue;
    if (Math.max(Math.abs(x), Math.abs(y)) > textShadowLimits.offset * em || blur > textShadowLimits.blur * em) return 'effect';
  }
  if (pixels(style['-webkit-text-stroke-width'] ?? '0px') > widestStroke * em) return 'effect';
  if (!['none', ''].includes(style['text-decoration-line'] ?? 'none') && pixels(style['text-decoration-thickness'] ?? 'auto') > thickestLine * em) return 'effect';
  return undefined;
}

type Shadow = { inset: boolean; lengths: number[]; alpha: number };

/** The shadows of a computed `box-shadow` or `text-shadow` (colours come first or last; commas inside them are not separators). */
function shadowsOf(value: string): Shadow[] {
  if (value === 'none' || value === '') return [];
  return value.split(/,(?![^(]*\))/).map((shadow) => ({
    inset: /\binset\b/.test(shadow),
    lengths: (shadow.replace(/[a-z-]+\([^)]*\)/gi, ' ').match(/-?[\d.]+px/g) ?? []).map(pixels),
    // A colour Verity cannot read counts as opaque.
    alpha: parseColour(/rgba?\([^)]*\)/i.exec(shadow)?.[0] ?? '')?.alpha ?? 1,
  }));
}
