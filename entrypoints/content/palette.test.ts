import Color from 'colorjs.io';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { checkingStyle, stateStyles } from '../../components/state-style';
import { verdictStates } from '../../lib/verdict/states';
import { darkLuminance } from './page-theme';
import { checkingColours, darkCheckingColours, darkNeutralColours, darkStateColours, neutralColours, stateColours } from './palette';

/** Tailwind's own colour values, from the theme the extension pages are built with. */
const theme = readFileSync(createRequire(import.meta.url).resolve('tailwindcss/theme.css'), 'utf8');

function tailwindColour(name: string): string {
  if (name === 'white') return '#fff';
  const match = new RegExp(`--color-${name}: ([^;]+);`).exec(theme);
  if (match === null) throw new Error(`No Tailwind colour ${name}`);
  return match[1]!;
}

const steps = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950];

/** A Tailwind colour's name in dark mode, as components/dark-palette.css turns the scale over: white is slate-900, 500 is 400. */
function darkName(name: string): string {
  if (name === 'white') return 'slate-900';
  const [, hue, step] = /^([a-z]+)-(\d+)$/.exec(name)!;
  const at = steps.indexOf(Number(step));
  return `${hue}-${Number(step) === 500 ? 400 : steps[steps.length - 1 - at]}`;
}

/** `bg-emerald-50` → the colour; `ring-emerald-600/25` → the colour at 25 %; `dark` on the turned-over scale. */
function colourOf(classes: string, prefix: string, { dark = false } = {}): string {
  const match = new RegExp(`(?:^|\\s)${prefix}-([a-z]+(?:-\\d+)?)(?:/(\\d+))?(?:\\s|$)`).exec(classes);
  if (match === null) throw new Error(`No ${prefix}- class in "${classes}"`);
  const colour = tailwindColour(dark ? darkName(match[1]!) : match[1]!);
  return match[2] === undefined ? colour : colour.replace(/\)$/, ` / ${Number(match[2]) / 100})`);
}

describe('palette', () => {
  it.each(verdictStates)('draws %s in the colours components/state-style.ts names', (state) => {
    const { chip, fill, ink } = stateStyles[state];
    expect(stateColours[state]).toEqual({
      background: colourOf(chip, 'bg'),
      text: colourOf(chip, 'text'),
      ring: colourOf(chip, 'ring'),
      fill: colourOf(fill, 'bg'),
      ink: colourOf(ink, 'text'),
    });
  });

  it('draws a proof being checked as the pages do', () => {
    expect(checkingColours).toEqual({
      background: colourOf(checkingStyle.chip, 'bg'),
      text: colourOf(checkingStyle.chip, 'text'),
      ring: colourOf(checkingStyle.chip, 'ring'),
    });
  });

  it.each(verdictStates)('draws %s on a dark page in the same names on the turned-over scale', (state) => {
    const { chip, fill, ink } = stateStyles[state];
    expect(darkStateColours[state]).toEqual({
      background: colourOf(chip, 'bg', { dark: true }),
      text: colourOf(chip, 'text', { dark: true }),
      ring: colourOf(chip, 'ring', { dark: true }),
      fill: colourOf(fill, 'bg', { dark: true }),
      ink: colourOf(ink, 'text', { dark: true }),
    });
  });

  it('draws a proof being checked, and the card, on a dark page as the dark pages do', () => {
    expect(darkCheckingColours).toEqual({
      background: colourOf(checkingStyle.chip, 'bg', { dark: true }),
      text: colourOf(checkingStyle.chip, 'text', { dark: true }),
      ring: colourOf(checkingStyle.chip, 'ring', { dark: true }),
    });
    const neutralNames = { heading: 'slate-900', body: 'slate-700', muted: 'slate-500', rule: 'slate-200', track: 'slate-200', surface: 'white', focus: 'sky-600' };
    for (const [role, name] of Object.entries(neutralNames)) {
      expect(neutralColours[role as keyof typeof neutralColours], role).toBe(tailwindColour(name));
      expect(darkNeutralColours[role as keyof typeof neutralColours], role).toBe(tailwindColour(darkName(name)));
    }
  });

  /** WCAG 2.1 contrast of two CSS colours. */
  const contrast = (first: string, second: string): number => new Color(first).contrast(new Color(second), 'WCAG21');
  const light = { ...stateColours, checking: checkingColours };
  const dark = { ...darkStateColours, checking: darkCheckingColours };

  /** Grey page backgrounds from relative luminance `from` up to, not including, `to`: contrast depends on luminance alone. */
  const greys = (from: number, to: number): string[] =>
    Array.from({ length: Math.ceil((to - from) / 0.005) }, (_, step) => `color(srgb-linear ${Array(3).fill(from + step * 0.005).join(' ')})`);
  const hex = (colour: string): string => new Color(colour).to('srgb').toString({ format: 'hex' });
  /**
   * The pages each palette is drawn on (page-theme.ts): dark on every
   * background under its threshold, black to #747474; light from there
   * up. On mid greys, about #8e8e8e to #a3a3a3, no pale pill stands out at
   * 3:1 by its ring or its tint: #898989 to #aaaaaa are left out, knowingly.
   */
  const pages = { light: [...greys(darkLuminance, 0.25), ...greys(0.4, 1), '#fff'], dark: [...greys(0, darkLuminance), '#000'] };

  it.each(Object.keys(light))(
    'draws %s so the pill stands out at 3:1 (WCAG 1.4.11), by its ring or else its tint, from every page background that picks its palette, light and dark, and its word from the pill at 4.5:1',
    (state) => {
      for (const [scheme, colours] of [['light', light[state as keyof typeof light]], ['dark', dark[state as keyof typeof dark]]] as const) {
        const faint = pages[scheme]
          .map((page) => ({ page, ring: contrast(colours.ring, page), tint: contrast(colours.background, page) }))
          .filter(({ ring, tint }) => Math.max(ring, tint) < 3)
          .map(({ page, ring, tint }) => `${hex(page)}: ring ${ring.toFixed(2)}, tint ${tint.toFixed(2)}`);
        expect(faint, `${scheme} pill`).toEqual([]);
        expect(contrast(colours.ring, scheme === 'light' ? '#fff' : '#000'), `${scheme} ring on ${scheme === 'light' ? 'white' : 'black'}`).toBeGreaterThanOrEqual(3);
        expect(contrast(colours.text, colours.background), `${scheme} word`).toBeGreaterThanOrEqual(4.5);
      }
    },
  );

  it('draws the focus ring so it stands out from the page, light and dark (3:1)', () => {
    expect(contrast(neutralColours.focus, '#fff')).toBeGreaterThanOrEqual(3);
    for (const page of ['#121212', '#000']) expect(contrast(darkNeutralColours.focus, page)).toBeGreaterThanOrEqual(3);
  });
});
