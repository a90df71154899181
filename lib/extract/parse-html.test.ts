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
