import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { textPieces } from './text-pieces';

// jsdom reads a Range's text in time that grows with the square of its size: small pieces here.
const elementsPerPiece = 16;
const count = elementsPerPiece * 4;

/** A body of `count` paragraphs, "x" each but the one at `marked`, which says "marked". */
function paragraphs(marked: number): Document {
  const { document } = new JSDOM('<!doctype html><body></body>').window;
  document.body.innerHTML = Array.from({ length: count }, (_, index) => `<p id="p${index}">${index === marked ? 'marked' : 'x'}</p>`).join('');
  return document;
}

/** Every piece's text, with `change` made to the page after the first piece. */
function readWith(document: Document, change: (document: Document) => void = () => {}): string[] {
  const texts: string[] = [];
  for (const piece of textPieces(document, elementsPerPiece)) {
    texts.push(piece.text);
    if (texts.length === 1) change(document);
  }
  return texts;
}

describe('textPieces', () => {
  it("reads a subtree's text in pieces of so many elements, each from one element's start to a later one's", () => {
    const document = paragraphs(-1);
    const pieces = [...textPieces(document, elementsPerPiece)];
    // html, head and body come before the paragraphs: one piece more than the paragraphs alone fill.
    expect(pieces.map((piece) => piece.text.length)).toEqual([elementsPerPiece - 3, elementsPerPiece, elementsPerPiece, elementsPerPiece, 3]);
    expect(pieces.map((piece) => [piece.from?.id, piece.to?.id])).toEqual([
      [undefined, 'p13'],
      ['p13', 'p29'],
      ['p29', 'p45'],
      ['p45', 'p61'],
      ['p61', undefined],
    ]);
    expect(pieces.map((piece) => piece.text).join('')).toBe(document.documentElement.textContent);
  });

  it('passes over no text when the page removes, moves or adds elements between pieces', () => {
    // Just after the first piece's end: what a reading that lost its place would pass over.
    const marked = elementsPerPiece - 2;
    const read = (change: (document: Document) => void) => readWith(paragraphs(marked), change).join('').includes('marked');
    // The piece's end bound taken out.
    expect(read((document) => document.getElementById(`p${elementsPerPiece - 3}`)!.remove())).toBe(true);
    // Half the paragraphs already read taken out: the element list's next bound lies further on.
    expect(read((document) => [...document.querySelectorAll('p')].slice(0, elementsPerPiece / 2).forEach((p) => p.remove()))).toBe(true);
    // Many elements put before the bound: the list's next one comes before where the reading stood.
    expect(read((document) => document.body.prepend(...Array.from({ length: elementsPerPiece * 2 }, () => document.createElement('hr'))))).toBe(true);
    // The marked paragraph moved to the front, into what was read: a MutationObserver would report it as added.
    expect(read((document) => document.body.prepend(document.getElementById(`p${marked}`)!))).toBe(false);
  });

  it('reads a shadow root by its fixed element list, ending early at an element taken out of it', () => {
    const { document } = new JSDOM('<!doctype html><body><div id="host"></div></body>').window;
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = Array.from({ length: count }, (_, index) => `<i id="i${index}">${index % 10}</i>`).join('');
    expect([...textPieces(shadow, elementsPerPiece)].map((piece) => piece.text).join('')).toBe(shadow.textContent);
    const pieces = textPieces(shadow, elementsPerPiece);
    pieces.next();
    shadow.getElementById(`i${elementsPerPiece * 2}`)!.remove();
    expect([...pieces].map((piece) => piece.to?.id)).toEqual([undefined]);
  });

  it('reads a subtree of one piece at once, without a Range', () => {
    const { document } = new JSDOM('<!doctype html><body><p>one</p><p>two</p></body>').window;
    const ranges = vi.spyOn(document, 'createRange');
    expect([...textPieces(document, elementsPerPiece)]).toEqual([{ text: 'onetwo', from: undefined, to: undefined }]);
    expect([...textPieces(document.body, elementsPerPiece)]).toEqual([{ text: 'onetwo', from: undefined, to: undefined }]);
    expect(ranges).not.toHaveBeenCalled();
  });
});
