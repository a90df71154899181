import { describe, expect, it } from 'vitest';
import { imageFileName } from './image-file-name';

describe('imageFileName', () => {
  it('names an image by its host and decoded file name', () => {
    expect(imageFileName('https://cdn.example.com/a/b/sunset%20over%20sea.jpg?w=200')).toBe('cdn.example.com · sunset over sea.jpg');
    expect(imageFileName('https://cdn.example.com/')).toBe('cdn.example.com · /');
  });

  it('writes out a bidi override the page put in the file name, shows a look-alike host in punycode, and keeps bad escapes as written', () => {
    expect(imageFileName('https://cdn.example.com/gpj.%E2%80%AEexe')).toBe('cdn.example.com · gpj.\\u{202E}exe');
    expect(imageFileName('https://аpple.com/logo.png')).toBe('xn--pple-43d.com · logo.png');
    expect(imageFileName('https://cdn.example.com/100%25%ZZ.png')).toBe('cdn.example.com · 100%25%ZZ.png');
  });

  it('cuts a long name, and shows what is not an address display-safe', () => {
    expect(Array.from(imageFileName(`https://cdn.example.com/${'x'.repeat(300)}.png`))).toHaveLength(80);
    expect(imageFileName('not a url\u202E')).toBe('not a url\\u{202E}');
  });
});
