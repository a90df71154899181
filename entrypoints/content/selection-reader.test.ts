// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { TextWalkLens } from '../../lib/text/canonical';
import { readSelection, type ReadSelectionParameters } from './selection-reader';

beforeEach(() => {
  document.body.innerHTML = `
    <p id="one">The council <b>approved</b> the budget.</p>
    <p id="two">Rain   is expected
      over the weekend.</p>
    <p id="plain">Nothing signed here.</p>
    <p id="tricks">The vaccine is <span id="unselectable">not</span> safe<span id="hidden" hidden> at all</span> <em id="made" data-before="really ">they say</em>.</p>`;
});

/** A stand-in for css-lens.ts: \`hidden\` hides, \`data-before\` is a ::before's content. */
const lensOf = (): TextWalkLens => ({
  hidesSubtree: (element) => element.hasAttribute('hidden'),
  showsText: () => true,
  generatedText: (element, pseudo) => (pseudo === '::before' ? (element.getAttribute('data-before') ?? '') : ''),
});

const read = (selection: Selection | null, extra: Partial<ReadSelectionParameters> = {}) => readSelection({ selection, snippets: snippets(), lensOf, ...extra });

const snippets = () => [
  { id: 'p0', element: document.getElementById('one')! },
  { id: 'p1', element: document.getElementById('two')! },
];

/** Selects from `start` (a node and offset) to `end`, as a reader's drag does. */
function select(start: [Node, number], end: [Node, number]): Selection {
  const range = document.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

const text = (id: string, index = 0) => document.getElementById(id)!.childNodes[index]!;

describe('readSelection', () => {
  it('reads the canonical text of a selection in a snippet, and the proof whose snippet it is in', () => {
    const selection = select([text('one'), 4], [document.getElementById('one')!.querySelector('b')!.firstChild!, 8]);
    const found = read(selection);
    expect(found).toMatchObject({ text: 'council approved', within: ['p0'] });
    expect(found!.range.toString()).toBe('council approved');
  });

  it('names every snippet a selection touches, and canonicalises white space across them', () => {
    const selection = select([text('one', 2), 1], [text('two'), 18]);
    expect(read(selection)).toMatchObject({ text: 'the budget. Rain is expected', within: ['p0', 'p1'] });
  });

  it('names no snippet for a selection outside them', () => {
    const selection = select([text('plain'), 0], [text('plain'), 7]);
    expect(read(selection)).toMatchObject({ text: 'Nothing', within: [] });
  });

  it('is null for no selection, a collapsed one, or one of white space only', () => {
    expect(read(null)).toBeNull();
    expect(read(select([text('one'), 3], [text('one'), 3]))).toBeNull();
    expect(read(select([text('two'), 4], [text('two'), 7]))).toBeNull();
  });

  it('reads what a reader sees of the range, not what the page lets the selection hold', () => {
    const tricks = document.getElementById('tricks')!;
    // Unselectable, the word stays in the question: the browser's own string would leave "The vaccine is safe".
    expect(read(select([tricks.firstChild!, 0], [tricks.childNodes[2]!, 5]))).toMatchObject({ text: 'The vaccine is not safe' });
    // Hidden text is not read; generated text inside the range is.
    expect(read(select([tricks.firstChild!, 4], [document.getElementById('made')!.firstChild!, 8]))).toMatchObject({ text: 'vaccine is not safe really they say' });
    // Generated text before the range's start is not in it.
    expect(read(select([document.getElementById('made')!.firstChild!, 5], [tricks.lastChild!, 1]))).toMatchObject({ text: 'say.' });
  });

  it('asks nothing when the reading runs out of time, rather than the part it read', () => {
    let clock = 0;
    const slow = read(select([text('one'), 0], [text('two'), 4]), { now: () => (clock += 30) });
    expect(slow).toMatchObject({ text: '', within: ['p0', 'p1'] });
  });

  it('reads again when one reading was stalled, and asks the whole text', () => {
    let clock = 0;
    let stalls = 1;
    // The first look at the clock after the reading starts finds the machine stalled past the limit, once.
    const now = () => (stalls > 0 && clock > 0 ? ((stalls -= 1), (clock += 1_000)) : (clock += 1));
    const stalled = read(select([text('one'), 0], [text('two'), 4]), { now });
    expect(stalled).toMatchObject({ text: 'The council approved the budget. Rain', within: ['p0', 'p1'] });
  });
});
