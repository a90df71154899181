// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flatTreeParentOf } from './flat-tree-parent';
import { paintDoubtOf, type TextPaint } from './rendering-doubts';
import { createSelectionStyles, readDeclaredColour, selectedPaintOf, selectionReaches } from './selection-style';
import { parseColour } from './text-colour';

/** A page of `css` and `html`; returns its element by id. */
function page(css: string, html: string): (id: string) => HTMLElement {
  document.head.innerHTML = `<style>${css}</style>`;
  document.body.innerHTML = html;
  return (id) => document.getElementById(id)!;
}

const coloursOf = (element: Element) => createSelectionStyles(window).coloursOf(element, flatTreeParentOf);

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  getSelection()!.removeAllRanges();
});

describe('createSelectionStyles', () => {
  it('finds no colours where no rule styles the selection: the browser draws its own', () => {
    const byId = page('p { color: red } .other::selection { color: transparent }', '<p id="p">Words</p>');
    expect(coloursOf(byId('p'))).toBeUndefined();
  });

  it("gives a word the selection style of the nearest element a rule matches, whole: a paragraph's colours reach its span", () => {
    const byId = page(
      '.quote::selection { color: rgb(255, 0, 0); background-color: rgb(0, 0, 255) } .own::selection { color: rgb(0, 128, 0) }',
      '<p class="quote"><span id="inner">not</span> safe</p><p class="quote"><span id="own" class="own">not</span></p>',
    );
    expect(coloursOf(byId('inner'))).toEqual({ colour: 'rgb(255, 0, 0)', background: 'rgb(0, 0, 255)' });
    // A rule of its own that sets only a colour: no selection background (probed in Chromium 156).
    expect(coloursOf(byId('own'))).toEqual({ colour: 'rgb(0, 128, 0)' });
  });

  it('cascades the rules that match in order, an important declaration over later ones, in any selector list and prefix', () => {
    const byId = page(
      `#word::selection { color: transparent !important } span::selection { color: black; background-color: white }
       em::-moz-selection, .x::selection { -webkit-text-fill-color: transparent }`,
      '<p><span id="word">not</span><em id="em">not</em></p>',
    );
    expect(coloursOf(byId('word'))).toEqual({ colour: 'transparent', background: 'white' });
    expect(coloursOf(byId('em'))).toEqual({ fill: 'transparent' });
  });

  it('reads a background set through the shorthand with a custom property, whose longhand Chromium leaves empty', () => {
    const byId = page('.brand { --brand: rgb(3, 102, 214) } .brand::selection { color: white; background: var(--brand) }', '<p id="word" class="brand">not</p>');
    expect(coloursOf(byId('word'))).toEqual({ colour: 'white', background: 'var(--brand)' });
  });

  it('passes over a sheet it cannot read, as one of another origin, and reads the others', () => {
    const byId = page('#word::selection { color: transparent }', '<p id="word">not</p>');
    // This file's own sheet: files share the document (isolate: false), and another may have left one of its own.
    const readable = document.head.querySelector('style')!.sheet!;
    const foreign = {
      disabled: false,
      media: { mediaText: '' },
      get cssRules(): CSSRuleList {
        throw new DOMException('Cannot access rules', 'SecurityError');
      },
    };
    const sheets = vi.spyOn(document, 'styleSheets', 'get');
    try {
      sheets.mockReturnValue([foreign] as unknown as StyleSheetList);
      expect(coloursOf(byId('word'))).toBeUndefined();
      sheets.mockReturnValue([foreign, readable] as unknown as StyleSheetList);
      expect(coloursOf(byId('word'))).toEqual({ colour: 'transparent' });
    } finally {
      sheets.mockRestore();
    }
  });

  it('reads the rules of the document above a shadow tree the words are in: its host\'s selection style reaches them', () => {
    // jsdom's shadow roots hold no style sheets; a tree's own rules are read in the browsers' end-to-end tests.
    const byId = page('#host::selection { color: rgb(1, 2, 3) }', '<div id="host"></div><div id="plain"></div>');
    const inHost = byId('host').attachShadow({ mode: 'open' });
    inHost.innerHTML = '<i>so</i>';
    expect(coloursOf(inHost.querySelector('i')!)).toEqual({ colour: 'rgb(1, 2, 3)' });
    const inPlain = byId('plain').attachShadow({ mode: 'open' });
    inPlain.innerHTML = '<i>so</i>';
    expect(coloursOf(inPlain.querySelector('i')!)).toBeUndefined();
  });
});

