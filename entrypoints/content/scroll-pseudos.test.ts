// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { flatTreeParentOf } from './flat-tree-parent';
import { createScrollPseudoCheck } from './scroll-pseudos';

/**
 * A view whose computed styles are given by element and pseudo-element, as Chromium would give them (jsdom has no
 * scroll buttons or markers); `supported`: whether it draws them at all.
 */
type StylesByPseudo = Record<string, Record<string, string>>;

function viewOf(styles: Map<Element, StylesByPseudo>, supported = true) {
  const declaration = (values: Record<string, string> = {}) =>
    ({ overflowX: 'visible', overflowY: 'visible', content: 'normal', ...values, getPropertyValue: (name: string) => values[name] ?? 'none' }) as unknown as CSSStyleDeclaration;
  const view = {
    CSS: { supports: () => supported },
    getComputedStyle: (element: Element, pseudo = '') => declaration(styles.get(element)?.[pseudo]),
  } as unknown as Window;
  return { view, styleOf: (element: Element) => view.getComputedStyle(element), parentOf: flatTreeParentOf };
}

describe('createScrollPseudoCheck', () => {
  document.body.innerHTML = '<div id="group"><div id="snippet"><span id="word">words</span></div></div>';
  const [group, snippet, word] = ['group', 'snippet', 'word'].map((id) => document.getElementById(id)!);

  it("takes a scroll container's button with words for generated, and allows a scroll container without", () => {
    const scroller = { '': { overflowX: 'auto' } };
    const fake = viewOf(new Map([[word, { ...scroller, '::scroll-button(inline-end)': { content: '"Never mind: "' } }]]));
    expect(createScrollPseudoCheck({ ...fake, root: snippet })(word, fake.styleOf(word))).toBe('generated');
    const plain = viewOf(new Map([[word, scroller]]));
    expect(createScrollPseudoCheck({ ...plain, root: snippet })(word, plain.styleOf(word))).toBeUndefined();
  });

  it('reads markers only inside a marker group, around the snippet or in it', () => {
    const marker: StylesByPseudo = { '::scroll-marker': { content: '"Never mind: "' } };
    const outside = viewOf(new Map([[word, marker]]));
    expect(createScrollPseudoCheck({ ...outside, root: snippet })(word, outside.styleOf(word))).toBeUndefined();
    const around = viewOf(new Map([[group, { '': { 'scroll-marker-group': 'before' } }], [word, marker]]));
    expect(createScrollPseudoCheck({ ...around, root: snippet })(word, around.styleOf(word))).toBe('generated');
    const inside = viewOf(new Map([[snippet, { '': { 'scroll-marker-group': 'after' } }], [word, marker]]));
    const check = createScrollPseudoCheck({ ...inside, root: snippet });
    expect(check(snippet, inside.styleOf(snippet))).toBeUndefined();
    expect(check(word, inside.styleOf(word))).toBe('generated');
  });

  it('reads nothing where the browser draws no scroll buttons or markers', () => {
    const fake = viewOf(new Map([[word, { '': { overflowX: 'auto' }, '::scroll-button(*)': { content: '"Never mind: "' } }]]), false);
    expect(createScrollPseudoCheck({ ...fake, root: snippet })(word, fake.styleOf(word))).toBeUndefined();
  });
});
