import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ServeHtmlReturnType = { url: string; close: () => Promise<void> };

/** Serves one HTML page on a free loopback port, at every path. */
export async function serveHtml(html: string): Promise<ServeHtmlReturnType> {
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
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
