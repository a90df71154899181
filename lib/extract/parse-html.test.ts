import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProofs } from './find-proofs';
import { parseHtml, ParseHtmlError } from './parse-html';

describe('parseHtml', () => {
  let server: Server;
  let origin: string;
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('document.body.setAttribute("data-loaded", "yes");');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('parses a page that findProofs can read', () => {
    const document = parseHtml(`<p data-ai-proof='{"v":2}'>Hello</p>`);
    expect(findProofs(document).snippets.map((snippet) => [snippet.shownText, snippet.decoded])).toEqual([
      ['Hello', { ok: false, reason: 'unsupported envelope version 2' }],
    ]);
  });

  it('attaches the open shadow roots written in the HTML, as a browser does, and findProofs reads them in order', () => {
    const proof = (version: number) => `data-ai-proof='{"v":${version}}'`;
    const document = parseHtml(
      `<p ${proof(2)}>before</p>` +
        `<outer-card id="outer"><template shadowrootmode="OPEN"><p ${proof(3)}>outer</p><inner-card><template shadowrootmode="open"><p ${proof(4)}>inner</p></template></inner-card></template></outer-card>` +
        `<div><template shadowrootmode="open"><p ${proof(5)}>div</p></template></div>` +
        `<p ${proof(6)}>after</p>` +
        `<side-card><template shadowrootmode="closed"><p ${proof(7)}>closed</p></template></side-card>` +
        `<a href="#"><template shadowrootmode="open"><p ${proof(8)}>no host</p></template></a>`,
    );
    expect(document.getElementById('outer')!.shadowRoot!.querySelector('template')).toBeNull();
    expect(findProofs(document).snippets.map((snippet) => snippet.shownText)).toEqual(['before', 'after', 'outer', 'inner', 'div']);
    // A browser keeps a template its parent cannot host, and the closed root's content is out of reach.
    expect(document.querySelectorAll('template')).toHaveLength(2);
  });

  it('runs no script and loads nothing', async () => {
    const document = parseHtml(
      `<body><script>document.body.setAttribute('data-ran', 'yes')</script><script src="${origin}/a.js"></script><img src="${origin}/b.png"><link rel="stylesheet" href="${origin}/c.css"><iframe src="${origin}/d.html"></iframe></body>`,
      `${origin}/page.html`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(document.body.hasAttribute('data-ran')).toBe(false);
    expect(document.body.hasAttribute('data-loaded')).toBe(false);
    expect(requests).toEqual([]);
  });

  it('resolves relative links against the page URL', () => {
    const document = parseHtml('<a href="/post#x">p</a>', 'https://news.example/section/page');
    expect(document.querySelector('a')!.href).toBe('https://news.example/post#x');
    expect(document.URL).toBe('https://news.example/section/page');
  });

  it('rejects a URL that is not one', () => {
    expect(() => parseHtml('<p>x</p>', 'not a url')).toThrow(ParseHtmlError);
  });
});
