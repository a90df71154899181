// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { maxShownTextScan, maxShownTextScanPerPage } from '../../lib/envelope/limits';
import type { TextWalkLens } from '../../lib/text/canonical';
import { createRenderedTextReader, longestReading } from './rendered-text';

/** A stand-in for the page's CSS: what hides is written in the markup. */
const lens: TextWalkLens = {
  hidesSubtree: (element) => element.hasAttribute('data-hides'),
  showsText: (node) => node.parentElement?.hasAttribute('data-faint') !== true,
  generatedText: (element, pseudo) => element.getAttribute(`data-${pseudo.slice(2)}`) ?? '',
};

function snippet(html: string): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = html;
  document.body.replaceChildren(element);
  return element;
}

describe('createRenderedTextReader', () => {
  it('gives the canonical text of what the lens lets through', () => {
    const read = createRenderedTextReader({ lensOf: () => lens });
    const element = snippet('<p data-before="Sponsored: ">One <span data-hides>two</span> <i data-faint>three</i> four</p><p data-hides>five</p>');
    expect(read(element)).toEqual({ text: 'Sponsored: One four', complete: true, doubts: [] });
  });

  it('makes a new lens for each reading, of the element read', () => {
    const asked: Element[] = [];
    const read = createRenderedTextReader({ lensOf: (element) => (asked.push(element), lens) });
    const element = snippet('text');
    read(element);
    read(element);
    expect(asked).toEqual([element, element]);
  });

  it('leaves out token text, token links and ignored chrome, as the shown text does', () => {
    const token = `ai-proof:v1:og:1:0x${'ab'.repeat(32)}`;
    const read = createRenderedTextReader({ lensOf: () => lens });
    expect(read(snippet(`Answer. ${token} <a href="#${token}">proof</a> <span data-ai-proof-ignore>Share</span>`)).text).toBe('Answer.');
  });

  it("passes on the lens's doubts in their fixed order", () => {
    const read = createRenderedTextReader({ lensOf: () => ({ ...lens, doubts: new Set(['generated', 'covered'] as const) }) });
    expect(read(snippet('Hi')).doubts).toEqual(['covered', 'generated']);
  });

  it('reads no more than a snippet may hold, and says so', () => {
    const read = createRenderedTextReader({ lensOf: () => lens });
    const element = snippet('');
    element.textContent = 'x'.repeat(maxShownTextScan + 10);
    const { text, complete } = read(element);
    expect(complete).toBe(false);
    // The snippet's own space came first.
    expect(text).toHaveLength(maxShownTextScan - 1);
  });

  it('shares one budget across a page, so many huge snippets cost bounded work', () => {
    const read = createRenderedTextReader({ lensOf: () => lens });
    const element = snippet('');
    element.textContent = 'x'.repeat(maxShownTextScan);
    const readings = Math.ceil(maxShownTextScanPerPage / maxShownTextScan);
    for (let reading = 0; reading < readings; reading += 1) read(element);
    expect(read(element)).toEqual({ text: '', complete: false, doubts: [] });
  });

  it('stops a reading at its time limit, says it timed out, and starts the next with a fresh limit', () => {
    let clock = 0;
    // Each element costs half the limit: the fourth one starts past it.
    const slowLens: TextWalkLens = { ...lens, hidesSubtree: (element) => ((clock += longestReading / 2), lens.hidesSubtree(element)) };
    const read = createRenderedTextReader({ lensOf: () => slowLens, now: () => clock });
    const element = snippet('<b>one</b> <b>two</b> <b>three</b> <b>four</b> <b>five</b>');
    const first = read(element);
    expect(first).toMatchObject({ complete: false, timedOut: true });
    expect(first.text).toBe('one two three');
    expect(read(snippet('<b>short</b>'))).toEqual({ text: 'short', complete: true, doubts: [] });
  });
});
