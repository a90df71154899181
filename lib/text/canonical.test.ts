import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { canonicalText, canonicalTextOfElement, elementText, whiteSpaceCodePoints } from './canonical';

const hash = `0x${'ab'.repeat(32)}`;
const token = `ai-proof:v1:og:1:${hash}`;

function body(html: string): HTMLElement {
  return new JSDOM(`<!doctype html><body>${html}</body>`).window.document.body;
}

describe('canonicalText: step 3, NFC', () => {
  it('composes a base letter and a combining mark', () => {
    expect(canonicalText('Cafe\u0301')).toBe('Caf\u00e9');
  });
  it('applies singleton decompositions (Angstrom sign → Å, Ohm sign → Ω)', () => {
    expect(canonicalText('\u212b \u2126')).toBe('\u00c5 \u03a9');
  });
  it('reorders combining marks canonically', () => {
    // dot below (ccc 220) sorts before acute (ccc 230), then both compose or stay ordered.
    expect(canonicalText('q\u0301\u0323')).toBe('q\u0323\u0301');
  });
  it('composes conjoining Hangul jamo', () => {
    expect(canonicalText('\u1100\u1161')).toBe('\uac00');
  });
  it('keeps compatibility characters (NFC, not NFKC)', () => {
    expect(canonicalText('\ufb01 \u2460')).toBe('\ufb01 \u2460');
  });
});

describe('canonicalText: step 4, deletions', () => {
  it.each([
    ['U+200B zero width space', '\u200b'],
    ['U+200C zero width non-joiner', '\u200c'],
    ['U+200D zero width joiner', '\u200d'],
    ['U+2060 word joiner', '\u2060'],
    ['U+FEFF byte order mark', '\ufeff'],
    ['U+FE00 variation selector 1', '\ufe00'],
    ['U+FE0F variation selector 16', '\ufe0f'],
    ['U+E0100 variation selector 17', '\u{e0100}'],
    ['U+E01EF variation selector 256', '\u{e01ef}'],
  ])('deletes %s', (_name, character) => {
    expect(canonicalText(`ab${character}cd`)).toBe('abcd');
  });
  it('deletes the emoji presentation selector and the joiner of an emoji sequence', () => {
    expect(canonicalText('\u2764\ufe0f \u{1f468}\u200d\u{1f469}')).toBe('\u2764 \u{1f468}\u{1f469}');
  });
  it('keeps the neighbours of the deleted ranges', () => {
    expect(canonicalText('\u200a\u200e\u2061\ufe10\u{e00ff}\u{e01f0}')).toBe('\u200e\u2061\ufe10\u{e00ff}\u{e01f0}');
  });
  it('deletes after NFC, as the spec orders: a joiner between a letter and a mark is not composed', () => {
    expect(canonicalText('e\u200d\u0301')).toBe('e\u0301');
  });
  it('deletes before whitespace: spaces around a deleted character become one', () => {
    expect(canonicalText('a \u200b b')).toBe('a b');
  });
});

describe('canonicalText: step 5, whitespace', () => {
  it('lists exactly the Unicode White_Space code points', () => {
    const expected: number[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) {
      if (/\p{White_Space}/u.test(String.fromCodePoint(codePoint))) expected.push(codePoint);
    }
    expect([...whiteSpaceCodePoints]).toEqual(expected);
    expect(whiteSpaceCodePoints).toHaveLength(25);
  });
  it.each(whiteSpaceCodePoints.map((codePoint) => [codePoint.toString(16).padStart(4, '0'), codePoint]))(
    'replaces U+%s with one space',
    (_hex, codePoint) => {
      const space = String.fromCodePoint(codePoint as number);
      expect(canonicalText(`a${space}b${space}${space}c`)).toBe('a b c');
    },
  );
  it('collapses a mixed run (NBSP, ideographic space, line separator, tab) to one space', () => {
    expect(canonicalText('one\u00a0\u3000\u2028\t two')).toBe('one two');
  });
  it('does not treat U+180E, U+200B or U+FEFF as whitespace', () => {
    expect(canonicalText('a\u180eb')).toBe('a\u180eb');
    expect(canonicalText('a\u200bb')).toBe('ab');
  });
  it('trims both ends', () => {
    expect(canonicalText('\u3000\n hello \u00a0')).toBe('hello');
    expect(canonicalText(' \u2029 ')).toBe('');
    expect(canonicalText('')).toBe('');
    expect(canonicalText('\ufeff')).toBe('');
  });
});