describe('readDeclaredColour', () => {
  it("substitutes custom properties from the element's style, with their fallbacks, and reads currentcolor as the text's colour", () => {
    const byId = page('#word { --brand: rgb(3, 102, 214); color: rgb(10, 20, 30) }', '<p id="word">not</p>');
    const read = readDeclaredColour;
    const style = getComputedStyle(byId('word'));
    const brand = { red: 3, green: 102, blue: 214, alpha: 1 };
    expect(parseColour(read('var(--brand)', style)!)).toEqual(brand);
    expect(parseColour(read('var(--missing, var(--brand))', style)!)).toEqual(brand);
    expect(parseColour(read('var(--missing, rgba(0, 0, 0, 0))', style)!)).toEqual({ red: 0, green: 0, blue: 0, alpha: 0 });
    expect(parseColour(read('currentcolor', style)!)).toEqual({ red: 10, green: 20, blue: 30, alpha: 1 });
    expect(read('inherit', style)).toBeUndefined();
  });
});

describe('selectedPaintOf', () => {
  const text: TextPaint = { colour: 'rgb(29, 29, 31)', opacity: 1, backgrounds: [{ colour: 'rgb(255, 255, 255)', image: false }] };

  it("paints selected words in the selection's colours over its background: transparent words are faint, words as dark as it blend in", () => {
    expect(paintDoubtOf(selectedPaintOf(text, { colour: 'rgba(0, 0, 0, 0)' }))).toBe('faint');
    expect(paintDoubtOf(selectedPaintOf(text, { colour: 'rgb(0, 0, 0)', background: 'rgb(0, 0, 0)' }))).toBe('low-contrast');
    expect(paintDoubtOf(selectedPaintOf(text, { colour: 'rgb(0, 0, 0)', fill: 'rgba(0, 0, 0, 0)' }))).toBe('faint');
    // Only a background: the words keep their own colour over it.
    expect(paintDoubtOf(selectedPaintOf(text, { background: 'rgb(20, 20, 20)' }))).toBe('low-contrast');
  });

  it('keeps an honest highlight: white words on a blue selection, or a pale background under dark words', () => {
    expect(paintDoubtOf(selectedPaintOf(text, { colour: 'rgb(255, 255, 255)', background: 'rgb(3, 102, 214)' }))).toBeUndefined();
    expect(paintDoubtOf(selectedPaintOf(text, { background: 'rgb(255, 238, 170)' }))).toBeUndefined();
  });
});

describe('selectionReaches', () => {
  it('tells a selection over the words from a caret and from one elsewhere, and sees one over a shadow tree at its host', () => {
    const byId = page('', '<p id="p">The drug is <span id="word">not</span> safe.</p><p id="away">Elsewhere</p><div id="host"></div>');
    const selection = getSelection()!;
    selection.selectAllChildren(byId('p'));
    expect(selectionReaches(selection, byId('word'))).toBe(true);
    expect(selectionReaches(selection, byId('away'))).toBe(false);
    selection.collapse(byId('word'), 0);
    expect(selectionReaches(selection, byId('word'))).toBe(false);
    const shadow = byId('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<b>inside</b>';
    selection.selectAllChildren(document.body);
    expect(selectionReaches(selection, shadow.querySelector('b')!)).toBe(true);
  });
});
