import { describe, expect, it } from 'vitest';
import {
  clipAxesOf,
  effectDoubtOf,
  generatedDoubtOf,
  isCut,
  isInside,
  isTranslationOnly,
  markerDoubtOf,
  movedDoubtOf,
  shiftedDoubtOf,
  squeezedDoubtOf,
  paintDoubtOf,
  quotesAreQuotationMarks,
  reorderDoubtOf,
  sizeDoubtOf,
  styledApartDoubtOf,
  type TextPaint,
} from './rendering-doubts';

const rect = (left: number, top: number, width: number, height: number) => ({ left, top, width, height, right: left + width, bottom: top + height });

describe('effectDoubtOf', () => {
  it('confirms no effect and a move', () => {
    expect(effectDoubtOf({})).toBeUndefined();
    expect(effectDoubtOf({ transform: 'matrix(1, 0, 0, 1, 20, -4)', zoom: '0.9', filter: 'none', 'clip-path': 'none' })).toBeUndefined();
    expect(effectDoubtOf({ transform: 'matrix3d(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 5, 6, 7, 1)' })).toBeUndefined();
  });

  it.each([
    [{ transform: 'matrix(0.08, 0, 0, 0.08, 0, 0)' }, 'transformed'],
    [{ transform: 'matrix(-1, 0, 0, 1, 0, 0)' }, 'transformed'],
    [{ scale: '0.1' }, 'transformed'],
    [{ rotate: '180deg' }, 'transformed'],
    [{ filter: 'blur(4px)' }, 'effect'],
    [{ filter: 'opacity(0.05)' }, 'effect'],
    [{ 'backdrop-filter': 'blur(8px)' }, 'effect'],
    [{ 'mask-image': 'linear-gradient(transparent, transparent)' }, 'effect'],
    [{ '-webkit-mask-image': 'url("x.png")' }, 'effect'],
    [{ 'clip-path': 'inset(0px 40% 0px 0px)' }, 'effect'],
    [{ 'mix-blend-mode': 'difference' }, 'effect'],
  ])('%j leaves the text %s', (style, doubt) => {
    expect(effectDoubtOf(style)).toBe(doubt);
  });

  it('reads only translation matrices as moves', () => {
    expect(isTranslationOnly('none')).toBe(true);
    expect(isTranslationOnly('matrix(1, 0, 0, 1, 0, 0)')).toBe(true);
    expect(isTranslationOnly('matrix(1, 0.2, 0, 1, 0, 0)')).toBe(false);
    expect(isTranslationOnly('perspective(10px)')).toBe(false);
    expect(isTranslationOnly('matrix3d(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, -0.01, 0, 0, 0, 1)')).toBe(false);
  });
});

describe('reorderDoubtOf', () => {
  it('allows right-to-left text and flex items in document order', () => {
    expect(reorderDoubtOf({ direction: 'rtl', 'unicode-bidi': 'isolate' }, { display: 'block' })).toBeUndefined();
    expect(reorderDoubtOf({ order: '0' }, { display: 'flex' })).toBeUndefined();
    expect(reorderDoubtOf({ display: 'flex', 'flex-direction': 'row' }, undefined)).toBeUndefined();
    // `order` means nothing outside a flex or grid container.
    expect(reorderDoubtOf({ order: '2' }, { display: 'block' })).toBeUndefined();
  });

  it.each([
    [{ 'unicode-bidi': 'bidi-override' }, { display: 'block' }],
    [{ 'unicode-bidi': 'isolate-override' }, undefined],
    [{ order: '-1' }, { display: 'flex' }],
    [{ order: '3' }, { display: 'inline-grid' }],
    [{ display: 'flex', 'flex-direction': 'row-reverse' }, undefined],
    [{ display: 'inline-flex', 'flex-wrap': 'wrap-reverse' }, undefined],
    [{ 'grid-column-start': '2' }, { display: 'grid' }],
  ])('%j in %j is reordered', (style, parent) => {
    expect(reorderDoubtOf(style, parent)).toBe('reordered');
  });
});

describe('movedDoubtOf', () => {
  const snippet = rect(0, 0, 400, 100);
  it('allows absolute text inside the snippet, not outside it, and never fixed text', () => {
    expect(movedDoubtOf({ position: 'absolute' }, rect(10, 10, 50, 20), snippet)).toBeUndefined();
    expect(movedDoubtOf({ position: 'absolute' }, rect(10, 300, 50, 20), snippet)).toBe('moved');
    expect(movedDoubtOf({ position: 'fixed' }, rect(10, 10, 50, 20), snippet)).toBe('moved');
    expect(movedDoubtOf({ position: 'relative' }, rect(10, 300, 50, 20), snippet)).toBeUndefined();
  });
});

