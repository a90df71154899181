// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { declarativeHostsOfParsedPage, mayDeclareShadowRoots } from './declarative-shadow-hosts';

afterEach(() => {
  document.body.innerHTML = '';
});

/** jsdom parses no declarative roots: roots attached by script stand in for them, which the search cannot tell apart. */
function withRoot(host: Element, html = ''): ShadowRoot {
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = html;
  return root;
}

const ids = (elements: Element[]) => elements.map((element) => element.id).sort();

describe('declarativeHostsOfParsedPage', () => {
  it('finds hosts among custom elements not yet defined, nested ones too, and not among built-in elements', () => {
    document.body.innerHTML = '<page-shell id="shell"></page-shell><div id="plain"></div><side-note id="bare"></side-note>';
    const shell = withRoot(document.getElementById('shell')!, '<inner-card id="inner"></inner-card><p id="deep-plain"></p>');
    withRoot(shell.getElementById('inner')!, '<leaf-card id="leaf"></leaf-card>');
    withRoot((shell.getElementById('inner')!.shadowRoot as ShadowRoot).getElementById('leaf')!);
    withRoot(document.getElementById('plain')!);
    withRoot(shell.getElementById('deep-plain')!);
    expect(ids(declarativeHostsOfParsedPage({ document, definedNames: [] }))).toEqual(['inner', 'leaf', 'shell']);
  });

  it('finds hosts among the custom elements of the names defined before the search', () => {
    customElements.define('early-card', class extends HTMLElement {});
    document.body.innerHTML = '<early-card id="early"></early-card><other-card id="other"></other-card>';
    withRoot(document.getElementById('early')!);
    withRoot(document.getElementById('other')!);
    expect(document.getElementById('early')!.matches(':defined')).toBe(true);
    expect(ids(declarativeHostsOfParsedPage({ document, definedNames: [] }))).toEqual(['other']);
    expect(ids(declarativeHostsOfParsedPage({ document, definedNames: ['early-card', 'early-card'] }))).toEqual(['early', 'other']);
  });

  it('asks every element once more names were defined than one query each is worth', () => {
    document.body.innerHTML = '<div id="plain"></div>';
    withRoot(document.getElementById('plain')!);
    const manyNames = Array.from({ length: 17 }, (_, index) => `named-card-${index}`);
    expect(ids(declarativeHostsOfParsedPage({ document, definedNames: manyNames.slice(0, 16) }))).toEqual([]);
    expect(ids(declarativeHostsOfParsedPage({ document, definedNames: manyNames }))).toEqual(['plain']);
  });
});

describe('mayDeclareShadowRoots', () => {
  it('rules out only a string without the attribute, in any case', () => {
    expect(mayDeclareShadowRoots('<p>plain</p>')).toBe(false);
    expect(mayDeclareShadowRoots('<div><template ShadowRootMode="open"></template></div>')).toBe(true);
    expect(mayDeclareShadowRoots({ toString: () => '<p>plain</p>' })).toBe(true);
  });
});
