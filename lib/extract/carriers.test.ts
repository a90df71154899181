import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { proofCarriers, type ProofCarrier } from './carriers';

const token = `ai-proof:v1:og:1:0x${'ab'.repeat(32)}`;

function page(html: string): Document {
  return new JSDOM(`<!doctype html><html><head><script>var pageScript = 1;</script></head><body>${html}</body></html>`).window.document;
}

/** Each carrier as the id of the element it is on, or of the text's parent. */
function placesOf(root: Node, pauseEvery?: number): string[] {
  return [...proofCarriers(root, { pauseEvery })]
    .filter((step): step is ProofCarrier => step.form !== 'pause')
    .map((carrier) => {
      if (carrier.form === 'attribute') return `attribute ${carrier.host.id}`;
      if (carrier.form === 'script') return `script ${carrier.script.id}`;
      if (carrier.form === 'link') return `link ${carrier.anchor.id}`;
      return `text ${carrier.node.parentElement!.id}`;
    });
}

const mixed = [
  `<p id="t1">one ${token}</p>`,
  `<p id="a1" data-ai-proof="x">two</p>`,
  `<script id="s1" type="application/ai-proof+json">{}</script>`,
  `<div><p id="t2">three ${token}</p><a id="l1" href="#ai-proof:v1:og:1:0x${'cd'.repeat(32)}">four</a></div>`,
  `<p id="a2" data-ai-proof="y">five <span id="t3">six ${token}</span></p>`,
].join('');
const inOrder = ['text t1', 'attribute a1', 'script s1', 'text t2', 'link l1', 'attribute a2', 'text t3'];

describe('proofCarriers', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives every form in document order, whole or paused at every node', () => {
    expect(placesOf(page(mixed))).toEqual(inOrder);
    expect(placesOf(page(mixed), 1)).toEqual(inOrder);
    expect(placesOf(page(mixed.replaceAll(token, 'no token here')))).toEqual(['attribute a1', 'script s1', 'link l1', 'attribute a2']);
  });

  it('interleaves proofs in text with proofs in attributes without asking which node comes first, which costs the distance between siblings', () => {
    // One kind of element carrier and tokens in text: nothing for the selector engine to sort (jsdom sorts with the same call).
    const html = Array.from({ length: 60 }, (_, index) => (index % 2 === 0 ? `<p id="a${index}" data-ai-proof="z">x</p>` : `<p id="t${index}">${token}</p>`)).join('');
    const document = new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
    const compare = vi.spyOn(document.defaultView!.Node.prototype, 'compareDocumentPosition');
    expect(placesOf(document, 7)).toEqual(Array.from({ length: 60 }, (_, index) => (index % 2 === 0 ? `attribute a${index}` : `text t${index}`)));
    expect(compare).not.toHaveBeenCalled();
  });

  it('pauses after reading the whole text, after the queries and after ordering several kinds when asked to pause, before any carrier', () => {
    const steps = [...proofCarriers(page(mixed), { pauseEvery: 100 })].map((step) => step.form);
    expect(steps.slice(0, 4)).toEqual(['pause', 'pause', 'pause', 'text']);
    expect([...proofCarriers(page(mixed))].some((step) => step.form === 'pause')).toBe(false);
  });

  it('goes down only into what holds the token prefix: a subtree without it is not walked, a lone wrapper not read again', () => {
    const filler = Array.from({ length: 500 }, (_, index) => `<span>filler ${index}</span>`).join('');
    const document = page(`<div id="app"><section id="quiet">${filler}<p id="a1" data-ai-proof="x">one</p></section><p id="t1">two ${token}</p></div>`);
    const textRead = vi.spyOn(document.defaultView!.Node.prototype, 'textContent', 'get');
    const steps = [...proofCarriers(document, { pauseEvery: 1 })];
    expect(placesOf(document)).toEqual(['attribute a1', 'text t1']);
    // A pause after each node looked at: a few dozen at most, where visiting the quiet section would be 1,000 more.
    expect(steps.filter((step) => step.form === 'pause').length).toBeLessThan(20);
    const readIds = textRead.mock.contexts.map((node) => (node as Element).id);
    expect(readIds).toContain('quiet');
    expect(readIds).not.toContain('app');
  });

  it('gives a candidate the page moved behind the walk while it paused, last', () => {
    const document = page(`<p id="t1">one ${token}</p><div id="a1" data-ai-proof="x">two</div><p id="t2">three ${token}</p><p id="a2" data-ai-proof="y">four</p>`);
    const places: string[] = [];
    for (const step of proofCarriers(document, { pauseEvery: 1 })) {
      if (step.form === 'pause') continue;
      places.push(step.form === 'text' ? `text ${step.node.parentElement!.id}` : step.form === 'attribute' ? `attribute ${step.host.id}` : step.form);
      // Once the first token is given, the page puts the last carrier first.
      if (places.length === 1) document.body.prepend(document.getElementById('a2')!);
    }
    expect(places).toEqual(['text t1', 'attribute a1', 'text t2', 'attribute a2']);
  });

  it('reads a bounded amount of text to choose where to go down, however deep the subtrees that hold the prefix nest', () => {
    const { document } = new JSDOM('').window;
    let element = document.createElement('div');
    element.textContent = 'lorem ipsum '.repeat(100_000);
    for (let depth = 0; depth < 50; depth++) {
      const parent = document.createElement('div');
      parent.append(`${token} `, element);
      element = parent;
    }
    const textRead = vi.spyOn(document.defaultView!.Node.prototype, 'textContent', 'get');
    const texts = [...proofCarriers(element, { pauseEvery: 256 })].filter((step) => step.form === 'text');
    expect(texts).toHaveLength(50);
    // Each level's text is 1.2 MB: read at every level, 60 MB; the walk's budget is 4 MiB, the first look 1.2 MB.
    const read = textRead.mock.results.reduce((total, result) => total + String(result.value ?? '').length, 0);
    expect(read).toBeLessThan(7_000_000);
  });
});

