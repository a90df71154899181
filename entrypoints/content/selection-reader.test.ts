// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { readSelection } from './selection-reader';

beforeEach(() => {
  document.body.innerHTML = `
    <p id="one">The council <b>approved</b> the budget.</p>
    <p id="two">Rain   is expected
      over the weekend.</p>
    <p id="plain">Nothing signed here.</p>`;
});

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
    const read = readSelection({ selection, snippets: snippets() });
    expect(read).toMatchObject({ text: 'council approved', within: ['p0'] });
    expect(read!.range.toString()).toBe('council approved');
  });

  it('names every snippet a selection touches, and canonicalises white space across them', () => {
    const selection = select([text('one', 2), 1], [text('two'), 18]);
    expect(readSelection({ selection, snippets: snippets() })).toMatchObject({ text: 'the budget. Rain is expected', within: ['p0', 'p1'] });
  });

  it('names no snippet for a selection outside them', () => {
    const selection = select([text('plain'), 0], [text('plain'), 7]);
    expect(readSelection({ selection, snippets: snippets() })).toMatchObject({ text: 'Nothing', within: [] });
  });

  it('is null for no selection, a collapsed one, or one of white space only', () => {
    expect(readSelection({ selection: null, snippets: snippets() })).toBeNull();
    expect(readSelection({ selection: select([text('one'), 3], [text('one'), 3]), snippets: snippets() })).toBeNull();
    expect(readSelection({ selection: select([text('two'), 4], [text('two'), 7]), snippets: snippets() })).toBeNull();
  });
});