describe('shiftedDoubtOf', () => {
  const at = (style: Record<string, string>) => ({ 'font-size': '16px', ...style });
  it('allows words in their place, and nudges: a superscript raised half an em, a word moved a few pixels', () => {
    expect(shiftedDoubtOf(at({}))).toBeUndefined();
    expect(shiftedDoubtOf(at({ position: 'relative', left: '2px', top: '0px' }))).toBeUndefined();
    expect(shiftedDoubtOf(at({ 'font-size': '12px', position: 'relative', top: '-6px', left: '0px' }))).toBeUndefined();
    expect(shiftedDoubtOf(at({ transform: 'matrix(1, 0, 0, 1, 0, 4)', translate: 'none', float: 'none' }))).toBeUndefined();
    // Offsets of an element that is not positioned draw nothing.
    expect(shiftedDoubtOf(at({ position: 'static', left: '400px' }))).toBeUndefined();
  });

  it.each([
    [{ position: 'relative', left: '96px', top: '0px' }, 'moved'],
    [{ position: 'relative', left: 'auto', right: '20px', top: 'auto', bottom: 'auto' }, 'moved'],
    [{ position: 'relative', left: '0px', top: '40px' }, 'moved'],
    [{ transform: 'matrix(1, 0, 0, 1, -200, 0)' }, 'moved'],
    [{ transform: 'matrix3d(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 48, 0, 1)' }, 'moved'],
    [{ translate: '0px 3em' }, 'moved'],
    [{ translate: '50%' }, 'moved'],
    [{ translate: '12px' }, 'moved'],
    [{ float: 'right' }, 'reordered'],
  ])('%j is %s', (style, doubt) => {
    expect(shiftedDoubtOf(at(style))).toBe(doubt);
  });
});

describe('squeezedDoubtOf', () => {
  it('allows normal and tight headline spacing', () => {
    expect(squeezedDoubtOf({ 'font-size': '16px', 'letter-spacing': 'normal', 'word-spacing': '0px' })).toBeUndefined();
    expect(squeezedDoubtOf({ 'font-size': '32px', 'letter-spacing': '-0.96px', 'word-spacing': '-2px' })).toBeUndefined();
  });

  it('sees letters or words drawn over each other', () => {
    expect(squeezedDoubtOf({ 'font-size': '16px', 'letter-spacing': '-8px' })).toBe('transformed');
    expect(squeezedDoubtOf({ 'font-size': '16px', 'word-spacing': '-12px' })).toBe('transformed');
  });
});

describe('generatedDoubtOf', () => {
  it('leaves strings to the text comparison and allows default numbering and quotation marks', () => {
    expect(generatedDoubtOf({ content: 'none' })).toBeUndefined();
    expect(generatedDoubtOf({ content: '""' })).toBeUndefined();
    expect(generatedDoubtOf({ content: '"Sponsored: "' })).toBeUndefined();
    expect(generatedDoubtOf({ content: 'counter(n) ". "' })).toBeUndefined();
    expect(generatedDoubtOf({ content: 'counter(n, lower-roman)' })).toBeUndefined();
    expect(generatedDoubtOf({ content: 'open-quote', quotes: 'auto' })).toBeUndefined();
    expect(generatedDoubtOf({ content: 'open-quote', quotes: '"«" "»" "‹" "›"' })).toBeUndefined();
  });

  it.each([
    [{ content: 'url("data:image/png;base64,AAAA")' }],
    [{ content: 'linear-gradient(red, blue)' }],
    [{ content: 'counter(n, words)' }],
    [{ content: 'open-quote', quotes: '"not " ""' }],
    [{ content: 'close-quote', quotes: '"“" "?"' }],
  ])('%j adds what Verity cannot read', (pseudo) => {
    expect(generatedDoubtOf(pseudo)).toBe('generated');
  });

  it('tells quotation marks from words in `quotes`', () => {
    expect(quotesAreQuotationMarks('none')).toBe(true);
    expect(quotesAreQuotationMarks('"\\"" "\\""')).toBe(true);
    expect(quotesAreQuotationMarks('"-" ""')).toBe(false);
  });
});

describe('markerDoubtOf', () => {
  const item = { display: 'list-item', 'list-style-image': 'none', 'list-style-type': 'disc' };
  it('allows bullets and numbers, and ignores elements that are not list items', () => {
    expect(markerDoubtOf(item, { content: 'normal' })).toBeUndefined();
    expect(markerDoubtOf({ ...item, 'list-style-type': 'decimal' }, { content: 'normal' })).toBeUndefined();
    expect(markerDoubtOf({ display: 'block', 'list-style-type': '"not "' }, {})).toBeUndefined();
  });

  it.each([
    [{ 'list-style-type': '"not "' }, {}],
    [{ 'list-style-type': 'words' }, {}],
    [{ 'list-style-image': 'url("minus.png")' }, {}],
    [{}, { content: '"−"' }],
  ])('%j with marker %j adds what Verity cannot read', (style, marker) => {
    expect(markerDoubtOf({ ...item, ...style }, marker)).toBe('generated');
  });
});

