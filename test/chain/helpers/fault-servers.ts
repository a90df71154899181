import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** A loopback HTTP server standing in for a faulty RPC endpoint. */
export type FaultServer = { url: string; close(): Promise<void> };

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void | Promise<void>;

/** Serves `handler` on a free 127.0.0.1 port; close() also ends the connections it holds open. */
export async function startFaultServer(handler: Handler): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    await handler(request, Buffer.concat(chunks).toString('utf8'), response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers every request with `body` and `status`, whatever was asked. */
export function startJunkServer(body: string, status = 200, contentType = 'text/html'): Promise<FaultServer> {
  return startFaultServer((_request, _body, response) => {
    response.writeHead(status, { 'content-type': contentType });
    response.end(body);
  });
}

/** Passes JSON-RPC requests to `target` after `delayMs`. */
export function startDelayProxy(target: string, delayMs: number): Promise<FaultServer> {
  return startFaultServer(async (_request, body, response) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (response.destroyed) return;
    await forward(target, body, response, (answer) => answer);
  });
}

type JsonRpcAnswer = { id: unknown; result?: unknown; error?: unknown };

/**
 * Passes JSON-RPC requests to `target` and lets `tamper` change each answer,
 * given the call it answers: a real node behind a lying (or faithful) relay.
 */
export function startTamperProxy(
  target: string,
  tamper: (answer: JsonRpcAnswer, call: { method: string; params: unknown[] }) => JsonRpcAnswer = (answer) => answer,
): Promise<FaultServer> {
  return startFaultServer(async (_request, body, response) => {
    const calls = [JSON.parse(body)].flat() as { id: unknown; method: string; params: unknown[] }[];
    await forward(target, body, response, (answer) => {
      const answers = [answer].flat() as JsonRpcAnswer[];
      const changed = answers.map((item) => {
        const call = calls.find(({ id }) => id === item.id);
        return call ? tamper(item, call) : item;
      });
      return Array.isArray(answer) ? changed : changed[0];
    });
  });
}

async function forward(target: string, body: string, response: ServerResponse, change: (answer: unknown) => unknown): Promise<void> {
  const upstream = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const answer = change(await upstream.json());
  response.writeHead(upstream.status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(answer));
}

/** Passes JSON-RPC requests to `target`, but answers `latest` with the block `lag` before it: a node that is behind. */
export function startLaggingProxy(target: string, lag: number): Promise<FaultServer> {
  return startFaultServer(async (_request, body, response) => {
    const calls = [JSON.parse(body)].flat() as { method: string; params: unknown[] }[];
    const latest = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }),
    });
    const head = BigInt(((await latest.json()) as { result: string }).result);
    const behind = `0x${(head - BigInt(lag)).toString(16)}`;
    for (const call of calls) {
      if (call.method === 'eth_getBlockByNumber' && call.params[0] === 'latest') call.params[0] = behind;
    }
    await forward(target, JSON.stringify(Array.isArray(JSON.parse(body)) ? calls : calls[0]), response, (answer) => answer);
  });
}
