import { describe, expect, it } from 'vitest';
import {
  clipAxesOf,
  directionDoubtOf,
  effectDoubtOf,
  faintestConfirmed,
  generatedDoubtOf,
  isCut,
  isInside,
  isTranslationOnly,
  markerDoubtOf,
  movedDoubtOf,
  shiftedDoubtOf,
  shiftOf,
  squeezedDoubtOf,
  paintDoubtOf,
  quotesAreQuotationMarks,
  layoutAgainstParentDoubtOf,
  leastOuterOpacityOf,
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

  it('confirms what changes nothing the text shows: identity scale and rotation, a backdrop filter, a clip path that rounds corners only', () => {
    expect(effectDoubtOf({ scale: '1', rotate: '0deg' })).toBeUndefined();
    expect(effectDoubtOf({ 'backdrop-filter': 'blur(8px)' })).toBeUndefined();
    expect(effectDoubtOf({ 'clip-path': 'inset(0px round 12px)' })).toBeUndefined();
    expect(effectDoubtOf({ 'clip-path': 'inset(0px 0px 0px 0px round 4px 8px)' })).toBeUndefined();
  });

  it.each([
    [{ transform: 'matrix(0.08, 0, 0, 0.08, 0, 0)' }, 'transformed'],
    [{ transform: 'matrix(-1, 0, 0, 1, 0, 0)' }, 'transformed'],
    [{ scale: '0.1' }, 'transformed'],
    [{ rotate: '180deg' }, 'transformed'],
    [{ filter: 'blur(4px)' }, 'effect'],
    [{ filter: 'opacity(0.05)' }, 'effect'],
    [{ perspective: '10px' }, 'transformed'],
    [{ '-webkit-box-reflect': 'right' }, 'effect'],
    [{ '-webkit-mask-box-image-source': 'linear-gradient(transparent, transparent)' }, 'effect'],
    [{ 'clip-path': 'inset(0px 10px 0px 0px round 4px)' }, 'effect'],
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
    [{ 'grid-column-end': '1' }, { display: 'grid' }],
  ])('%j in %j is reordered', (style, parent) => {
    expect(reorderDoubtOf(style, parent)).toBe('reordered');
  });
});

describe('layoutAgainstParentDoubtOf', () => {
  it('takes text turned on its side against its parent for transformed', () => {
    expect(layoutAgainstParentDoubtOf({ 'writing-mode': 'vertical-rl' }, { display: 'block' })).toBe('transformed');
  });

  it.each([
    [{ display: 'inline-flex', direction: 'rtl' }, { display: 'block', direction: 'ltr' }],
    [{ display: 'block', direction: 'rtl', 'column-count': '2', 'column-width': 'auto' }, { display: 'block', direction: 'ltr' }],
    [{ display: 'block', direction: 'ltr', 'column-count': 'auto', 'column-width': '200px' }, { display: 'block', direction: 'rtl' }],
  ])('%j in %j is reordered: boxes placed against the direction of the text around them', (style, parent) => {
    expect(layoutAgainstParentDoubtOf(style, parent)).toBe('reordered');
  });

  it('allows right-to-left text, and right-to-left boxes and columns in right-to-left text', () => {
    expect(layoutAgainstParentDoubtOf({ display: 'inline', direction: 'rtl' }, { display: 'block', direction: 'ltr' })).toBeUndefined();
    expect(layoutAgainstParentDoubtOf({ display: 'flex', direction: 'rtl' }, { display: 'block', direction: 'rtl' })).toBeUndefined();
    expect(layoutAgainstParentDoubtOf({ display: 'block', direction: 'rtl', 'column-count': '2' }, { display: 'block', direction: 'rtl' })).toBeUndefined();
    expect(layoutAgainstParentDoubtOf({ display: 'block', direction: 'ltr', 'column-count': '2' }, { display: 'block', direction: 'ltr' })).toBeUndefined();
  });
});

describe('directionDoubtOf', () => {
  it('allows words in either direction, and takes signs and digits turned around for reordered', () => {
    expect(directionDoubtOf('rtl', 'ltr', 'שלום עולם')).toBeUndefined();
    expect(directionDoubtOf('rtl', 'ltr', 'The drug is safe.')).toBeUndefined();
    expect(directionDoubtOf('rtl', 'rtl', '−5')).toBeUndefined();
    expect(directionDoubtOf('rtl', 'ltr', '−5')).toBe('reordered');
  });

  it('takes left-to-right words that start with a number, set right to left, for reordered', () => {
    expect(directionDoubtOf('rtl', 'ltr', '5 mg')).toBe('reordered');
    expect(directionDoubtOf('rtl', 'ltr', ' 12 children')).toBe('reordered');
    // A number after the first word stays beside it.
    expect(directionDoubtOf('rtl', 'ltr', 'Is the dose −5 mg?')).toBeUndefined();
    // Right-to-left writing with a number, as it is read.
    expect(directionDoubtOf('rtl', 'ltr', '5 שקלים')).toBeUndefined();
    expect(directionDoubtOf('rtl', 'ltr', '5 ريال')).toBeUndefined();
  });
});

describe('movedDoubtOf', () => {
  const snippet = rect(0, 0, 400, 100);
  it('allows an empty absolute box inside the snippet, not outside it, never absolute text, and never anything fixed', () => {
    expect(movedDoubtOf({ position: 'absolute' }, rect(10, 10, 50, 20), snippet, false)).toBeUndefined();
    expect(movedDoubtOf({ position: 'absolute' }, rect(10, 10, 50, 20), snippet, true)).toBe('moved');
    expect(movedDoubtOf({ position: 'absolute' }, rect(10, 300, 50, 20), snippet, false)).toBe('moved');
    expect(movedDoubtOf({ position: 'fixed' }, rect(10, 10, 50, 20), snippet, false)).toBe('moved');
    expect(movedDoubtOf({ position: 'relative' }, rect(10, 300, 50, 20), snippet, true)).toBeUndefined();
  });
});

