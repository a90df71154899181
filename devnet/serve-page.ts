import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ServePageParameters = {
  html: string;
  /** Loopback port; a free one when omitted. */
  port?: number;
  /** Also served as JSON, for tools that want the devnet's facts without a side channel. */
  trustConfig: unknown;
  scenarios: unknown;
  /** The article page, served at `/article`, and its snippets as JSON at `/article-snippets.json`. */
  article?: { html: string; snippets: unknown };
  /** A trust list (spec §7), served at `/trust-list.json` for the options page to subscribe to. */
  trustList?: unknown;
};

export type ServePageReturnType = {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** `http://127.0.0.1:PORT/article`, when there is an article. */
  articleUrl?: string;
  /** `http://127.0.0.1:PORT/trust-list.json`, when there is a trust list. */
  trustListUrl?: string;
  /** The paths asked for, in order: what a client fetched, and how often. */
  requests: readonly string[];
  port: number;
  /** Stops listening and drops open connections. Safe to call twice. */
  close(): Promise<void>;
};

/** Serves the page at `/`, with `/trust-config.json` and `/scenarios.json` (and the article and the trust list), on 127.0.0.1 only. */
export async function servePage({ html, port = 0, trustConfig, scenarios, article, trustList }: ServePageParameters): Promise<ServePageReturnType> {
  const routes: Record<string, { type: string; body: string }> = {
    '/': { type: 'text/html; charset=utf-8', body: html },
    '/trust-config.json': { type: 'application/json', body: JSON.stringify(trustConfig, null, 2) },
    '/scenarios.json': { type: 'application/json', body: JSON.stringify(scenarios, null, 2) },
    ...(article && {
      '/article': { type: 'text/html; charset=utf-8', body: article.html },
      '/article-snippets.json': { type: 'application/json', body: JSON.stringify(article.snippets, null, 2) },
    }),
    ...(trustList !== undefined && { '/trust-list.json': { type: 'application/json', body: JSON.stringify(trustList, null, 2) } }),
  };
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    requests.push(path);
    const route = routes[path];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    } else {
      // JSON for any origin, as a list publisher must serve it: the extension asks for no host permission (docs/protocol.md, "Trust lists").
      const cors = route.type === 'application/json' ? { 'access-control-allow-origin': '*' } : {};
      response.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store', ...cors }).end(request.method === 'HEAD' ? undefined : route.body);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    articleUrl: article && `http://127.0.0.1:${actualPort}/article`,
    trustListUrl: trustList === undefined ? undefined : `http://127.0.0.1:${actualPort}/trust-list.json`,
    requests,
    port: actualPort,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
