import { describe, expect, it } from 'vitest';
import { defaultShareLinkBase, isShareLinkAt, shareLinkBaseFrom, shareLinkBaseProblem } from './share-base';

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
});
