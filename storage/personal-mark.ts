/**
 * The reader's personal mark (issue 11): a colour and a symbol, chosen
 * once, drawn in every genuine badge and card inside their closed shadow
 * roots, where no page can read it. A page can draw a badge that looks like
 * Verity's, but it cannot know the mark: no mark, not Verity.
 */

/** Where it is kept in `browser.storage.local`; pages cannot read extension storage. */
export const personalMarkKey = 'verity.personalMark';

/** Colours that stand out at 3:1 or more on white and on the dark card (slate-900) alike (tested). */
export const markColours = {
  red: { name: 'Red', value: '#e5484d' },
  orange: { name: 'Orange', value: '#e8590c' },
  gold: { name: 'Gold', value: '#b8860b' },
  green: { name: 'Green', value: '#30a46c' },
  teal: { name: 'Teal', value: '#12a594' },
  blue: { name: 'Blue', value: '#3e63dd' },
  violet: { name: 'Violet', value: '#8e4ec6' },
  pink: { name: 'Pink', value: '#d6409f' },
} as const;

/** Symbols as text: each one glyph of the system's fonts, in a box of fixed width, so its size tells the page nothing. */
export const markSymbols = {
  star: { name: 'Star', glyph: '★' },
  heart: { name: 'Heart', glyph: '♥' },
  diamond: { name: 'Diamond', glyph: '◆' },
  club: { name: 'Club', glyph: '♣' },
  spade: { name: 'Spade', glyph: '♠' },
  triangle: { name: 'Triangle', glyph: '▲' },
  square: { name: 'Square', glyph: '■' },
  circle: { name: 'Circle', glyph: '●' },
} as const;

export type MarkColour = keyof typeof markColours;
export type MarkSymbol = keyof typeof markSymbols;
export type PersonalMark = { colour: MarkColour; symbol: MarkSymbol };

/** The stored mark, or undefined when none is stored or it is not one of ours. */
export function personalMarkFrom(value: unknown): PersonalMark | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { colour, symbol } = value as Record<string, unknown>;
  if (typeof colour !== 'string' || !Object.hasOwn(markColours, colour)) return undefined;
  if (typeof symbol !== 'string' || !Object.hasOwn(markSymbols, symbol)) return undefined;
  return { colour: colour as MarkColour, symbol: symbol as MarkSymbol };
}

/** One of the 64 marks, by the platform's cryptographic random numbers: a page cannot guess it any better than 1 in 64. */
export function randomPersonalMark(): PersonalMark {
  const [colourIndex, symbolIndex] = crypto.getRandomValues(new Uint8Array(2));
  const colours = Object.keys(markColours) as MarkColour[];
  const symbols = Object.keys(markSymbols) as MarkSymbol[];
  return { colour: colours[colourIndex! % colours.length]!, symbol: symbols[symbolIndex! % symbols.length]! };
}

/** "Blue star": how the options page and the popup name it. */
export function personalMarkName({ colour, symbol }: PersonalMark): string {
  return `${markColours[colour].name} ${markSymbols[symbol].name.toLowerCase()}`;
}
