import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { tokenPrefix } from '../text/tokens';
import { searchTokenPrefix } from './token-prefix-search';

// jsdom reads a Range's text in time that grows with the square of its size: small pieces here.
const elementsPerPiece = 16;

/** A body of `count` paragraphs; `text(i)` is the i-th one's text. */
function paragraphs(count: number, text: (index: number) => string = (index) => `paragraph ${index}`): Document {
  const { document } = new JSDOM('<!doctype html><body></body>').window;
  document.body.innerHTML = Array.from({ length: count }, (_, index) => `<p id="p${index}">${text(index)}</p>`).join('');
  return document;
}

/** Runs the search to its end, calling `atPause` at each pause; the answer and the pauses it made. */
function search(root: Node, atPause: (pause: number) => void = () => {}): { found: boolean; pauses: number } {
  const steps = searchTokenPrefix(root, { piece: elementsPerPiece });
  let pauses = 0;
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return { found: step.value, pauses };
    atPause(++pauses);
  }
}

const pieces = 4;
const count = elementsPerPiece * pieces;

describe('searchTokenPrefix', () => {
  it('reads a large subtree in pieces with a pause after each, and finds the prefix in the last one', () => {
    const document = paragraphs(count, (index) => (index === count - 1 ? `see ${tokenPrefix}og` : `paragraph ${index}`));
    // html, head and body come before the paragraphs: one piece more than the paragraphs alone fill.
    expect(search(document)).toEqual({ found: true, pauses: pieces });
    expect(search(paragraphs(count))).toEqual({ found: false, pauses: pieces });
  });

  it('stops at the piece that holds the prefix', () => {
    const document = paragraphs(count, (index) => (index === 10 ? tokenPrefix : 'x'));
    expect(search(document)).toEqual({ found: true, pauses: 0 });
  });

  it('reads all at once when not in pieces, a text node by its data, and a shadow root like a document', () => {
    const document = paragraphs(count, (index) => (index === count - 1 ? tokenPrefix : 'x'));
    const whole = searchTokenPrefix(document).next();
    expect(whole).toEqual({ done: true, value: true });
    expect(searchTokenPrefix(document.getElementById(`p${count - 1}`)!.firstChild!).next()).toEqual({ done: true, value: true });
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = Array.from({ length: elementsPerPiece * 2 }, (_, index) => `<i>${index === elementsPerPiece * 2 - 1 ? tokenPrefix : index}</i>`).join('');
    expect(search(shadow)).toEqual({ found: true, pauses: 1 });
  });
});
