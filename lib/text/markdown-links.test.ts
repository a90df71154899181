import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import markdownItFootnote from 'markdown-it-footnote';
import { describe, expect, it } from 'vitest';
import { shownLinksOf } from '../extract/shown-links';
import { renderMarkdown } from './markdown';
import { checkShownLinks } from './markdown-links';

const markdownIt = new MarkdownIt({ linkify: true }).use(markdownItFootnote);

const answer = [
  'Read [the guide](<https://example.com/guide?q=a b>) and [FAQ](/faq#top).[^1]',
  '',
  '![Sales chart](charts/sales.png) Café: https://example.org/menü',
  '',
  '[^1]: See [the data](https://data.example.com/2026).',
].join('\n');

/** The links a page shows when it renders `markdown` with markdown-it, read as the extension and the CLI read them. */
function shownLinks(html: string) {
  return shownLinksOf(new JSDOM(`<!doctype html><body><article>${html}</article></body>`).window.document.querySelector('article')!);
}

describe('checkShownLinks', () => {
  it("accepts another renderer's links: percent-encoding, footnote links and all", () => {
    const shown = shownLinks(markdownIt.render(answer));
    expect(shown.length).toBeGreaterThan(5);
    expect(checkShownLinks({ signed: renderMarkdown(answer).links, shown })).toEqual({ ok: true });
  });

  it('names a link that points elsewhere, an image from elsewhere, and a link the signed text does not have', () => {
    const signed = renderMarkdown(answer).links;
    const html = markdownIt.render(answer);
    expect(checkShownLinks({ signed, shown: shownLinks(html.replace('https://example.com/guide', 'https://evil.example/guide')) })).toEqual({
      ok: false,
      reason: 'The page links “the guide” to “https://evil.example/guide?q=a%20b”; the signed text points it to “https://example.com/guide?q=a b”.',
    });
    expect(checkShownLinks({ signed, shown: shownLinks(html.replace('charts/sales.png', 'charts/other.png')) })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('shows an image “Sales chart” from “charts/other.png”'),
    });
    expect(checkShownLinks({ signed, shown: shownLinks(`${html}<p><a href="https://x.example">More</a></p>`) })).toMatchObject({
      ok: false,
      reason: 'The page links “More” to “https://x.example” that the signed text does not have.',
    });
  });

  it('compares relative targets as written: /faq is not https://other.example/faq', () => {
    const signed = renderMarkdown('[FAQ](/faq)').links;
    expect(checkShownLinks({ signed, shown: [{ kind: 'link', text: 'FAQ', target: '/faq' }] }).ok).toBe(true);
    expect(checkShownLinks({ signed, shown: [{ kind: 'link', text: 'FAQ', target: 'https://other.example/faq' }] }).ok).toBe(false);
  });
});

describe('shownLinksOf', () => {
  it('reads links with their text and images with their alt, in order, leaving out token links and ignored parts', () => {
    const links = shownLinks('<p><a href="/a">One <b>two</b></a> <img src="x.png" alt="Ex"> <a href="#ai-proof:v1:eas:1:0x00">t</a><span data-ai-proof-ignore><a href="/b">b</a></span></p>');
    expect(links).toEqual([
      { kind: 'link', text: 'One two', target: '/a' },
      { kind: 'image', text: 'Ex', target: 'x.png' },
    ]);
  });
});
