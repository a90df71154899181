import { describe, expect, it } from 'vitest';
import {
  alphaOf,
  clipPathIsEmpty,
  clipRectIsEmpty,
  generatedContentText,
  hasNoArea,
  isOffPage,
  paintsTextWithBackground,
  subtreeHidingOf,
  textHidingsOf,
  type SubtreeStyle,
  type TextStyle,
} from './rendering-rules';

const shown: SubtreeStyle = {
  display: 'block',
  contentVisibility: 'visible',
  opacity: '1',
  position: 'static',
  clip: 'auto',
  clipPath: 'none',
  overflowX: 'visible',
  overflowY: 'visible',
};
const box = { width: 200, height: 40 };
const text: TextStyle = { visibility: 'visible', fontSize: '16px', color: 'rgb(29, 29, 31)', webkitTextFillColor: 'rgb(29, 29, 31)' };

describe('subtreeHidingOf', () => {
  it('sees a plain box', () => {
    expect(subtreeHidingOf(shown, box)).toBeUndefined();
  });

  it.each([
    [{ display: 'none' }, 'display'],
    [{ contentVisibility: 'hidden' }, 'content-visibility'],
    [{ opacity: '0' }, 'opacity'],
    [{ opacity: '0.01' }, 'opacity'],
    [{ position: 'absolute', clip: 'rect(0px, 0px, 0px, 0px)' }, 'clip'],
    [{ clipPath: 'inset(50%)' }, 'clip-path'],
    [{ clipPath: 'circle(0px at 50% 50%)' }, 'clip-path'],
    [{ overflowX: 'hidden', overflowY: 'hidden' }, undefined],
  ] as const)('%j hides by %s', (style, reason) => {
    expect(subtreeHidingOf({ ...shown, ...style }, box)).toBe(reason);
  });

  it('hides a clipping box of a pixel or less, the visually-hidden pattern, but not one that lets content overflow', () => {
    expect(subtreeHidingOf({ ...shown, overflowX: 'hidden', overflowY: 'hidden' }, { width: 1, height: 1 })).toBe('zero-size');
    expect(subtreeHidingOf({ ...shown, overflowY: 'clip' }, { width: 300, height: 0 })).toBe('zero-size');
    expect(subtreeHidingOf(shown, { width: 0, height: 0 })).toBeUndefined();
  });

  it('applies no box rules to inline and display: contents elements, and no size rule without a layout', () => {
    expect(subtreeHidingOf({ ...shown, display: 'inline', overflowX: 'hidden' }, { width: 0, height: 0 })).toBeUndefined();
    expect(subtreeHidingOf({ ...shown, display: 'contents', opacity: '0' }, box)).toBeUndefined();
    expect(subtreeHidingOf({ ...shown, overflowX: 'hidden' })).toBeUndefined();
  });

  it('applies clip only to positioned boxes', () => {
    expect(subtreeHidingOf({ ...shown, clip: 'rect(0px, 0px, 0px, 0px)' }, box)).toBeUndefined();
  });
});

describe('textHidingsOf', () => {
  it('sees plain text', () => {
    expect(textHidingsOf(text)).toEqual(new Set());
  });

  it('names every reason at once, for the caller to discount the ones the snippet shares', () => {
    expect(textHidingsOf({ visibility: 'hidden', fontSize: '0px', color: 'rgba(0, 0, 0, 0)', webkitTextFillColor: '' })).toEqual(
      new Set(['visibility', 'font-size', 'transparent']),
    );
    expect(textHidingsOf({ ...text, visibility: 'collapse' })).toEqual(new Set(['visibility']));
    expect(textHidingsOf({ ...text, fontSize: '2.5px' })).toEqual(new Set(['font-size']));
  });

  it('reads the fill colour before the colour', () => {
    expect(textHidingsOf({ ...text, webkitTextFillColor: 'rgba(0, 0, 0, 0)' })).toEqual(new Set(['transparent']));
    expect(textHidingsOf({ ...text, color: 'rgba(0, 0, 0, 0)' })).toEqual(new Set());
  });
});

describe('paintsTextWithBackground', () => {
  it('knows gradient text, whose transparent glyphs show the background', () => {
    expect(paintsTextWithBackground({ backgroundClip: 'text', backgroundImage: 'linear-gradient(red, blue)', backgroundColor: 'rgba(0, 0, 0, 0)' })).toBe(true);
    expect(paintsTextWithBackground({ backgroundClip: 'text', backgroundImage: 'none', backgroundColor: 'rgba(0, 0, 0, 0)' })).toBe(false);
    expect(paintsTextWithBackground({ backgroundClip: 'border-box', backgroundImage: 'linear-gradient(red, blue)', backgroundColor: 'red' })).toBe(false);
  });
});

