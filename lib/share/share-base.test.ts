import { describe, expect, it } from 'vitest';
import { defaultShareLinkBase, isShareLinkAt, isShareLinkNavigation, opensWithoutVerity, shareLinkBaseFrom, shareLinkBaseProblem } from './share-base';
import { shareFragment } from './share-link';

describe('share link base', () => {
  it('keeps an http(s) address without its fragment, and falls back to the documented placeholder otherwise', () => {
    expect(shareLinkBaseFrom(' https://verify.example.org/v/#old ')).toBe('https://verify.example.org/v/');
    expect(shareLinkBaseFrom(undefined)).toBe(defaultShareLinkBase);
    expect(shareLinkBaseFrom('javascript:alert(1)')).toBe(defaultShareLinkBase);
    expect(shareLinkBaseFrom('https://me:secret@verify.example.org/')).toBe(defaultShareLinkBase);
  });

  it('says in words why a typed address cannot be used', () => {
    expect(shareLinkBaseProblem('https://verify.example.org/')).toBeUndefined();
    expect(shareLinkBaseProblem('')).toMatch(/Enter the address/);
    expect(shareLinkBaseProblem('verify.example.org')).toMatch(/not a web address/);
    expect(shareLinkBaseProblem('ftp://verify.example.org/')).toMatch(/https:\/\//);
  });

  it('recognises a share link of the page at the base: same origin and path, a share fragment', () => {
    const base = 'https://verify.example.org/v/';
    expect(isShareLinkAt(base, 'https://verify.example.org/v/#share=v1.abc')).toBe(true);
    expect(isShareLinkAt(base, 'https://verify.example.org/v/?utm=x#share%3Dv1.abc')).toBe(true);
    expect(isShareLinkAt(base, 'https://verify.example.org/v/')).toBe(false);
    expect(isShareLinkAt(base, 'https://verify.example.org/other/#share=v1.abc')).toBe(false);
    expect(isShareLinkAt(base, 'https://evil.example/v/#share=v1.abc')).toBe(false);
  });

  it('tells links that open only where Verity is installed: the placeholder and every other .example address', () => {
    expect(opensWithoutVerity(`${defaultShareLinkBase}#share=v1.abc`)).toBe(false);
    expect(opensWithoutVerity('https://verify.newsroom.example/v/')).toBe(false);
    expect(opensWithoutVerity('not a link')).toBe(false);
    expect(opensWithoutVerity('chrome-extension://abcdefghijklmnop/inspector.html#share=v1.abc')).toBe(false);
    expect(opensWithoutVerity('https://verify.example.org/v/#share=v1.abc')).toBe(true);
    expect(opensWithoutVerity('http://127.0.0.1:8545/verify/')).toBe(true);
  });

  it("takes over links to any verifier page whose fragment reads as a share link, and every link to the reader's own", () => {
    const base = 'https://verify.example.org/v/';
    const fragment = shareFragment({ proof: { form: 'attribute', raw: 'v1.x', shownText: 'Hello', renderedText: 'Hello' } });
    expect(isShareLinkNavigation(base, `https://verify.newsroom.test/check/${fragment}`)).toBe(true);
    expect(isShareLinkNavigation(base, `http://127.0.0.1:8080/${fragment.replace('=', '%3D')}`)).toBe(true);
    // Another site's own #share= is left to load, but at the reader's page even a damaged link is explained.
    expect(isShareLinkNavigation(base, 'https://news.example.com/story#share=twitter')).toBe(false);
    expect(isShareLinkNavigation(base, `https://news.example.com/story${fragment.slice(0, 40)}`)).toBe(false);
    expect(isShareLinkNavigation(base, `https://verify.example.org/v/${fragment.slice(0, 40)}`)).toBe(true);
    expect(isShareLinkNavigation(base, `ftp://files.example.com/${fragment}`)).toBe(false);
    expect(isShareLinkNavigation(base, 'https://verify.newsroom.test/check/')).toBe(false);
  });
});
