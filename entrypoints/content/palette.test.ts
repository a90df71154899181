import Color from 'colorjs.io';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { checkingStyle, stateStyles } from '../../components/state-style';
import { verdictStates } from '../../lib/verdict/states';
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
  /** Page backgrounds a badge sits on: white, and dark pages from near-black to black (badges follow the page's scheme). */
  const pages = { light: ['#fff'], dark: ['#121212', '#000'] };

  it.each(Object.keys(light))('draws %s so the pill stands out from the page (3:1, WCAG 1.4.11) and its word from the pill (4.5:1), light and dark', (state) => {
    for (const [scheme, colours] of [['light', light[state as keyof typeof light]], ['dark', dark[state as keyof typeof dark]]] as const) {
      for (const page of pages[scheme]) expect(contrast(colours.ring, page), `${scheme} ring on ${page}`).toBeGreaterThanOrEqual(3);
      expect(contrast(colours.text, colours.background), `${scheme} word`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('draws the focus ring so it stands out from the page, light and dark (3:1)', () => {
    expect(contrast(neutralColours.focus, '#fff')).toBeGreaterThanOrEqual(3);
    for (const page of pages.dark) expect(contrast(darkNeutralColours.focus, page)).toBeGreaterThanOrEqual(3);
  });
});