describe('styledApartDoubtOf', () => {
  const own = { color: 'rgb(0, 0, 0)', 'font-size': '16px', visibility: 'visible' };
  it('sees a first line styled like its element, and one styled apart', () => {
    expect(styledApartDoubtOf(own, { ...own })).toBeUndefined();
    expect(styledApartDoubtOf(own, { ...own, color: 'rgba(0, 0, 0, 0)' })).toBe('styled-apart');
    expect(styledApartDoubtOf(own, { ...own, 'font-size': '1px' })).toBe('styled-apart');
  });
});

describe('paintDoubtOf', () => {
  const paint = (overrides: Partial<TextPaint>): TextPaint => ({ colour: 'rgb(20, 20, 20)', opacity: 1, backgrounds: [], ...overrides });
  const on = (colour: string) => [{ colour, image: false }];

  it('confirms dark on white, light on dark, muted grey, and a half-transparent background over the white canvas', () => {
    expect(paintDoubtOf(paint({}))).toBeUndefined();
    expect(paintDoubtOf(paint({ colour: 'rgb(230, 230, 230)', backgrounds: on('rgb(18, 18, 18)') }))).toBeUndefined();
    expect(paintDoubtOf(paint({ colour: 'rgb(117, 117, 117)' }))).toBeUndefined();
    expect(paintDoubtOf(paint({ opacity: 0.6 }))).toBeUndefined();
    expect(paintDoubtOf(paint({ backgrounds: [{ colour: 'rgba(0, 0, 0, 0)', image: false }, ...on('rgba(255, 255, 0, 0.5)')] }))).toBeUndefined();
  });

  it.each([
    [{ opacity: 0.06 }, 'faint'],
    [{ colour: 'rgba(20, 20, 20, 0.1)' }, 'faint'],
    [{ colour: 'rgba(20, 20, 20, 0.5)', opacity: 0.5 }, 'faint'],
    [{ colour: 'rgb(255, 255, 255)' }, 'low-contrast'],
    [{ colour: 'rgb(221, 221, 221)' }, 'low-contrast'],
    [{ colour: 'rgb(20, 20, 20)', backgrounds: on('rgb(25, 25, 25)') }, 'low-contrast'],
    [{ colour: 'rgb(20, 20, 20)', backgrounds: [{ colour: 'rgba(0, 0, 0, 0)', image: true }] }, 'background'],
    [{ colour: 'oklch(0.2 0 0)' }, 'background'],
  ] as const)('%j is %s', (overrides, doubt) => {
    expect(paintDoubtOf(paint(overrides))).toBe(doubt);
  });

  it('stops at the first opaque background: an image under it is hidden by it', () => {
    expect(paintDoubtOf(paint({ backgrounds: [...on('rgb(255, 255, 255)'), { colour: 'rgb(0, 0, 0)', image: true }] }))).toBeUndefined();
  });
});

describe('geometry', () => {
  it('tells a box inside its clip from one cut by it, to a pixel', () => {
    expect(isInside(rect(10, 10, 100, 20), rect(0, 0, 200, 40))).toBe(true);
    expect(isInside(rect(10, 10, 100, 20.5), rect(10, 10, 100, 20))).toBe(true);
    expect(isInside(rect(10, 10, 100, 40), rect(0, 0, 200, 40))).toBe(false);
  });

  it('clips along axes with hidden or clip overflow, both with paint containment, not along scrolling ones', () => {
    expect(clipAxesOf({ 'overflow-x': 'visible', 'overflow-y': 'hidden' })).toEqual({ x: false, y: true });
    expect(clipAxesOf({ 'overflow-x': 'hidden', 'overflow-y': 'auto' })).toEqual({ x: true, y: false });
    expect(clipAxesOf({ 'overflow-x': 'clip' })).toEqual({ x: true, y: false });
    expect(clipAxesOf({ contain: 'paint' })).toEqual({ x: true, y: true });
    expect(clipAxesOf({ 'overflow-x': 'auto', 'overflow-y': 'scroll', contain: 'none' })).toBeUndefined();
  });

  it('calls text cut by a pixel across, by more than a fifth of a line down, and only along clipping axes', () => {
    const clip = rect(0, 0, 200, 40);
    const both = { x: true, y: true };
    expect(isCut(rect(10, 10, 100, 20), clip, both, 20)).toBe(false);
    expect(isCut(rect(150, 10, 60, 20), clip, both, 20)).toBe(true);
    expect(isCut(rect(10, 23, 100, 20), clip, both, 20)).toBe(false);
    expect(isCut(rect(10, 30, 100, 20), clip, both, 20)).toBe(true);
    // A chat's message list scrolls down: text below its fold is reachable.
    expect(isCut(rect(10, 300, 100, 20), clip, { x: true, y: false }, 20)).toBe(false);
  });

  it('reads a line under 6 px as too small', () => {
    expect(sizeDoubtOf(3.5)).toBe('small');
    expect(sizeDoubtOf(11)).toBeUndefined();
  });
});
