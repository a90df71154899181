// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { flatTreeParentOf } from './flat-tree-parent';

describe('flatTreeParentOf', () => {
  afterEach(() => {
    document.body.replaceChildren();
    Reflect.deleteProperty(browser, 'dom');
  });

  it('is the parent in the light DOM', () => {
    document.body.innerHTML = '<div id="outer"><p id="snippet">words</p></div>';
    expect(flatTreeParentOf(document.getElementById('snippet')!)).toBe(document.getElementById('outer'));
    expect(flatTreeParentOf(document.documentElement)).toBeNull();
  });

  it('is the slot an element is drawn in, up through the tree to its host', () => {
    document.body.innerHTML = '<div id="host"><p id="snippet">words</p></div>';
    const host = document.getElementById('host')!;
    const tree = host.attachShadow({ mode: 'open' });
    tree.innerHTML = '<div id="faded" style="opacity: .06"><slot></slot></div>';
    const slot = tree.querySelector('slot')!;
    expect(flatTreeParentOf(document.getElementById('snippet')!)).toBe(slot);
    expect(flatTreeParentOf(slot)).toBe(tree.getElementById('faded'));
    expect(flatTreeParentOf(tree.getElementById('faded')!)).toBe(host);
  });

  it('finds the slot in a closed tree, read through the extension API', () => {
    document.body.innerHTML = '<div id="host"><p id="first">one</p><p id="snippet" slot="named">words</p></div>';
    const host = document.getElementById('host')!;
    const tree = host.attachShadow({ mode: 'closed' });
    tree.innerHTML = '<slot></slot><div id="faded"><slot name="named"></slot></div>';
    // WXT's fake browser has no `dom` namespace: Chromium's, for this test.
    Object.assign(browser, { dom: { openOrClosedShadowRoot: (element: Element) => (element === host ? tree : null) } });
    expect(flatTreeParentOf(document.getElementById('snippet')!)).toBe(tree.querySelector('slot[name="named"]'));
  });

  it('is the host for an element not slotted anywhere, which is not drawn', () => {
    document.body.innerHTML = '<div id="host"><p id="snippet" slot="nowhere">words</p></div>';
    const host = document.getElementById('host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<slot></slot>';
    expect(flatTreeParentOf(document.getElementById('snippet')!)).toBe(host);
  });
});
