import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { maxEnvelopeBytes } from '../envelope/limits';
import type { WalkPause } from './carriers';
import { createProofLocator, type LocatedProof } from './locate-proofs';

const hash = `0x${'ab'.repeat(32)}`;
const settlement = { v: 1, proof: { type: 'og-settlement', chainId: 1, tx: hash } };
const ogToken = `ai-proof:v1:og:1:${hash}`;

function page(html: string): Document {
  return new JSDOM(`<!doctype html><html><head></head><body>${html}</body></html>`).window.document;
}

function located(items: Iterable<LocatedProof | WalkPause>): LocatedProof[] {
  return [...items].filter((item): item is LocatedProof => item.form !== 'pause');
}

describe('createProofLocator', () => {
  it('reports each proof with its raw form whole, undecoded', () => {
    const long = JSON.stringify({ ...settlement, text: 'x'.repeat(1_000) });
    const document = page(`<p id="a" data-ai-proof='${long}'>a</p><p id="b">b ${ogToken}</p><script type="application/ai-proof+json">${JSON.stringify({ ...settlement, target: '#b' })}</script>`);
    const proofs = located(createProofLocator().scan(document));
    expect(proofs.map(({ form, raw, problem }) => ({ form, raw, problem }))).toEqual([
      { form: 'attribute', raw: long, problem: undefined },
      { form: 'text', raw: ogToken, problem: undefined },
      { form: 'script', raw: JSON.stringify({ ...settlement, target: '#b' }), problem: undefined },
    ]);
    expect(proofs.map((proof) => (proof.carrier as Element).localName ?? proof.carrier.nodeName)).toEqual(['p', '#text', 'script']);
  });

  it('refuses an oversized envelope unread, with the reason the decoder gives, and only a preview as raw', () => {
    const huge = 'A'.repeat(5 * 1024 * 1024);
    const document = page(`<p data-ai-proof="${huge}">a</p><p>b ai-proof:v1:${'B'.repeat(maxEnvelopeBytes + 1)}</p>`);
    const proofs = located(createProofLocator().scan(document));
    expect(proofs.map((proof) => proof.problem)).toEqual([
      { kind: 'unreadable', reason: 'envelope is at least 5,242,880 bytes; the limit is 262,144' },
      { kind: 'unreadable', reason: 'envelope is at least 262,145 bytes; the limit is 262,144' },
    ]);
    expect(proofs.map((proof) => proof.raw.length)).toEqual([200, 200]);
  });

  it('says why a proof script or a script entry cannot be read as it stands', () => {
    const entries = [{ ...settlement, target: '#nowhere' }, { ...settlement }];
    const document = page(`<div id="box"><script type="application/ai-proof+json">{oops</script><script type="application/ai-proof+json">${JSON.stringify(entries)}</script></div>`);
    const proofs = located(createProofLocator().scan(document));
    expect(proofs.map(({ element, problem }) => ({ element: element.id, problem }))).toEqual([
      { element: 'box', problem: { kind: 'unreadable', reason: expect.stringMatching(/^proof script is not valid JSON/) } },
      { element: 'box', problem: { kind: 'unplaced', reason: 'target "#nowhere" matches no element' } },
      { element: 'box', problem: { kind: 'unplaced', reason: 'script-form envelope has no "target" CSS selector' } },
    ]);
  });

  it('looks up a script\'s target in its own tree: the shadow root it is in, not the document', () => {
    const document = page('<p id="answer">in the document</p><div id="host"></div>');
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<p id="answer">in the shadow tree</p><script type="application/ai-proof+json">${JSON.stringify({ ...settlement, target: '#answer' })}</script>`;
    const [inShadow] = located(createProofLocator().scan(shadow));
    expect(inShadow?.element.textContent).toBe('in the shadow tree');
    shadow.querySelector('p')!.remove();
    const [unplaced] = located(createProofLocator().scan(shadow));
    expect(unplaced?.problem).toEqual({ kind: 'unplaced', reason: 'target "#answer" matches no element' });
  });

  it('pauses every so many nodes looked at, and finds the same proofs as without', () => {
    const html = Array.from({ length: 40 }, (_, index) => `<p id="p${index}">text ${index % 10 === 0 ? ogToken : ''}</p>`).join('');
    const items = [...createProofLocator().scan(page(html), { pauseEvery: 8 })];
    // One after the look at the whole text, one after the queries, then one every 8 nodes looked at: the doctype and
    // <html>, <head> and <body>, the 40 paragraphs, and the text of the 4 whose text holds the token prefix (48).
    expect(items.filter((item) => item.form === 'pause')).toHaveLength(2 + 5);
    expect(located(items).map((proof) => proof.element.id)).toEqual(['p0', 'p10', 'p20', 'p30']);
  });

  it('does not walk the text of a subtree without the token prefix', () => {
    const html = Array.from({ length: 40 }, (_, index) => `<p id="p${index}" ${index === 7 ? `data-ai-proof="x"` : ''}>text</p>`).join('');
    const items = [...createProofLocator().scan(page(html), { pauseEvery: 1 })];
    // Only the pauses after the look at the whole text and after the queries: no walk, which would pause at every node.
    expect(items.map((item) => item.form)).toEqual(['pause', 'pause', 'attribute']);
  });

  it('walks the text again when the node it paused at left the page, missing nothing', () => {
    // Text nodes in order: 10 fillers, x, y, late. After the two pauses of the whole-page reads, one before each text
    // after the first: pause 13 comes before y.
    const document = page(`<section id="s">${'<p>filler</p>'.repeat(10)}<div id="gone"><p>x</p><p>y ${ogToken}</p></div><p id="late">late ${ogToken}</p></section>`);
    const walk = createProofLocator().scan(document, { pauseEvery: 1 });
    const proofs: LocatedProof[] = [];
    let paused = 0;
    for (let step = walk.next(); !step.done; step = walk.next()) {
      if (step.value.form !== 'pause') proofs.push(step.value);
      else if (++paused === 13) document.getElementById('gone')!.remove();
    }
    expect(proofs.map((proof) => proof.element.id)).toEqual(['late']);
  });

  it('passes over an element carrier that left the page while the scan was paused', () => {
    const document = page(`<p id="a" data-ai-proof="x">a</p><p id="b" data-ai-proof="y">b</p>`);
    const walk = createProofLocator().scan(document, { pauseEvery: 1 });
    const proofs: LocatedProof[] = [];
    let paused = 0;
    for (let step = walk.next(); !step.done; step = walk.next()) {
      if (step.value.form !== 'pause') proofs.push(step.value);
      // The third pause: after the queries found both, and a.
      else if (++paused === 3) document.getElementById('b')?.remove();
    }
    expect(proofs.map((proof) => proof.element.id)).toEqual(['a']);
  });

  it('reports a released proof again once its carrier came back, and frees its place under the cap', () => {
    const document = page(`<p id="a" data-ai-proof="x">a</p>`);
    const locator = createProofLocator({ maxSnippets: 1 });
    const [first] = located(locator.scan(document));
    const element = document.getElementById('a')!;
    expect(located(locator.scan(element))).toEqual([]);
    expect(locator.full).toBe(true);

    element.remove();
    locator.release(first!);
    expect([locator.found, locator.full]).toEqual([0, false]);
    document.body.append(element);
    expect(located(locator.scan(element)).map((proof) => proof.index)).toEqual([1]);
    expect([locator.found, locator.skipped]).toEqual([1, 0]);
  });

  it('keeps a carrier that is still in the page as seen when its proof is released', () => {
    const document = page(`<p id="a" data-ai-proof="x">a</p>`);
    const locator = createProofLocator();
    const [first] = located(locator.scan(document));
    locator.release(first!);
    expect(located(locator.scan(document))).toEqual([]);
  });

  it('reads a rewritten carrier again: its own proofs as they are now, not its descendants\'', () => {
    const document = page(`<div id="box" data-ai-proof="first">box <p data-ai-proof="inner">inner</p></div><p id="plain">plain</p>`);
    const locator = createProofLocator();
    const [outer] = located(locator.scan(document));
    const box = document.getElementById('box')!;

    box.setAttribute('data-ai-proof', 'second');
    const [again, ...others] = locator.reread(box);
    expect(others).toEqual([]);
    expect(again).toMatchObject({ form: 'attribute', element: box, carrier: box, raw: 'second', shownText: 'box inner' });
    locator.release(outer!);
    expect(locator.found).toBe(2);

    // Gained and lost: what is there now, however often it was seen.
    const plain = document.getElementById('plain')!;
    plain.setAttribute('data-ai-proof', 'late');
    expect(locator.reread(plain).map((proof) => proof.raw)).toEqual(['late']);
    box.removeAttribute('data-ai-proof');
    expect(locator.reread(box)).toEqual([]);
  });

  it('takes back what a rewritten carrier had skipped, and counts what it skips now', () => {
    const entries = (count: number) => JSON.stringify(Array.from({ length: count }, (_, index) => ({ ...settlement, target: `#t${index}` })));
    const document = page(`<script id="s" type="application/ai-proof+json">${entries(3)}</script>`);
    const locator = createProofLocator({ maxSnippets: 2 });
    const first = located(locator.scan(document));
    expect([first.length, locator.skipped]).toEqual([2, 1]);

    const script = document.getElementById('s')!;
    script.textContent = entries(4);
    first.forEach((proof) => locator.release(proof));
    expect(locator.reread(script)).toHaveLength(2);
    expect(locator.skipped).toBe(2);
  });

  it('counts an attribute past the cap once, however often it is looked at, and takes it back when it is read', () => {
    const document = page(`<p id="a" data-ai-proof="x">one</p><p id="b" data-ai-proof="y">two</p><p id="c" data-ai-proof="z">three</p>`);
    const locator = createProofLocator({ maxSnippets: 1 });
    const [first] = located(locator.scan(document));
    expect(locator.skipped).toBe(2);
    expect(located(locator.scan(document))).toHaveLength(0);
    const b = document.getElementById('b')!;
    b.setAttribute('data-ai-proof', 'w');
    expect(locator.reread(b)).toHaveLength(0);
    expect(locator.skipped).toBe(2);

    locator.release(first!);
    expect(locator.reread(b).map(({ raw }) => raw)).toEqual(['w']);
    expect(locator.skipped).toBe(1);
    // Read, not skipped: read again with its proof still held, it is skipped anew, once.
    expect(locator.reread(b)).toHaveLength(0);
    expect(locator.skipped).toBe(2);
  });

  it('reads a changed snippet text from the same page budget', () => {
    const document = page(`<p id="a" data-ai-proof="x">one</p>`);
    const locator = createProofLocator();
    located(locator.scan(document));
    document.getElementById('a')!.append(' two');
    expect(locator.readShownText(document.getElementById('a')!)).toEqual({ text: 'one two', complete: true });
  });
});
