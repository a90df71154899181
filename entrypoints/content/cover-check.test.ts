// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { coverDoubtAt } from './cover-check';

function page(html: string): (id: string) => Element {
  document.body.innerHTML = html;
  return (id) => document.getElementById(id)!;
}

describe('coverDoubtAt', () => {
  const notOwn = () => false;

  it('sees text whose own element is on top', () => {
    const byId = page('<p id="p">One <b id="b">two</b></p>');
    expect(coverDoubtAt([byId('p'), document.body], byId('p'), notOwn)).toBeUndefined();
    expect(coverDoubtAt([byId('b'), byId('p')], byId('b'), notOwn)).toBeUndefined();
  });

  it('calls text covered by an element inside the snippet laid over it', () => {
    const byId = page('<p id="p">One<i id="i" style="position:absolute;inset:0"></i></p>');
    expect(coverDoubtAt([byId('i'), byId('p')], byId('p'), notOwn)).toBe('covered');
  });

  it('calls text covered by an overlay, or under its own ancestor (pushed behind with a negative z-index)', () => {
    const byId = page('<div id="d"><span id="s">not</span></div><div id="o"></div>');
    expect(coverDoubtAt([byId('o'), byId('s'), byId('d')], byId('s'), notOwn)).toBe('covered');
    expect(coverDoubtAt([byId('d'), byId('s')], byId('s'), notOwn)).toBe('covered');
  });

  it("leaves Verity's own badge and card aside", () => {
    const byId = page('<p id="p">Text<verity-badge id="v"></verity-badge></p>');
    expect(coverDoubtAt([byId('v'), byId('p')], byId('p'), (element) => element.localName === 'verity-badge')).toBeUndefined();
  });
});
