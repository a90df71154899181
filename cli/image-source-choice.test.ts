import { describe, expect, it } from 'vitest';
import { parseHtml } from '../lib/extract/parse-html';
import { chosenImageSource, largestCandidate } from './image-source-choice';

const chosen = (html: string) => [...parseHtml(`<!doctype html><body>${html}`, undefined).querySelectorAll('img')].map(chosenImageSource);

describe('chosenImageSource', () => {
  it('takes the widest srcset candidate, else the densest, else src', () => {
    expect(chosen('<img src="s.jpg" srcset="a-480.jpg 480w, a-1200.jpg 1200w, a-800.jpg 800w" sizes="50vw">')).toEqual(['a-1200.jpg']);
    expect(chosen('<img src="s.jpg" srcset="b.jpg, b-3x.jpg 3x, b-2x.jpg 2x">')).toEqual(['b-3x.jpg']);
    expect(chosen('<img src=" s.jpg ">')).toEqual(['s.jpg']);
    expect(chosen('<img srcset="only.jpg 2x">')).toEqual(['only.jpg']);
    expect(chosen('<img src="" srcset=""><img>')).toEqual([undefined, undefined]);
  });

  it('in a <picture>, takes the first <source> of a type browsers show, before the img’s own', () => {
    const picture = `<picture>
      <source type="image/jxl" srcset="p.jxl">
      <source type="image/avif" media="(min-width: 800px)" srcset="p-small.avif 400w, p-large.avif 1600w">
      <source type="image/webp" srcset="p.webp">
      <img src="p.jpg" srcset="p-2x.jpg 2x">
    </picture>`;
    expect(chosen(picture)).toEqual(['p-large.avif']);
    expect(chosen('<picture><source type="image/heic" srcset="p.heic"><img src="p.jpg" srcset="p-2x.jpg 2x"></picture>')).toEqual(['p-2x.jpg']);
    // A <source> after the img is not the img's.
    expect(chosen('<picture><img src="p.jpg"><source srcset="later.webp"></picture>')).toEqual(['p.jpg']);
  });
});

describe('largestCandidate', () => {
  it('keeps the commas of a data: URL, drops a candidate with a descriptor it cannot read, and reads none from nothing', () => {
    expect(largestCandidate('data:image/png;base64,AAAA 1x, big.png 2x')).toBe('big.png');
    expect(largestCandidate('data:image/png;base64,AAAA,, x.png 1x')).toBe('data:image/png;base64,AAAA');
    expect(largestCandidate('odd.png 10q, fine.png 1x')).toBe('fine.png');
    expect(largestCandidate(' , ')).toBeUndefined();
  });
});
