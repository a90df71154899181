/**
 * Colours as computed styles give them, for telling whether text stands out
 * from what is behind it: parsing, compositing and WCAG contrast.
 * `rgb()`/`rgba()` and `transparent` are read as written (what browsers
 * compute for sRGB colours); a colour of another space (`oklch()`, `lab()`,
 * `color()`, which Chromium 156 computes as written) as the browser draws
 * it in sRGB, on a 1 px canvas read back. One no canvas can draw (jsdom has
 * none) is unknown, and the caller treats an unknown colour as a contrast
 * it could not confirm.
 */

/** Red, green and blue from 0 to 255, alpha from 0 to 1. */
export type Rgba = { red: number; green: number; blue: number; alpha: number };

/** A computed colour, or undefined when it is not one this reads. */
export function parseColour(colour: string): Rgba | undefined {
  const value = colour.trim().toLowerCase();
  if (value === 'transparent') return { red: 0, green: 0, blue: 0, alpha: 0 };
  const match = /^rgba?\(\s*([-+\d.e]+%?)[\s,]+([-+\d.e]+%?)[\s,]+([-+\d.e]+%?)(?:\s*[,/]\s*([-+\d.e]+%?))?\s*\)$/.exec(value);
  if (match === null) return drawnColourOf(value);
  const [red, green, blue] = [match[1]!, match[2]!, match[3]!].map((part) => channelOf(part, 255));
  const alpha = match[4] === undefined ? 1 : channelOf(match[4], 1);
  if ([red, green, blue, alpha].some((number) => Number.isNaN(number))) return undefined;
  return { red: red!, green: green!, blue: blue!, alpha: Math.min(1, Math.max(0, alpha)) };
}

/** Colours read back from the canvas, by their text: a page uses few, and each is drawn once. */
const drawnColours = new Map<string, Rgba | undefined>();
const drawnColoursKept = 512;
let canvas: OffscreenCanvasRenderingContext2D | null | undefined;

/** A colour as the browser draws it in sRGB (gamut-mapped where it must be), read back from a 1 px canvas; undefined where no canvas draws it. */
function drawnColourOf(value: string): Rgba | undefined {
  if (drawnColours.has(value)) return drawnColours.get(value);
  canvas ??= typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true }) : null;
  if (canvas === null) return undefined;
  // An invalid colour leaves fillStyle as it was: two starting values tell it from a valid one.
  const taken = ['#010203', '#040506'].map((start) => {
    canvas!.fillStyle = start;
    canvas!.fillStyle = value;
    return String(canvas!.fillStyle);
  });
  let rgba: Rgba | undefined;
  if (taken[0] === taken[1]) {
    canvas.clearRect(0, 0, 1, 1);
    canvas.fillRect(0, 0, 1, 1);
    const [red, green, blue, alpha] = canvas.getImageData(0, 0, 1, 1).data;
    rgba = { red: red!, green: green!, blue: blue!, alpha: alpha! / 255 };
  }
  if (drawnColours.size >= drawnColoursKept) drawnColours.clear();
  drawnColours.set(value, rgba);
  return rgba;
}

function channelOf(text: string, scale: number): number {
  const number = Number.parseFloat(text);
  return text.endsWith('%') ? (number / 100) * scale : number;
}

/** `top` painted over an opaque `bottom`, with `top`'s alpha scaled by `opacity`. */
export function paintOver(top: Rgba, bottom: Rgba, opacity = 1): Rgba {
  const alpha = top.alpha * opacity;
  const mix = (over: number, under: number): number => over * alpha + under * (1 - alpha);
  return { red: mix(top.red, bottom.red), green: mix(top.green, bottom.green), blue: mix(top.blue, bottom.blue), alpha: 1 };
}

/** WCAG 2 contrast ratio of two opaque colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(first: Rgba, second: Rgba): number {
  const [lighter, darker] = [luminanceOf(first), luminanceOf(second)].sort((a, b) => b - a);
  return (lighter! + 0.05) / (darker! + 0.05);
}

function luminanceOf({ red, green, blue }: Rgba): number {
  const linear = (channel: number): number => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}