describe('shiftedDoubtOf', () => {
  const at = (style: Record<string, string>) => ({ 'font-size': '16px', ...style });
  it('takes an inline box pulled back over the words before it, or pushed far from them, for moved; allows small margins and blocks', () => {
    expect(shiftedDoubtOf(at({ display: 'inline-block', 'margin-left': '4px', 'margin-right': '-2px' }))).toBeUndefined();
    expect(shiftedDoubtOf(at({ display: 'block', 'margin-left': '720px' }))).toBeUndefined();
    expect(shiftedDoubtOf(at({ display: 'inline-block', 'margin-right': '-69px' }))).toBe('moved');
    expect(shiftedDoubtOf(at({ display: 'inline-block', 'margin-left': '720px' }))).toBe('moved');
    expect(shiftedDoubtOf(at({ position: 'sticky', left: '720px' }))).toBe('moved');
  });

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

  it('adds up the nudges of the elements around a word: each small, together far', () => {
    const nudged = at({ position: 'relative', left: '7px', top: '0px' });
    expect(shiftOf(nudged)).toEqual({ across: 7, down: 0 });
    expect(shiftedDoubtOf(nudged, { across: 7, down: 0 })).toBeUndefined();
    expect(shiftedDoubtOf(nudged, { across: 14, down: 0 })).toBe('moved');
    // Nudges that undo each other leave the word in its place.
    expect(shiftedDoubtOf(nudged, { across: 0, down: 0 })).toBeUndefined();
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
  it('leaves strings to the text comparison and allows quotation marks', () => {
    expect(generatedDoubtOf({ content: 'none' })).toBeUndefined();
    expect(generatedDoubtOf({ content: '""' })).toBeUndefined();
    expect(generatedDoubtOf({ content: '"Sponsored: "' })).toBeUndefined();
    expect(generatedDoubtOf({ content: 'open-quote', quotes: 'auto' })).toBeUndefined();
    expect(generatedDoubtOf({ content: 'open-quote', quotes: '"«" "»" "‹" "›"' })).toBeUndefined();
  });

  it.each([
    [{ content: 'url("data:image/png;base64,AAAA")' }],
    [{ content: 'linear-gradient(red, blue)' }],
    [{ content: 'counter(n, words)' }],
    // Counters draw numbers the walk does not read, whatever their style: `−5` drawn `−50`; strings beside one are not read either.
    [{ content: 'counter(n)' }],
    [{ content: '"Never mind: " counter(n, none)' }],
    [{ content: 'counter(n, lower-roman)' }],
    // A box made a list item draws a marker.
    [{ content: '""', display: 'list-item' }],
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
    // A page's @counter-style may redefine any name but these few.
    [{ 'list-style-type': 'lower-roman' }, {}],
    [{ 'list-style-image': 'url("minus.png")' }, {}],
    [{}, { content: '"−"' }],
  ])('%j with marker %j adds what Verity cannot read', (style, marker) => {
    expect(markerDoubtOf({ ...item, ...style }, marker)).toBe('generated');
  });
});

describe('styledApartDoubtOf', () => {
  const own = { color: 'rgb(0, 0, 0)', 'font-size': '16px', visibility: 'visible' };
  it('takes a first line with a background of its own, or squeezed, for styled apart', () => {
    expect(styledApartDoubtOf(own, { ...own, 'background-color': 'rgba(0, 0, 0, 0)' })).toBeUndefined();
    expect(styledApartDoubtOf(own, { ...own, 'background-color': 'rgb(29, 29, 31)' })).toBe('styled-apart');
    expect(styledApartDoubtOf({ ...own, 'letter-spacing': 'normal' }, { ...own, 'letter-spacing': '-8px' })).toBe('styled-apart');
  });

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

describe('leastOuterOpacityOf', () => {
  const paint = (overrides: Partial<TextPaint>): TextPaint => ({ colour: 'rgb(20, 20, 20)', opacity: 1, backgrounds: [], ...overrides });

  it('leaves opaque dark text on white down to the faintness floor, and half-transparent text half as much', () => {
    expect(leastOuterOpacityOf(paint({}))).toBeCloseTo(faintestConfirmed, 2);
    expect(leastOuterOpacityOf(paint({ colour: 'rgba(20, 20, 20, 0.5)' }))).toBeCloseTo(faintestConfirmed / 0.5, 2);
    expect(leastOuterOpacityOf(paint({ opacity: 0.5 }))).toBeCloseTo(faintestConfirmed / 0.5, 2);
  });

  it('is where the text stops passing: a pale grey blends in before it fades', () => {
    const grey = paint({ colour: 'rgb(150, 150, 150)' });
    const least = leastOuterOpacityOf(grey);
    expect(least).toBeGreaterThan(faintestConfirmed);
    expect(paintDoubtOf({ ...grey, opacity: least })).toBeUndefined();
    expect(paintDoubtOf({ ...grey, opacity: least - 0.01 })).toBe('low-contrast');
  });

  it('leaves nothing to spare for text doubted already', () => {
    expect(leastOuterOpacityOf(paint({ opacity: 0.06 }))).toBe(1);
    expect(leastOuterOpacityOf(paint({ colour: 'rgb(255, 255, 255)' }))).toBe(1);
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
