// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { openShadowRootsBelow } from './open-shadow-roots';

describe('openShadowRootsBelow', () => {
  it('lists each open root in the order of its host, followed by the roots inside it, and no closed one', () => {
    document.body.innerHTML = '<div id="a"></div><span id="closed"></span><div id="b"></div>';
    const a = document.getElementById('a')!.attachShadow({ mode: 'open' });
    a.innerHTML = '<p id="a1"></p>';
    const a1 = a.getElementById('a1')!.attachShadow({ mode: 'open' });
    document.getElementById('closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<p id="hidden"></p>';
    const b = document.getElementById('b')!.attachShadow({ mode: 'open' });
    expect(openShadowRootsBelow(document)).toEqual([a, a1, b]);
    expect(openShadowRootsBelow(a)).toEqual([a1]);
  });
});