describe('geometry', () => {
  const page = { scrollX: 0, scrollY: 500, width: 1280, height: 5_000 };
  const rect = (left: number, top: number, width = 100, height = 20) => ({ left, top, width, height, right: left + width, bottom: top + height });

  it('calls text with no area unseen', () => {
    expect(hasNoArea(rect(10, 10, 0, 20))).toBe(true);
    expect(hasNoArea(rect(10, 10, 100, 0.5))).toBe(true);
    expect(hasNoArea(rect(10, 10))).toBe(false);
  });

  it('calls a box off the page only where no scrolling reaches it', () => {
    expect(isOffPage(rect(-9999, 10), page)).toBe(true);
    expect(isOffPage(rect(10, -600), page)).toBe(true);
    expect(isOffPage(rect(1280, 10), page)).toBe(true);
    // Scrolled past, above the viewport but on the page.
    expect(isOffPage(rect(10, -300), page)).toBe(false);
    expect(isOffPage(rect(-50, 10), page)).toBe(false);
  });
});

describe('alphaOf', () => {
  it.each([
    ['rgb(1, 2, 3)', 1],
    ['rgba(1, 2, 3, 0)', 0],
    ['rgba(1, 2, 3, 0.5)', 0.5],
    ['transparent', 0],
    ['rgb(1 2 3 / 0)', 0],
    ['oklch(50% 0.1 20 / 25%)', 0.25],
    ['color(srgb 1 0 0 / 0.04)', 0.04],
    ['currentcolor', 1],
  ])('%s has alpha %d', (colour, alpha) => {
    expect(alphaOf(colour)).toBeCloseTo(alpha);
  });
});

describe('clips', () => {
  it('reads clip rectangles', () => {
    expect(clipRectIsEmpty('rect(0px, 0px, 0px, 0px)')).toBe(true);
    expect(clipRectIsEmpty('rect(1px 1px 1px 1px)')).toBe(true);
    expect(clipRectIsEmpty('rect(0px, 200px, 40px, 0px)')).toBe(false);
    expect(clipRectIsEmpty('rect(0px, auto, auto, 0px)')).toBe(false);
    expect(clipRectIsEmpty('auto')).toBe(false);
  });

  it('reads inset() clip paths in percent and in pixels against the box', () => {
    expect(clipPathIsEmpty('inset(100%)')).toBe(true);
    expect(clipPathIsEmpty('inset(0px 0px 100% 0px)')).toBe(true);
    expect(clipPathIsEmpty('inset(0px 50% 0px 50%)')).toBe(true);
    expect(clipPathIsEmpty('inset(20px 0px 20px 0px)', { width: 100, height: 40 })).toBe(true);
    expect(clipPathIsEmpty('inset(20px 0px 20px 0px)')).toBe(false);
    expect(clipPathIsEmpty('inset(10% round 4px)')).toBe(false);
    expect(clipPathIsEmpty('polygon(0px 0px, 10px 0px, 0px 10px)')).toBe(false);
    expect(clipPathIsEmpty('none')).toBe(false);
  });
});

describe('generatedContentText', () => {
  const attribute = (name: string) => (name === 'data-x' ? 'note' : null);

  it('reads strings and attr() values, escapes resolved', () => {
    expect(generatedContentText('"Sponsored: "', attribute)).toBe('Sponsored: ');
    expect(generatedContentText('" (" attr(data-x) ")"', attribute)).toBe(' (note)');
    expect(generatedContentText('"a\\"b" \'c\\A d\'', attribute)).toBe('a"bc\nd');
    expect(generatedContentText('attr(data-missing)', attribute)).toBe('');
  });

  it('leaves out quotes, images, alternative text, and numbering', () => {
    expect(generatedContentText('open-quote "x" close-quote', attribute)).toBe('x');
    expect(generatedContentText('url("icon.png") "label"', attribute)).toBe('label');
    expect(generatedContentText('"★" / "Starred"', attribute)).toBe('★');
    expect(generatedContentText('counter(item) ". "', attribute)).toBe('');
    expect(generatedContentText('none', attribute)).toBe('');
    expect(generatedContentText('normal', attribute)).toBe('');
  });
});
