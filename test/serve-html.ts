import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ServeHtmlReturnType = { url: string; close: () => Promise<void> };

/** Serves one HTML page on a free loopback port, at every path but those `others` gives pages of their own. */
export async function serveHtml(html: string, others: Readonly<Record<string, string>> = {}): Promise<ServeHtmlReturnType> {
  const server = createServer((request, response) =>
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(others[request.url ?? ''] ?? html),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: async () => {
      // The browser keeps its connections alive: closing waits for them unless they are closed too (96 s here).
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
