import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { checkingStyle, stateStyles } from '../../components/state-style';
import { verdictStates } from '../../lib/verdict/states';
import { checkingColours, stateColours } from './palette';

/** Tailwind's own colour values, from the theme the extension pages are built with. */
const theme = readFileSync(createRequire(import.meta.url).resolve('tailwindcss/theme.css'), 'utf8');

function tailwindColour(name: string): string {
  if (name === 'white') return '#fff';
  const match = new RegExp(`--color-${name}: ([^;]+);`).exec(theme);
  if (match === null) throw new Error(`No Tailwind colour ${name}`);
  return match[1]!;
}

/** `bg-emerald-50` → the colour; `ring-emerald-600/25` → the colour at 25 %. */
function colourOf(classes: string, prefix: string): string {
  const match = new RegExp(`(?:^|\\s)${prefix}-([a-z]+(?:-\\d+)?)(?:/(\\d+))?(?:\\s|$)`).exec(classes);
  if (match === null) throw new Error(`No ${prefix}- class in "${classes}"`);
  const colour = tailwindColour(match[1]!);
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
});
