/** Whether the page is light or dark where Verity draws: badges and cards follow the page, not the system. */
export type PageTheme = 'light' | 'dark';

/** Below this relative luminance a background reads as dark (#777, mid grey, is 0.18). */
export const darkLuminance = 0.18;

/** Themes already read, by element: snippets share their ancestors, so a page of badges reads each one style once. */
export type PageThemeMemo = Map<Element, PageTheme>;

/**
 * The theme of the page behind `element`: the first background up the tree
 * (through shadow roots to their hosts) that is mostly opaque decides; with
 * none, the canvas, which is dark only when the page opts into a dark
 * `color-scheme` and the system is dark. One style read per ancestor not
 * already in `memo`. A read: call it before writing to the page.
 */
export function pageThemeAt(element: Element, memo: PageThemeMemo = new Map()): PageTheme {
  const view = element.ownerDocument.defaultView;
  if (view === null) return 'light';
  const walked: Element[] = [];
  let theme: PageTheme | undefined;
  for (let at: Element | null = element; at !== null && theme === undefined; at = at.parentElement ?? hostOf(at)) {
    theme = memo.get(at);
    if (theme !== undefined) break;
    walked.push(at);
    const luminance = luminanceOf(view.getComputedStyle(at).backgroundColor);
    if (luminance !== undefined) theme = luminance < darkLuminance ? 'dark' : 'light';
  }
  theme ??= canvasTheme(element.ownerDocument, view);
  for (const at of walked) memo.set(at, theme);
  return theme;
}

function canvasTheme(document: Document, view: Window): PageTheme {
  const scheme = view.getComputedStyle(document.documentElement).colorScheme;
  return /\bdark\b/.test(scheme) && !/\blight\b/.test(scheme) && view.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function hostOf(element: Element): Element | null {
  const root = element.getRootNode();
  return 'host' in root && root.host instanceof Element ? root.host : null;
}

/**
 * The relative luminance of a computed colour at least half opaque; undefined
 * for a transparent one or one written in a space read here only by its
 * lightness (oklch, oklab, lab, lch: their L).
 */
export function luminanceOf(colour: string): number | undefined {
  const rgb = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+%?))?\)$/.exec(colour);
  if (rgb !== null) {
    if (alphaOf(rgb[4]) < 0.5) return undefined;
    const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map((channel) => linear(Number(channel) / 255));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  }
  const lightness = /^(oklch|oklab|lab|lch)\(([\d.]+)(%?) [^/)]*(?:\/ ?([\d.]+%?))?\)$/.exec(colour);
  if (lightness === null || alphaOf(lightness[4]) < 0.5) return undefined;
  const l = Number(lightness[2]) / (lightness[3] === '%' || lightness[1] === 'lab' || lightness[1] === 'lch' ? 100 : 1);
  // Perceived lightness to luminance: L³ for OKLab, near enough for CIELAB at this threshold.
  return l ** 3;
}

function alphaOf(alpha: string | undefined): number {
  if (alpha === undefined) return 1;
  return alpha.endsWith('%') ? Number(alpha.slice(0, -1)) / 100 : Number(alpha);
}

function linear(channel: number): number {
  return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
}
