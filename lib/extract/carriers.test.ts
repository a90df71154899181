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

  it('pauses after reading the whole text and after the queries when asked to pause, before any carrier', () => {
    const steps = [...proofCarriers(page(mixed), { pauseEvery: 100 })].map((step) => step.form);
    expect(steps.slice(0, 3)).toEqual(['pause', 'pause', 'text']);
    expect([...proofCarriers(page(mixed))].some((step) => step.form === 'pause')).toBe(false);
  });
});
