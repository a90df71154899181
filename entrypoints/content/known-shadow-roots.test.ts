// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createKnownShadowRoots } from './known-shadow-roots';

describe('createKnownShadowRoots', () => {
  it('lists the roots whose hosts are in the page now, a host that comes back with its root again', () => {
    document.body.innerHTML = '<div id="a"></div><div id="b"></div>';
    const [a, b] = ['a', 'b'].map((id) => document.getElementById(id)!.attachShadow({ mode: 'open' }));
    const known = createKnownShadowRoots();
    known.add(a!);
    known.add(b!);
    expect(known.inPage()).toEqual([a, b]);
    const host = b!.host;
    host.remove();
    expect(known.inPage()).toEqual([a]);
    document.body.append(host);
    expect(known.inPage()).toEqual([a, b]);
  });
});
