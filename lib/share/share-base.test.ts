import { describe, expect, it } from 'vitest';
import { defaultShareLinkBase, opensWithoutVerity, shareLinkBaseFrom, shareLinkBaseProblem } from './share-base';

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

  it('tells links that open only where Verity is installed: the placeholder and every other .example address', () => {
    expect(opensWithoutVerity(`${defaultShareLinkBase}#share=v1.abc`)).toBe(false);
    expect(opensWithoutVerity('https://verify.newsroom.example/v/')).toBe(false);
    expect(opensWithoutVerity('not a link')).toBe(false);
    expect(opensWithoutVerity('chrome-extension://abcdefghijklmnop/inspector.html#share=v1.abc')).toBe(false);
    expect(opensWithoutVerity('https://verify.example.org/v/#share=v1.abc')).toBe(true);
    expect(opensWithoutVerity('http://127.0.0.1:8545/verify/')).toBe(true);
  });
});
