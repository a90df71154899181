// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { lookAlikeWords, searchLookAlikes, type SearchLookAlikesParameters } from './look-alikes';
import { madeByVerity, markMadeByVerity } from './made-by-verity';

/** The search run to its end at once. */
function findLookAlikes(parameters: SearchLookAlikesParameters): Element[] {
  const search = searchLookAlikes(parameters);
  for (;;) {
    const step = search.next();
    if (step.done) return step.value;
  }
}

const lookAlikesIn = (html: string) => {
  document.body.innerHTML = html;
  return findLookAlikes({ document, isOurs: madeByVerity }).map((element) => element.id);
};

/** The search's queries: three tag names, then two attributes. */
const queries = 5;

describe('searchLookAlikes', () => {
  it("finds elements named like Verity's that Verity did not make, but not its own", () => {
    const ours = markMadeByVerity(document.createElement('verity-badge'));
    const found = lookAlikesIn('<p>Text<verity-badge id="fake-badge">✓</verity-badge></p><verity-card id="fake-card"><b>Verified</b></verity-card><p id="text">Text</p>');
    document.getElementById('text')!.append(ours);
    expect(found).toEqual(['fake-badge', 'fake-card']);
    expect(findLookAlikes({ document, isOurs: madeByVerity }).map((element) => element.id)).toEqual(['fake-badge', 'fake-card']);
  });

  it("leaves an empty element named like Verity's alone: a page's copy of one of its hosts draws nothing, and one with a box does", () => {
    // A snippet cloned with its badge copies the host, not its closed root.
    expect(lookAlikesIn('<p>Text<verity-badge id="copied" data-verity-proof="p1" data-ai-proof-ignore=""></verity-badge></p><verity-card id="empty"></verity-card>')).toEqual([]);
    const boxed = document.getElementById('empty')!;
    vi.spyOn(boxed, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 120, 24));
    expect(findLookAlikes({ document, isOurs: madeByVerity }).map((element) => element.id)).toEqual(['empty']);
  });

  it("finds elements labelled like Verity's badge for screen readers or on hover", () => {
    expect(
      lookAlikesIn(
        '<span id="aria" aria-label="Verity: verified, confidence 95">✓</span><img id="title" title="Checked by Verity" alt=""><span id="case" aria-label="VERITY verified"></span>',
      ),
    ).toEqual(['aria', 'case', 'title']);
  });

  it('finds a short text that names Verity beside a verdict, once, however it is nested', () => {
    expect(lookAlikesIn('<p>An answer.<span id="pill"><svg></svg>Verified by <b>Verity</b></span></p><div id="chip">Verity ✓ Verified</div>')).toEqual(['pill', 'chip']);
  });

  it('leaves prose about Verity, a link named Verity and a verdict without Verity alone', () => {
    expect(
      lookAlikesIn(
        '<p>Verity is a browser extension that checks whether a text was verified by its producer.</p><nav><a href="/verity">Verity</a></nav><span>Verified</span><script>"Verified by Verity"</script><title>Verified by Verity</title>',
      ),
    ).toEqual([]);
  });

  it('finds look-alikes in open shadow roots, nested too, by the same rules', () => {
    document.body.innerHTML = '<div id="widget"></div><p>Plain text.</p>';
    const outer = document.getElementById('widget')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<span id="pill">Verified by <b>Verity</b></span><p>Verity is an extension; this paragraph about it is longer than a label.</p><div id="inner-host"></div>';
    const inner = outer.getElementById('inner-host')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<verity-badge id="named">Verified</verity-badge><i id="labelled" aria-label="Verity: verified"></i><style>.x::after { content: "Verified by Verity" }</style>';
    const found = (shadowRoots: ShadowRoot[]) => findLookAlikes({ document, shadowRoots, isOurs: madeByVerity }).map((element) => element.id);
    expect(found([])).toEqual([]);
    expect(found([outer, inner])).toEqual(['named', 'labelled', 'pill']);
  });

  it('counts a pill with a labelled part as one look-alike', () => {
    expect(lookAlikesIn('<span id="outer" title="Verified by Verity"><span aria-label="Verity: verified">Verified by Verity</span></span>')).toEqual(['outer']);
  });

  it('reads the text in pieces and walks only those that mention Verity, finding what is deep in a large page', () => {
    const filler = (count: number) => '<section><p>Filler <em>text</em></p></section>'.repeat(count);
    const nested = (inner: string) => '<div>'.repeat(30) + inner + '</div>'.repeat(30);
    // 1,300 elements in pieces of 100 (jsdom reads a Range's text slowly): 13 pieces, the chip and the fake in two far apart.
    document.body.innerHTML = `<main>${filler(200)}<div id="chip">Verity ✓ Verified</div>${filler(200)}${nested('<span id="fake">Verified by Verity</span>')}</main>`;
    const walks = vi.spyOn(document, 'createTreeWalker');
    const search = searchLookAlikes({ document, isOurs: madeByVerity, piece: 100 });
    let steps = 0;
    let step = search.next();
    for (; !step.done; step = search.next()) steps += 1;
    expect(step.value.map((element) => element.id)).toEqual(['chip', 'fake']);
    // jsdom's selector engine makes walkers of elements of its own.
    expect(walks.mock.calls.filter(([, show]) => ((show ?? 0) & NodeFilter.SHOW_TEXT) !== 0)).toHaveLength(2);
    // The five queries and a pause after each piece but the last.
    expect(steps).toBeGreaterThanOrEqual(queries + 12);
  });

  it('pauses every 500 nodes of a walk', () => {
    document.body.innerHTML = `<main>${'<p>Filler about Verity</p>'.repeat(600)}</main>`;
    const search = searchLookAlikes({ document, isOurs: madeByVerity, piece: 10_000 });
    let steps = 0;
    for (let step = search.next(); !step.done; step = search.next()) steps += 1;
    // The five queries, then 1,202 nodes (main, 600 paragraphs and their texts): two pauses.
    expect(steps).toBe(queries + 2);
  });

  it('walks the text again when the part it paused in left the page, missing nothing after it', () => {
    const filler = (count: number) => '<p>Filler</p>'.repeat(count);
    document.body.innerHTML = `<div id="gone">${filler(600)}</div>${filler(600)}<span id="fake">Verified by Verity</span>`;
    const search = searchLookAlikes({ document, isOurs: madeByVerity });
    // The five queries, then the first 500 nodes: the walk pauses inside the part that goes.
    let step = search.next();
    for (let pause = 1; pause <= queries; pause += 1) step = search.next();
    document.getElementById('gone')!.remove();
    for (; !step.done; step = search.next());
    expect(step.value.map((element) => element.id)).toEqual(['fake']);
  });
});

describe('lookAlikeWords', () => {
  const element = (html: string) => {
    document.body.innerHTML = html;
    return document.body.firstElementChild!;
  };

  it('quotes what a look-alike says: its label, else its title, else its text, whitespace collapsed', () => {
    expect(lookAlikeWords(element('<span aria-label="Verity: verified">✓</span>'))).toBe('Verity: verified');
    expect(lookAlikeWords(element('<span title="Checked by Verity">✓</span>'))).toBe('Checked by Verity');
    expect(lookAlikeWords(element('<span>  ✓ Verified\n  by   Verity </span>'))).toBe('✓ Verified by Verity');
    expect(lookAlikeWords(element('<verity-badge></verity-badge>'))).toBe('<verity-badge>');
  });

  it('keeps it to 60 UTF-16 units, as the worker takes them, without half a character', () => {
    expect(lookAlikeWords(element(`<span>${'a'.repeat(100)}</span>`))).toHaveLength(60);
    expect(lookAlikeWords(element(`<span>${'a'.repeat(59)}😀</span>`))).toBe('a'.repeat(59));
  });
});
