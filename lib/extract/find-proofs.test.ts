import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { maxScriptBytes } from '../envelope/limits';
import { canonicalText } from '../text/canonical';
import { createProofFinder, findProofs, type FoundSnippet } from './find-proofs';

const hash = `0x${'ab'.repeat(32)}`;
const uid = `0x${'cd'.repeat(32)}`;
const settlement = { v: 1, proof: { type: 'og-settlement', chainId: 1, tx: hash } };
const onchain = { v: 1, proof: { type: 'eas-onchain', chainId: 1, uid } };
const ogToken = `ai-proof:v1:og:1:${hash}`;
const easToken = `ai-proof:v1:eas:1:${uid}`;

function page(html: string): Document {
  return new JSDOM(`<!doctype html><html><head></head><body>${html}</body></html>`).window.document;
}

function attribute(value: unknown): string {
  return JSON.stringify(value).replaceAll('&', '&amp;').replaceAll("'", '&#39;');
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function summary(snippet: FoundSnippet) {
  return {
    index: snippet.index,
    form: snippet.form,
    element: snippet.element.id || snippet.element.localName,
    source: snippet.source.id || snippet.source.localName,
    shown: snippet.shownText,
    result: snippet.decoded.ok ? snippet.decoded.envelope.proof.type : snippet.decoded.reason,
  };
}

describe('findProofs: attribute form', () => {
  it('reads JSON and base64url attributes; the snippet is the element', () => {
    const document = page(`<div id="a" data-ai-proof='${attribute(settlement)}'>Hello <b>world</b></div><p id="b" data-ai-proof="${base64url(onchain)}">Second</p>`);
    expect(findProofs(document).snippets.map(summary)).toEqual([
      { index: 0, form: 'attribute', element: 'a', source: 'a', shown: 'Hello world', result: 'og-settlement' },
      { index: 1, form: 'attribute', element: 'b', source: 'b', shown: 'Second', result: 'eas-onchain' },
    ]);
  });

  it('reports a malformed attribute with its reason, and an empty one', () => {
    const document = page(`<p data-ai-proof='{"v":2}'>x</p><p data-ai-proof="">y</p>`);
    expect(findProofs(document).snippets.map((snippet) => snippet.decoded)).toEqual([
      { ok: false, reason: 'unsupported envelope version 2' },
      { ok: false, reason: 'envelope is empty' },
    ]);
  });

  it('keeps the proof as written, for reports', () => {
    const long = { ...settlement, text: 'x'.repeat(1_000) };
    const [snippet] = findProofs(page(`<p data-ai-proof='${attribute(long)}'>x</p>`)).snippets;
    expect(JSON.parse(snippet!.raw)).toEqual(long);
  });

  it('accepts a root element and searches only inside it', () => {
    const document = page(`<p data-ai-proof='${attribute(settlement)}'>out</p><section id="s"><p id="in" data-ai-proof='${attribute(settlement)}'>in</p></section>`);
    expect(findProofs(document.getElementById('s')!).snippets.map(summary)).toMatchObject([{ element: 'in' }]);
  });
});

describe('findProofs: script form', () => {
  it('reads one envelope or an array; each snippet is the first match of its target', () => {
    const scripts = `
      <script type="application/ai-proof+json">${JSON.stringify({ ...settlement, target: '.post' })}</script>
      <script type="Application/AI-Proof+JSON; charset=utf-8">${JSON.stringify([{ ...onchain, target: '#second' }, { ...settlement, target: 'article p' }])}</script>`;
    const document = page(`<p class="post" id="first">One</p><p class="post">not this</p><p id="second">Two</p><article><p id="third">Three</p></article>${scripts}`);
    expect(findProofs(document).snippets.map(summary)).toEqual([
      { index: 0, form: 'script', element: 'first', source: 'script', shown: 'One', result: 'og-settlement' },
      { index: 1, form: 'script', element: 'second', source: 'script', shown: 'Two', result: 'eas-onchain' },
      { index: 2, form: 'script', element: 'third', source: 'script', shown: 'Three', result: 'og-settlement' },
    ]);
  });

  it('makes unresolvable entries malformed, on the script parent', () => {
    const entries = [{ ...settlement }, { ...settlement, target: 'p[' }, { ...settlement, target: '#nowhere' }, { v: 3, target: '#here' }, { v: 3 }];
    const document = page(`<p id="here">here</p><div id="box"><script type="application/ai-proof+json">${JSON.stringify(entries)}</script></div>`);
    expect(findProofs(document).snippets.map(summary)).toEqual([
      { index: 0, form: 'script', element: 'box', source: 'script', shown: '', result: 'script-form envelope has no "target" CSS selector' },
      { index: 1, form: 'script', element: 'box', source: 'script', shown: '', result: 'target "p[" is not a valid CSS selector' },
      { index: 2, form: 'script', element: 'box', source: 'script', shown: '', result: 'target "#nowhere" matches no element' },
      { index: 3, form: 'script', element: 'here', source: 'script', shown: 'here', result: 'unsupported envelope version 3' },
      { index: 4, form: 'script', element: 'box', source: 'script', shown: '', result: 'unsupported envelope version 3' },
    ]);
  });

  it('makes a script that is not JSON, or not an envelope, one malformed snippet', () => {
    const document = page('<script type="application/ai-proof+json">{oops</script><script type="application/ai-proof+json">42</script><script type="application/ai-proof+json">[]</script>');
    const snippets = findProofs(document).snippets;
    expect(snippets.map((snippet) => snippet.decoded.ok ? 'ok' : snippet.decoded.reason.split(':')[0])).toEqual([
      'proof script is not valid JSON',
      'proof script must hold an envelope or an array of envelopes',
    ]);
    expect(snippets[0]!.element.localName).toBe('body');
  });

  it('ignores other script types, and never takes script text as shown text', () => {
    const document = page(`<p id="p">Text<script type="application/ai-proof+json">${JSON.stringify({ ...settlement, target: '#p' })}</script></p><script type="application/json">${JSON.stringify({ ...settlement, target: '#p' })}</script>`);
    expect(findProofs(document).snippets.map(summary)).toMatchObject([{ element: 'p', shown: 'Text' }]);
  });

  it('reads at most 100 entries of one script and counts the rest as skipped', () => {
    const entries = Array.from({ length: 150 }, () => ({ ...settlement, target: 'p' }));
    const { snippets, skipped } = findProofs(page(`<p>x</p><script type="application/ai-proof+json">${JSON.stringify(entries)}</script>`));
    expect([snippets.length, skipped]).toEqual([100, 50]);
  });

  it('rejects an oversized script before parsing it', () => {
    const { snippets } = findProofs(page(`<script type="application/ai-proof+json">[${'0,'.repeat(600_000)}0]</script>`));
    expect(snippets.map((snippet) => !snippet.decoded.ok && snippet.decoded.reason)).toEqual(['proof script is at least 1,200,003 bytes; the limit is 1,048,576']);
  });
});

describe('findProofs: text form', () => {
  it('finds tokens in text; the snippet is the nearest block, without the token', () => {
    const document = page(`<div id="post"><span>Generated answer. <small>${ogToken}</small></span></div>`);
    expect(findProofs(document).snippets.map(summary)).toEqual([
      { index: 0, form: 'text', element: 'post', source: 'small', shown: 'Generated answer.', result: 'og-settlement' },
    ]);
  });

  it('reads base64url bodies and both short references', () => {
    const document = page(`<p>a ai-proof:v1:${base64url(settlement)} b ${easToken} c ai-proof:v1:og:0:${hash}</p>`);
    expect(findProofs(document).snippets.map((snippet) => summary(snippet).result)).toEqual([
      'og-settlement',
      'eas-onchain',
      'short reference: chain id "0" must be a positive decimal integer',
    ]);
    expect(findProofs(document).snippets.map((snippet) => snippet.shownText)).toEqual(['a b c', 'a b c', 'a b c']);
  });

  it('stops at each kind of block element and at data-ai-proof-block', () => {
    for (const tag of ['p', 'li', 'blockquote', 'article', 'section', 'div', 'td', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']) {
      const html = tag === 'td' ? `<table><tr><td id="x">t <i>${ogToken}</i></td></tr></table>` : tag === 'li' ? `<ul><li id="x">t <i>${ogToken}</i></li></ul>` : `<${tag} id="x">t <i>${ogToken}</i></${tag}>`;
      expect(summary(findProofs(page(`<div>outer ${html}</div>`)).snippets[0]!).element, tag).toBe('x');
    }
    const custom = page(`<div>outer <span id="x" data-ai-proof-block>t <i>${ogToken}</i></span></div>`);
    expect(summary(findProofs(custom).snippets[0]!)).toMatchObject({ element: 'x', shown: 't' });
  });

  it('does not stop at blocks off the list, and falls back to the parent', () => {
    expect(summary(findProofs(page(`<div id="d">a <aside>b <em>${ogToken}</em></aside></div>`)).snippets[0]!)).toMatchObject({ element: 'd', shown: 'a b' });
    expect(summary(findProofs(page(`<span id="s">alone ${ogToken}</span>`)).snippets[0]!)).toMatchObject({ element: 's', source: 's', shown: 'alone' });
  });

  it('reads a token in a link after #, and leaves the link label out of the shown text', () => {
    const document = page(`<p id="c">A comment. <a id="l" href="https://social.example/p/1#${easToken}">verify ${easToken}</a></p>`);
    expect(findProofs(document).snippets.map(summary)).toEqual([
      { index: 0, form: 'text', element: 'c', source: 'l', shown: 'A comment.', result: 'eas-onchain' },
    ]);
  });

  it('ignores tokens in script, style, template and noscript, and attributes inside them', () => {
    const document = page(
      `<div>x<script>const t = "${ogToken}";</script><style>/* ${ogToken} */</style><template><p>${ogToken}</p></template><noscript><span data-ai-proof='${attribute(settlement)}'>${ogToken}</span></noscript></div>`,
    );
    expect(findProofs(document)).toEqual({ snippets: [], skipped: 0 });
  });

  it('finds proofs inside ignored subtrees, outside whose text they stay', () => {
    const document = page(`<article id="a"><p>Body text.</p><footer data-ai-proof-ignore>Share · <a href="#${ogToken}">proof</a></footer></article>`);
    expect(findProofs(document).snippets.map(summary)).toMatchObject([{ element: 'a', shown: 'Body text.' }]);
  });
});

describe('findProofs: order and caps', () => {
  it('lists snippets in document order of their carriers, across forms', () => {
    const document = page(
      `<script type="application/ai-proof+json">${JSON.stringify({ ...onchain, target: '#late' })}</script>` +
        `<p id="one">one ${ogToken}</p><div id="two" data-ai-proof='${attribute(settlement)}'>two <a href="#${easToken}">p</a></div><p id="late">late</p>`,
    );
    expect(findProofs(document).snippets.map((snippet) => [snippet.index, snippet.form, snippet.source.id || snippet.source.localName])).toEqual([
      [0, 'script', 'script'],
      [1, 'text', 'one'],
      [2, 'attribute', 'two'],
      [3, 'text', 'a'],
    ]);
  });

  it('stops at maxSnippets and counts the rest, whatever their form', () => {
    const document = page(`<p>${`${ogToken} `.repeat(4)}</p><p data-ai-proof="x">a</p><script type="application/ai-proof+json">[]</script><a href="#${easToken}">l</a>`);
    expect(findProofs(document, { maxSnippets: 2 })).toMatchObject({ skipped: 5 });
    expect(findProofs(document, { maxSnippets: 2 }).snippets).toHaveLength(2);
    expect(findProofs(document, { maxSnippets: 0 })).toEqual({ snippets: [], skipped: 7 });
  });

  it('defaults to 500 snippets', () => {
    const { snippets, skipped } = findProofs(page(`<p>${`${ogToken} `.repeat(600)}</p>`));
    expect([snippets.length, skipped]).toEqual([500, 100]);
  });
});

describe('createProofFinder: incremental scans', () => {
  it('reports only new carriers, continuing the numbering', () => {
    const document = page(`<p id="a">first ${ogToken}</p>`);
    const finder = createProofFinder();
    expect(finder.scan(document).map(summary)).toMatchObject([{ index: 0, element: 'a' }]);

    const added = document.createElement('div');
    added.id = 'b';
    added.innerHTML = `<p id="c" data-ai-proof='${attribute(settlement)}'>new</p>`;
    document.body.appendChild(added);
    const text = document.createTextNode(` more ${easToken}`);
    document.getElementById('a')!.appendChild(text);

    // A MutationObserver reports both the subtree and, say, its child.
    const found = [...finder.scan(added), ...finder.scan(added.firstChild!), ...finder.scan(text), ...finder.scan(document)];
    expect(found.map(summary)).toEqual([
      { index: 1, form: 'attribute', element: 'c', source: 'c', shown: 'new', result: 'og-settlement' },
      { index: 2, form: 'text', element: 'a', source: 'a', shown: 'first more', result: 'eas-onchain' },
    ]);
    expect(finder.found).toBe(3);
  });

  it('finds nothing in a node added inside a script or a token link', () => {
    const document = page(`<script>var x</script><p><a href="#${ogToken}">label</a></p>`);
    const finder = createProofFinder();
    finder.scan(document);
    const inScript = document.createTextNode(easToken);
    document.querySelector('script')!.appendChild(inScript);
    const inLink = document.createTextNode(easToken);
    document.querySelector('a')!.appendChild(inLink);
    expect([...finder.scan(inScript), ...finder.scan(inLink)]).toEqual([]);
  });

  it('keeps its cap over its life', () => {
    const document = page('');
    const finder = createProofFinder({ maxSnippets: 3 });
    for (let round = 0; round < 3; round += 1) {
      const p = document.createElement('p');
      p.textContent = `${ogToken} ${ogToken}`;
      document.body.appendChild(p);
      finder.scan(p);
    }
    expect([finder.found, finder.skipped]).toEqual([3, 3]);
  });
});

describe('findProofs: hostile pages', () => {
  it('handles 20,000 fake attributes and 5 MB attributes, keeping 500 and counting the rest', () => {
    const huge = 'A'.repeat(5 * 1024 * 1024);
    const document = page(`<div data-ai-proof="${huge}">big</div>${'<i data-ai-proof="x"></i>'.repeat(20_000)}`);
    const { snippets, skipped } = findProofs(document);
    expect([snippets.length, skipped]).toEqual([500, 19_501]);
    expect(snippets[0]!.decoded).toEqual({ ok: false, reason: 'envelope is at least 5,242,880 bytes; the limit is 262,144' });
  });

  it('handles 200,000 fake tokens in one text node', () => {
    const document = page(`<p>${'ai-proof:v1:AAAA '.repeat(200_000)}</p>`);
    const { snippets, skipped } = findProofs(document);
    expect([snippets.length, skipped]).toEqual([500, 199_500]);
  });

  it('walks very deep nesting without recursion', () => {
    const { document } = new JSDOM('').window;
    let element: Element = document.createElement('span');
    element.textContent = `deep ${ogToken}`;
    for (let depth = 0; depth < 60_000; depth += 1) {
      const parent = document.createElement(depth === 30_000 ? 'p' : 'span');
      parent.appendChild(element);
      element = parent;
    }
    const { snippets } = findProofs(element);
    expect(snippets.map((snippet) => [snippet.element.localName, snippet.shownText])).toEqual([['p', 'deep']]);
  });

  it('bounds the text read for hundreds of nested snippets over one huge text', () => {
    // Built by hand: jsdom takes many seconds to parse this nesting.
    const { document } = new JSDOM('').window;
    let element = document.createElement('div');
    element.appendChild(document.createTextNode('lorem ipsum '.repeat(100_000)));
    for (let depth = 0; depth < 600; depth += 1) {
      const parent = document.createElement('div');
      parent.appendChild(document.createTextNode(ogToken));
      parent.appendChild(element);
      element = parent;
    }
    const { snippets, skipped } = findProofs(element);
    expect([snippets.length, skipped]).toEqual([500, 100]);
    expect(snippets[0]!.shownTextComplete).toBe(false);
    expect(snippets[0]!.shownText.length).toBeLessThanOrEqual(1_000_000);
    expect(snippets.at(-1)!.shownTextComplete).toBe(false);
  });

  it('never throws on random HTML, and keeps its invariants', () => {
    const piece = fc.oneof(
      fc.constantFrom('<p>', '</p>', '<div data-ai-proof-block>', '</div>', '<span>', '</span>', '<br>', '<li>', '<table><tr><td>', '<script>', '</script>', '<noscript>', '<template>', '</template>'),
      fc.constantFrom(ogToken, easToken, 'ai-proof:v1:', `ai-proof:v1:${base64url(settlement)}`, 'ai-proof:v1:og:1:0x', ' ', '\u00a0', 'word', '\u200d'),
      fc.constantFrom(`<a href="#${ogToken}">`, '</a>', `<b data-ai-proof='${attribute(settlement)}'>`, '</b>', '<i data-ai-proof="{">', '</i>', '<i data-ai-proof-ignore>'),
      fc.constantFrom(`<script type="application/ai-proof+json">${JSON.stringify([{ ...onchain, target: 'p' }, { ...onchain, target: '[' }])}</script>`),
      fc.string(),
    );
    // One document, refilled each run: a new JSDOM per run costs more than the test.
    const document = page('');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 0, max: 10 }), (pieces, maxSnippets) => {
        document.body.innerHTML = pieces.join('');
        const { snippets, skipped } = findProofs(document, { maxSnippets });
        expect(snippets.length).toBeLessThanOrEqual(maxSnippets);
        expect(skipped).toBeGreaterThanOrEqual(0);
        snippets.forEach((snippet, index) => {
          expect(snippet.index).toBe(index);
          expect(snippet.decoded.ok || snippet.decoded.reason.length > 0).toBe(true);
          expect(snippet.shownText).toBe(snippet.shownText.trim());
          if (snippet.form === 'attribute') expect(snippet.element).toBe(snippet.source);
          if (snippet.form === 'text') expect(snippet.element.contains(snippet.source)).toBe(true);
          if (snippet.form === 'script') expect(snippet.source.localName).toBe('script');
          expect(canonicalText(snippet.shownText)).toBe(snippet.shownText.normalize('NFC'));
          expect(snippet.raw.length).toBeLessThanOrEqual(maxScriptBytes);
        });
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
