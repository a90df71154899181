import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP proxy in front of a JSON-RPC endpoint that counts what passes through it. */
export type RpcCountingProxy = {
  url: string;
  /** HTTP requests so far. */
  readonly requests: number;
  /** JSON-RPC calls so far (a batch counts each of its calls). */
  readonly calls: number;
  close(): Promise<void>;
};

/** Starts a counting proxy to `target` on a free loopback port. */
export async function startRpcCountingProxy(target: string): Promise<RpcCountingProxy> {
  const counter = { requests: 0, calls: 0 };
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (request.method === 'POST') {
      counter.requests += 1;
      const parsed: unknown = JSON.parse(body.toString('utf8'));
      counter.calls += Array.isArray(parsed) ? parsed.length : 1;
    }
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
    const answer = await fetch(target, { method: request.method, headers, body: request.method === 'POST' ? body : undefined });
    response.writeHead(answer.status, Object.fromEntries([...answer.headers].filter(([name]) => !['content-length', 'content-encoding', 'transfer-encoding'].includes(name))));
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    get requests() {
      return counter.requests;
    },
    get calls() {
      return counter.calls;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
