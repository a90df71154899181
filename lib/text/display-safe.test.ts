import { describe, expect, it } from 'vitest';
import { claimMaxLength, displayLink, displayOrigin, displaySafe } from './display-safe';

describe('displaySafe', () => {
  it('writes out bidi overrides and isolates as the CLI does, so a reordered label is visibly marked', () => {
    expect(displaySafe('gpt\u202Eevil\u202C-4')).toBe('gpt\\u{202E}evil\\u{202C}-4');
    expect(displaySafe('\u2066a\u2069')).toBe('\\u{2066}a\\u{2069}');
  });

  it('drops the invisible format characters: LRM, RLM, ALM, zero-width spaces and joiners, soft hyphens, tags', () => {
    expect(displaySafe('a\u200Eb\u200Fc\u061Cd\u200Be\u200Df\u00ADg\u2060h\u{E0041}i')).toBe('abcdefghi');
  });

  it('writes out controls and collapses whitespace, line breaks included, to one line', () => {
    expect(displaySafe('  one\n\ttwo\u2028three\u00A0 four  ')).toBe('one two three four');
    expect(displaySafe('a\u001b[31mb\rc')).toBe('a\\u{1B}[31mb c');
    expect(displaySafe('a\u001bb')).toBe('a\\u{1B}b');
  });

  it('cuts long text with an ellipsis, counting characters, not UTF-16 units', () => {
    const model = 'm'.repeat(200);
    expect(displaySafe(model, { maxLength: claimMaxLength })).toBe(`${'m'.repeat(59)}…`);
    expect(Array.from(displaySafe('😀'.repeat(300)))).toHaveLength(200);
    expect(displaySafe('short', { maxLength: 60 })).toBe('short');
  });

  it('leaves ordinary text of any script alone', () => {
    expect(displaySafe('Модель GPT · 模型 · نموذج')).toBe('Модель GPT · 模型 · نموذج');
  });
});

describe('displayOrigin', () => {
  it('shows scheme, host and port only: never the user name and password, path, query or fragment', () => {
    expect(displayOrigin('https://www.bank.example:secret@evil.example/login?a=1#x')).toBe('https://evil.example');
    expect(displayOrigin('http://news.example:8080/a/b')).toBe('http://news.example:8080');
    expect(displayOrigin('https://news.example:443/')).toBe('https://news.example');
  });

  it('shows an internationalised host in punycode, so a Cyrillic а cannot pass for a Latin a', () => {
    expect(displayOrigin('https://\u0430pple.com/news')).toBe('https://xn--pple-43d.com');
    expect(displayOrigin('https://apple.com/news')).toBe('https://apple.com');
  });

  it('gives no origin for bidi tricks in the host or for anything but http(s)', () => {
    expect(displayOrigin('https://moc.\u202Eevil.example')).toBeUndefined();
    expect(displayOrigin('javascript:alert(1)')).toBeUndefined();
    expect(displayOrigin('file:///etc/passwd')).toBeUndefined();
    expect(displayOrigin('not a url')).toBeUndefined();
  });
});

describe('displayLink', () => {
  it('links an https address, showing its origin and dropping a user name and password', () => {
    expect(displayLink('https://presscouncil.example/members/newsroom?x=1')).toEqual({
      href: 'https://presscouncil.example/members/newsroom?x=1',
      text: 'https://presscouncil.example',
    });
    expect(displayLink('https://bank.example:pw@evil.example/')).toEqual({ href: 'https://evil.example/', text: 'https://evil.example' });
    expect(displayLink('https://\u0430pple.com/')?.text).toBe('https://xn--pple-43d.com');
  });

  it('links nothing but https', () => {
    for (const url of ['http://news.example/', 'javascript:alert(1)', 'data:text/html,hi', 'not a url', '']) expect(displayLink(url)).toBeUndefined();
  });
});
