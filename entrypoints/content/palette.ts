import type { VerdictState } from '../../lib/verdict/states';

/**
 * The state colours of components/state-style.ts, as CSS values: the
 * content script draws in pages, without Tailwind. Each value is the
 * Tailwind colour that state-style.ts names (palette.test.ts holds them
 * to it), so a badge in a page and a badge in the popup look the same.
 * The dark set is the same names on Tailwind's scale turned over, as the
 * extension pages' dark mode (components/dark-palette.css): for badges on
 * a page whose own background is dark.
 */
export type ChipColours = {
  /** The chip's tint. */
  background: string;
  /** Its word and icon. */
  text: string;
  /** Its hairline ring, in the word's colour (a shade darker on a proof being checked): the pill's edge against the page. */
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
    ring: 'oklch(43.2% 0.095 166.913)',
    fill: 'oklch(59.6% 0.145 163.225)',
    ink: 'oklch(50.8% 0.118 165.612)',
  },
  pending: {
    background: 'oklch(97.7% 0.013 236.62)',
    text: 'oklch(44.3% 0.11 240.79)',
    ring: 'oklch(44.3% 0.11 240.79)',
    fill: 'oklch(58.8% 0.158 241.966)',
    ink: 'oklch(50% 0.134 242.749)',
  },
  unavailable: {
    background: 'oklch(96.8% 0.007 247.896)',
    text: 'oklch(37.2% 0.044 257.287)',
    ring: 'oklch(37.2% 0.044 257.287)',
    fill: 'oklch(70.4% 0.04 256.788)',
    ink: 'oklch(44.6% 0.043 257.281)',
  },
  untrusted: {
    background: 'oklch(98.7% 0.022 95.277)',
    text: 'oklch(41.4% 0.112 45.904)',
    ring: 'oklch(41.4% 0.112 45.904)',
    fill: 'oklch(76.9% 0.188 70.08)',
    ink: 'oklch(47.3% 0.137 46.201)',
  },
  altered: {
    background: 'oklch(98% 0.016 73.684)',
    text: 'oklch(40.8% 0.123 38.172)',
    ring: 'oklch(40.8% 0.123 38.172)',
    fill: 'oklch(64.6% 0.222 41.116)',
    ink: 'oklch(47% 0.157 37.304)',
  },
  invalid: {
    background: 'oklch(97.1% 0.013 17.38)',
    text: 'oklch(44.4% 0.177 26.899)',
    ring: 'oklch(44.4% 0.177 26.899)',
    fill: 'oklch(57.7% 0.245 27.325)',
    ink: 'oklch(50.5% 0.213 27.518)',
  },
  malformed: {
    background: 'oklch(97.7% 0.014 308.299)',
    text: 'oklch(38.1% 0.176 304.987)',
    ring: 'oklch(38.1% 0.176 304.987)',
    fill: 'oklch(71.4% 0.203 305.504)',
    ink: 'oklch(43.8% 0.218 303.724)',
  },
};

export const darkStateColours: Record<VerdictState, StateColours> = {
  verified: {
    background: 'oklch(26.2% 0.051 172.552)',
    text: 'oklch(90.5% 0.093 164.15)',
    ring: 'oklch(90.5% 0.093 164.15)',
    fill: 'oklch(76.5% 0.177 163.223)',
    ink: 'oklch(84.5% 0.143 164.978)',
  },
  pending: {
    background: 'oklch(29.3% 0.066 243.157)',
    text: 'oklch(90.1% 0.058 230.902)',
    ring: 'oklch(90.1% 0.058 230.902)',
    fill: 'oklch(74.6% 0.16 232.661)',
    ink: 'oklch(82.8% 0.111 230.318)',
  },
  unavailable: {
    background: 'oklch(20.8% 0.042 265.755)',
    text: 'oklch(86.9% 0.022 252.894)',
    ring: 'oklch(86.9% 0.022 252.894)',
    fill: 'oklch(44.6% 0.043 257.281)',
    ink: 'oklch(70.4% 0.04 256.788)',
  },
  untrusted: {
    background: 'oklch(27.9% 0.077 45.635)',
    text: 'oklch(96.2% 0.059 95.617)',
    ring: 'oklch(96.2% 0.059 95.617)',
    fill: 'oklch(82.8% 0.189 84.429)',
    ink: 'oklch(92.4% 0.12 95.746)',
  },
  altered: {
    background: 'oklch(26.6% 0.079 36.259)',
    text: 'oklch(95.4% 0.038 75.164)',
    ring: 'oklch(95.4% 0.038 75.164)',
    fill: 'oklch(75% 0.183 55.934)',
    ink: 'oklch(90.1% 0.076 70.697)',
  },
  invalid: {
    background: 'oklch(25.8% 0.092 26.042)',
    text: 'oklch(88.5% 0.062 18.334)',
    ring: 'oklch(88.5% 0.062 18.334)',
    fill: 'oklch(70.4% 0.191 22.216)',
    ink: 'oklch(80.8% 0.114 19.571)',
  },
  malformed: {
    background: 'oklch(29.1% 0.149 302.717)',
    text: 'oklch(94.6% 0.033 307.174)',
    ring: 'oklch(94.6% 0.033 307.174)',
    fill: 'oklch(55.8% 0.288 302.321)',
    ink: 'oklch(90.2% 0.063 306.703)',
  },
};

/** A proof without a verdict yet: components/state-style.ts `checkingStyle.chip`. */
export const checkingColours: ChipColours = {
  background: '#fff',
  text: 'oklch(44.6% 0.043 257.281)',
  ring: 'oklch(37.2% 0.044 257.287)',
};

export const darkCheckingColours: ChipColours = {
  background: 'oklch(20.8% 0.042 265.755)',
  text: 'oklch(70.4% 0.04 256.788)',
  ring: 'oklch(86.9% 0.022 252.894)',
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

/** The card's greys on a dark page: the same names on the turned-over scale. */
export const darkNeutralColours: Record<keyof typeof neutralColours, string> = {
  heading: 'oklch(96.8% 0.007 247.896)',
  body: 'oklch(86.9% 0.022 252.894)',
  muted: 'oklch(70.4% 0.04 256.788)',
  rule: 'oklch(27.9% 0.041 260.031)',
  track: 'oklch(27.9% 0.041 260.031)',
  surface: 'oklch(20.8% 0.042 265.755)',
  focus: 'oklch(74.6% 0.16 232.661)',
};
