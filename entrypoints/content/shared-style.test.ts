// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { showInCard } from './card-dom';
import { createSharedStyle, hostDrawsNothingElse } from './shared-style';

/** The rules a root gets for `css`: each sheet begins with the rule that keeps the page's generated content off the host. */
const rulesFor = (css: string) => `${hostDrawsNothingElse}\n${css}`;

/** A closed shadow root as Firefox before 153 gives a content script: adopting a constructed sheet throws. */
function xrayRoot(): ShadowRoot {
  const root = document.createElement('div').attachShadow({ mode: 'closed' });
  Object.defineProperty(root, 'adoptedStyleSheets', {
    set: () => {
      throw new Error('Accessing from Xray wrapper is not supported.');
    },
  });
  return root;
}

describe('createSharedStyle', () => {
  it('has every root adopt the one constructed sheet where the browser allows it', () => {
    const style = createSharedStyle(':host { color: red; }');
    const first = document.createElement('div').attachShadow({ mode: 'closed' });
    const second = document.createElement('div').attachShadow({ mode: 'closed' });
    style.adopt(first);
    style.adopt(second);
    expect(first.adoptedStyleSheets).toHaveLength(1);
    expect(first.adoptedStyleSheets[0]).toBe(second.adoptedStyleSheets[0]);
    expect(first.querySelector('style')).toBeNull();
  });

  it('gives each root a copy of the rules where adopting throws, and keeps the copies in step', () => {
    const style = createSharedStyle(':host { color: red; }');
    const roots = [xrayRoot(), xrayRoot()];
    for (const root of roots) style.adopt(root);
    expect(roots.map((root) => root.querySelector('style')?.textContent)).toEqual([rulesFor(':host { color: red; }'), rulesFor(':host { color: red; }')]);

    style.replace(':host { display: none; }');
    expect(roots.map((root) => root.querySelector('style')?.textContent)).toEqual([rulesFor(':host { display: none; }'), rulesFor(':host { display: none; }')]);
    const later = xrayRoot();
    style.adopt(later);
    expect(later.querySelector('style')?.textContent).toBe(rulesFor(':host { display: none; }'));
  });

  it('renames every custom property with a random part of its own, which no page can name in a rule or an @property', () => {
    const style = createSharedStyle('.pill { --text: red; color: var(--text); } .a--b { margin: 0; }');
    const root = xrayRoot();
    style.adopt(root);
    const name = style.customProperty('--text');
    expect(name).toMatch(/^--v[0-9a-f]{8}-text$/);
    expect(createSharedStyle('').customProperty('--text')).not.toBe(name);
    expect(root.querySelector('style')?.textContent).toBe(rulesFor(`.pill { ${name}: red; color: var(${name}); } .a--b { margin: 0; }`));
    // Names set on hosts, where the page reads them, have a random part of their own: it names none of the others.
    const placed = style.customProperty('--verity-top');
    expect(placed).toMatch(/^--v[0-9a-f]{8}-verity-top$/);
    expect(placed.slice(0, 12)).not.toBe(name.slice(0, 12));
  });

  it('puts its copy first, so the root’s own content follows it', () => {
    const style = createSharedStyle('p { margin: 0; }');
    const root = xrayRoot();
    root.append(document.createElement('p'));
    style.adopt(root);
    expect(root.firstChild).toBeInstanceOf(HTMLStyleElement);
    expect(root.lastChild).toBeInstanceOf(HTMLParagraphElement);
  });

  it('keeps its copy when a card draws new content, or none', () => {
    const style = createSharedStyle('p { margin: 0; }');
    const root = xrayRoot();
    style.adopt(root);
    showInCard(root, document.createElement('p'));
    showInCard(root, document.createElement('div'));
    expect([...root.children].map((child) => child.localName)).toEqual(['style', 'div']);
    showInCard(root);
    expect(root.querySelector('style')?.textContent).toBe(rulesFor('p { margin: 0; }'));
    expect(root.children).toHaveLength(1);
  });
});
