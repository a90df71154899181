// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { declarativeHostsOfParsedPage, mayDeclareShadowRoots, noteDeclarativeHostsOfParsedPage } from './declarative-shadow-hosts';

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

describe('noteDeclarativeHostsOfParsedPage', () => {
  /** Notes the hosts, running each later slice when the test says. */
  function noting(definedNames: string[] = []) {
    const noted: string[] = [];
    const slices: (() => void)[] = [];
    noteDeclarativeHostsOfParsedPage({ document, definedNames, note: (host) => noted.push(host.id), later: (next) => slices.push(next) });
    return { noted, slices };
  }
  const filler = (count: number) => Array.from({ length: count }, () => '<span></span>').join('');

  it('asks every element of a page whose custom elements host a root, built-in and nested ones too, a slice at a time', () => {
    document.body.innerHTML = `<page-shell id="shell"></page-shell>${filler(1_500)}<div id="plain"></div>${filler(1_500)}<section id="last"></section>`;
    withRoot(document.getElementById('shell')!);
    withRoot(withRoot(document.getElementById('plain')!, '<p id="inside"></p>').getElementById('inside')!);
    withRoot(document.getElementById('last')!);
    const { noted, slices } = noting();
    // Every slice waits for a task of its own.
    expect(noted).toEqual(['shell']);
    expect(slices).toHaveLength(1);
    let ran = 0;
    for (let slice = slices.shift(); slice !== undefined; slice = slices.shift()) {
      slice();
      ran += 1;
    }
    expect(ran).toBeGreaterThanOrEqual(2);
    // The custom host again is the note's to drop (shadow-roots.content.ts keeps a set).
    expect([...new Set(noted)].sort()).toEqual(['inside', 'last', 'plain', 'shell']);
  });

  it('reaches the end of a page that removes elements between slices', () => {
    document.body.innerHTML = `<page-shell id="shell"></page-shell>${filler(3_000)}<div id="plain"></div>`;
    withRoot(document.getElementById('shell')!);
    withRoot(document.getElementById('plain')!);
    const { noted, slices } = noting();
    for (let slice = slices.shift(); slice !== undefined; slice = slices.shift()) {
      document.querySelectorAll('span')[0]?.remove();
      slice();
    }
    expect(noted).toContain('plain');
  });

  it('asks no other element of a page whose custom elements host none', () => {
    document.body.innerHTML = '<side-note id="bare"></side-note><div id="plain"></div>';
    withRoot(document.getElementById('plain')!);
    const { noted, slices } = noting();
    expect(noted).toEqual([]);
    expect(slices).toEqual([]);
  });
});

describe('mayDeclareShadowRoots', () => {
  it('rules out only a string without the attribute, in any case', () => {
    expect(mayDeclareShadowRoots('<p>plain</p>')).toBe(false);
    expect(mayDeclareShadowRoots('<div><template ShadowRootMode="open"></template></div>')).toBe(true);
    expect(mayDeclareShadowRoots({ toString: () => '<p>plain</p>' })).toBe(true);
  });
});
