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
};

export type ServePageReturnType = {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** `http://127.0.0.1:PORT/article`, when there is an article. */
  articleUrl?: string;
  port: number;
  /** Stops listening and drops open connections. Safe to call twice. */
  close(): Promise<void>;
};

/** Serves the page at `/`, with `/trust-config.json` and `/scenarios.json` (and the article), on 127.0.0.1 only. */
export async function servePage({ html, port = 0, trustConfig, scenarios, article }: ServePageParameters): Promise<ServePageReturnType> {
  const routes: Record<string, { type: string; body: string }> = {
    '/': { type: 'text/html; charset=utf-8', body: html },
    '/trust-config.json': { type: 'application/json', body: JSON.stringify(trustConfig, null, 2) },
    '/scenarios.json': { type: 'application/json', body: JSON.stringify(scenarios, null, 2) },
    ...(article && {
      '/article': { type: 'text/html; charset=utf-8', body: article.html },
      '/article-snippets.json': { type: 'application/json', body: JSON.stringify(article.snippets, null, 2) },
    }),
  };
  const server = createServer((request, response) => {
    const route = routes[new URL(request.url ?? '/', 'http://localhost').pathname];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    } else {
      response.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(request.method === 'HEAD' ? undefined : route.body);
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
    port: actualPort,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
