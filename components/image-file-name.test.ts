import { describe, expect, it } from 'vitest';
import { imageFileName, imageFileNames } from './image-file-name';

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

describe('imageFileNames', () => {
  it('names each image by its file, and tells apart those of one name by their query, else by their whole address', () => {
    expect(
      imageFileNames([
        'https://cdn.example.com/cat.jpg',
        'https://cdn.example.com/a/sea.jpg?w=200',
        'https://cdn.example.com/a/sea.jpg?w=800',
        'https://cdn.example.com/a/dog.jpg',
        'https://cdn.example.com/b/dog.jpg',
      ]),
    ).toEqual([
      'cdn.example.com · cat.jpg',
      'cdn.example.com · sea.jpg?w=200',
      'cdn.example.com · sea.jpg?w=800',
      'https://cdn.example.com/a/dog.jpg',
      'https://cdn.example.com/b/dog.jpg',
    ]);
  });

  it('keeps the told-apart names display-safe', () => {
    expect(imageFileNames(['https://cdn.example.com/gpj.%E2%80%AEexe?w=1', 'https://cdn.example.com/gpj.%E2%80%AEexe?w=2'])).toEqual([
      'cdn.example.com · gpj.\\u{202E}exe?w=1',
      'cdn.example.com · gpj.\\u{202E}exe?w=2',
    ]);
  });
});

