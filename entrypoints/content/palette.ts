import type { VerdictState } from '../../lib/verdict/states';

/**
 * The state colours of components/state-style.ts, as CSS values: the
 * content script draws in pages, without Tailwind. Each value is the
 * Tailwind colour that state-style.ts names (palette.test.ts holds them
 * to it), so a badge in a page and a badge in the popup look the same.
 */
export type ChipColours = {
  /** The chip's tint. */
  background: string;
  /** Its word and icon. */
  text: string;
  /** Its hairline ring. */
  ring: string;
};

export type StateColours = ChipColours & {
  /** Solid fill, for the confidence bar. */
  fill: string;
  /** Coloured text on white, for the card's headline. */
  ink: string;
};

export const stateColours: Record<VerdictState, StateColours> = {
  verified: {
    background: 'oklch(97.9% 0.021 166.113)',
    text: 'oklch(43.2% 0.095 166.913)',
    ring: 'oklch(59.6% 0.145 163.225)',
    fill: 'oklch(59.6% 0.145 163.225)',
    ink: 'oklch(50.8% 0.118 165.612)',
  },
  pending: {
    background: 'oklch(97.7% 0.013 236.62)',
    text: 'oklch(44.3% 0.11 240.79)',
    ring: 'oklch(58.8% 0.158 241.966)',
    fill: 'oklch(58.8% 0.158 241.966)',
    ink: 'oklch(50% 0.134 242.749)',
  },
  unavailable: {
    background: 'oklch(96.8% 0.007 247.896)',
    text: 'oklch(37.2% 0.044 257.287)',
    ring: 'oklch(55.4% 0.046 257.417)',
    fill: 'oklch(70.4% 0.04 256.788)',
    ink: 'oklch(44.6% 0.043 257.281)',
  },
  untrusted: {
    background: 'oklch(98.7% 0.022 95.277)',
    text: 'oklch(41.4% 0.112 45.904)',
    ring: 'oklch(66.6% 0.179 58.318)',
    fill: 'oklch(76.9% 0.188 70.08)',
    ink: 'oklch(47.3% 0.137 46.201)',
  },
  altered: {
    background: 'oklch(98% 0.016 73.684)',
    text: 'oklch(40.8% 0.123 38.172)',
    ring: 'oklch(64.6% 0.222 41.116)',
    fill: 'oklch(64.6% 0.222 41.116)',
    ink: 'oklch(47% 0.157 37.304)',
  },
  invalid: {
    background: 'oklch(97.1% 0.013 17.38)',
    text: 'oklch(44.4% 0.177 26.899)',
    ring: 'oklch(57.7% 0.245 27.325)',
    fill: 'oklch(57.7% 0.245 27.325)',
    ink: 'oklch(50.5% 0.213 27.518)',
  },
  malformed: {
    background: 'oklch(97.7% 0.014 308.299)',
    text: 'oklch(38.1% 0.176 304.987)',
    ring: 'oklch(55.8% 0.288 302.321)',
    fill: 'oklch(71.4% 0.203 305.504)',
    ink: 'oklch(43.8% 0.218 303.724)',
  },
};

/** A proof without a verdict yet: components/state-style.ts `checkingStyle.chip`. */
export const checkingColours: ChipColours = {
  background: '#fff',
  text: 'oklch(44.6% 0.043 257.281)',
  ring: 'oklch(55.4% 0.046 257.417)',
};

/** The neutral greys of the card: Tailwind slate, as on every Verity page. */
export const neutralColours = {
  heading: 'oklch(20.8% 0.042 265.755)',
  body: 'oklch(37.2% 0.044 257.287)',
  muted: 'oklch(55.4% 0.046 257.417)',
  rule: 'oklch(92.9% 0.013 255.508)',
  track: 'oklch(92.9% 0.013 255.508)',
  surface: '#fff',
  focus: 'oklch(58.8% 0.158 241.966)',
} as const;