describe('canonicalText: properties', () => {
  const deleted = /[\u200B-\u200D\u2060\uFEFF]|[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]/u;
  const anyWhiteSpace = /\p{White_Space}/u;
  const interesting = fc.constantFrom(
    ' ', '\u00a0', '\u3000', '\t', '\n', '\u2028', '\u200b', '\u200d', '\ufe0f', '\u{e0100}', '\u0301', 'e', 'A', '\u1100', '\u1161', '\u212b', '\ufeff', '\u0085',
  );
  const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string({ unit: interesting }));

  it('has no leading, trailing or double spaces, no other whitespace and no deleted code points', () => {
    fc.assert(
      fc.property(text, (input) => {
        const output = canonicalText(input);
        expect(output.startsWith(' ') || output.endsWith(' ') || output.includes('  ')).toBe(false);
        expect(anyWhiteSpace.test(output.replaceAll(' ', ''))).toBe(false);
        expect(deleted.test(output)).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });

  it('is idempotent up to the NFC that deletions can undo', () => {
    fc.assert(
      fc.property(text, (input) => {
        const once = canonicalText(input);
        expect(canonicalText(once)).toBe(once.normalize('NFC'));
      }),
      { numRuns: 2_000 },
    );
  });

  it('is idempotent on text without deleted code points', () => {
    fc.assert(
      fc.property(text, (input) => {
        fc.pre(!deleted.test(input));
        const once = canonicalText(input);
        expect(canonicalText(once)).toBe(once);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('canonicalTextOfElement: steps 1–2', () => {
  it('puts a space around br and hr but not around inline elements', () => {
    expect(canonicalTextOfElement(body('one<br>two<hr>three <b>bo</b>ld<i>!</i>'))).toBe('one two three bold!');
  });

  it('puts a space around every listed block element', () => {
    const tags = ['address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'ul'];
    for (const tag of tags) {
      expect(canonicalTextOfElement(body(`a<span>b<${tag}>c</${tag}>d</span>e`)), tag).toBe('ab c de');
    }
    expect(canonicalTextOfElement(body('<table><tr><th>a</th><td>b</td></tr><tr><td>c</td></tr></table>x'))).toBe('a b c x');
  });

  it('does not space elements off the list', () => {
    expect(canonicalTextOfElement(body('a<span>b</span><em>c</em><code>d</code><label>e</label><button>f</button>g'))).toBe('abcdefg');
  });

  it('reads nested blocks in document order', () => {
    const element = body('<article><h1>Title</h1><section><p>First <em>para</em>.</p><ul><li>one</li><li>two</li></ul></section>end</article>');
    expect(canonicalTextOfElement(element)).toBe('Title First para. one two end');
  });

  it('skips script, style, template and noscript', () => {
    const element = body('a<script>var s = 1;</script>b<style>p{}</style>c<template>t</template>d<noscript>n</noscript>e');
    expect(canonicalTextOfElement(element)).toBe('abcde');
  });

  it('skips data-ai-proof-ignore subtrees, whatever the value, with no spaces of their own', () => {
    expect(canonicalTextOfElement(body('a<span data-ai-proof-ignore>x<p>y</p></span>b<div data-ai-proof-ignore="false">z</div>c'))).toBe('abc');
  });

  it('skips an ignored root entirely', () => {
    expect(canonicalTextOfElement(body('<p data-ai-proof-ignore>hidden</p>').firstElementChild!)).toBe('');
  });

  it('removes the text of text-form tokens and keeps the text around them', () => {
    expect(canonicalTextOfElement(body(`<p>Written by a model. ${token}</p>`))).toBe('Written by a model.');
    expect(canonicalTextOfElement(body(`<p>before (${token}) after</p>`))).toBe('before () after');
    expect(canonicalTextOfElement(body('<p>see ai-proof:v1:eyJ2IjoxfQ== here</p>'))).toBe('see here');
  });

  it('skips a token link with its label, and keeps other links', () => {
    const element = body(`<p>Comment <a href="#${token}">proof</a> and <a href="https://example.com/#top">a link</a></p>`);
    expect(canonicalTextOfElement(element)).toBe('Comment and a link');
  });

  it('ignores comments and applies steps 3–5 to the result', () => {
    expect(canonicalTextOfElement(body('Caf<!-- x -->e\u0301&nbsp;&nbsp;ok\u200b'))).toBe('Caf\u00e9 ok');
  });

  it('reads text through the DOM it was given, without browser globals', () => {
    // This file runs in the node environment: there is no global document or Node.
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const document = new JSDOM('<p>x</p>').window.document;
    const added = document.createElement('div');
    added.append('one', document.createElement('br'), 'two');
    expect(canonicalTextOfElement(added)).toBe('one two');
  });

  it('walks a very deep tree without recursion', () => {
    const { document } = new JSDOM('').window;
    let element: Element = document.createElement('span');
    element.textContent = 'deep';
    let expected = 'deep';
    // Built from the inside out, detached: jsdom itself recurses when attaching.
    for (let depth = 0; depth < 60_000; depth += 1) {
      const parent = document.createElement(depth % 2 === 0 ? 'div' : 'b');
      // appendChild, not append: jsdom's append goes through a fragment and is quadratic here.
      parent.appendChild(element);
      parent.appendChild(document.createTextNode('x'));
      element = parent;
      expected = depth % 2 === 0 ? ` ${expected}x ` : `${expected}x`;
    }
    const text = canonicalTextOfElement(element);
    expect(text).toBe(canonicalText(expected));
    expect(text.startsWith('deepx xx xx')).toBe(true);
  });
});

describe('elementText', () => {
  it('stops at maxLength and says the text is incomplete', () => {
    const element = body('<p>abcdef</p><p>ghij</p>');
    expect(elementText(element, { maxLength: 5 })).toEqual({ text: ' abcd', complete: false });
    expect(elementText(element, { maxLength: 100 })).toEqual({ text: ' abcdef  ghij ', complete: true });
  });
});

describe('elementText through a lens', () => {
  const ogToken = `ai-proof:v1:og:1:0x${'ab'.repeat(32)}`;
  const lens = {
    hidesSubtree: (element: Element) => element.hasAttribute('data-hidden'),
    showsText: (node: CharacterData) => !node.data.includes('ghost'),
    generatedText: (element: Element, pseudo: '::before' | '::after') => element.getAttribute(`data-${pseudo.slice(2)}`) ?? '',
  };

  it('leaves out what the lens hides, spaces included, and adds generated text inside the spaces', () => {
    const element = body(`<p data-before="» ">one <span data-hidden>two</span> ghost <b data-after="!">three</b></p><div data-hidden>four</div>`);
    expect(elementText(element, { lens })).toEqual({ text: ' » one three! ', complete: true });
  });

  it('never asks about the root, and keeps the canonical skips', () => {
    const element = body(`<p>one ${ogToken} <a href="#${ogToken}">proof</a><span data-ai-proof-ignore>Share</span><script>x</script></p>`);
    element.setAttribute('data-hidden', '');
    expect(canonicalText(elementText(element, { lens }).text)).toBe('one');
  });

  it('counts generated text against maxLength', () => {
    const element = body('<p data-before="12345">6789</p>');
    expect(elementText(element, { lens, maxLength: 4 })).toEqual({ text: ' 123', complete: false });
  });
});
