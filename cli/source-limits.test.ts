import { execFile } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * The 20 MiB SOURCE limit, through the `verity` command line as a user runs
 * it: a real HTTP server on 127.0.0.1, a sparse file, and a pipe on standard
 * input. The tests run the run's bundle of it (test/cli-bundle.ts); one runs
 * the checkout's own `cli/verity.mjs`, the binary `npx verity` starts.
 */
const limit = 20 * 1024 * 1024;
const limitWords = 'the 20 MiB (20971520-byte) limit';
const mebibyte = Buffer.alloc(1024 * 1024, 'a');

type CliResult = { code: number; stdout: string; stderr: string };

function verity(args: string[], stdin: Buffer | string = '', { binary = inject('cliBundle') } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [binary, ...args], { env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
    // The CLI stops reading at the limit and exits, so the rest of a long input meets a closed pipe.
    child.stdin?.on('error', () => {});
    child.stdin?.end(stdin);
  });
}

type Sent = { bytes: number; clientClosed: boolean };
/** What the server sent on each path, and whether the client hung up before the end. */
const sentOn = new Map<string, Sent>();
let server: Server;
let baseUrl: string;
let workDir: string;

/** Writes 1 MiB chunks while the client reads, up to `total` bytes (forever without it). */
function stream(path: string, response: ServerResponse, total = Number.POSITIVE_INFINITY): void {
  const sent: Sent = { bytes: 0, clientClosed: false };
  sentOn.set(path, sent);
  response.on('close', () => {
    sent.clientClosed = !response.writableFinished;
  });
  const writeMore = () => {
    while (!response.destroyed && sent.bytes < total) {
      sent.bytes += mebibyte.length;
      if (!response.write(mebibyte)) return void response.once('drain', writeMore);
    }
    if (!response.destroyed) response.end();
  };
  writeMore();
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'verity-limits-'));
  server = createServer((request, response) => {
    if (request.url === '/endless') {
      // No Content-Length: Node sends the body chunked.
      response.writeHead(200, { 'content-type': 'text/html' });
      return stream(request.url, response);
    }
    if (request.url === '/declared-too-large') {
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(200 * 1024 * 1024) });
      return stream(request.url, response, 200 * 1024 * 1024);
    }
    if (request.url === '/small-chunked') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<html><head><title>Chunked</title></head>');
      response.write('<body><p>Under the limit, sent in pieces.</p>');
      return void response.end('</body></html>');
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('verity verify: the SOURCE size limit', () => {
  it('stops reading a URL that streams past the limit with no Content-Length, and exits 1', { timeout: 60_000 }, async () => {
    const { code, stdout, stderr } = await verity(['verify', `${baseUrl}/endless`]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`verity: Cannot read ${baseUrl}/endless: more than ${limitWords}\n`);
    const sent = sentOn.get('/endless')!;
    // The server would send forever: the CLI hung up soon after the limit (socket buffers hold a few MiB more).
    expect(sent.clientClosed).toBe(true);
    expect(sent.bytes).toBeGreaterThan(limit);
    expect(sent.bytes).toBeLessThan(limit + 16 * 1024 * 1024);
  });

  it('refuses a URL whose Content-Length is over the limit without reading it', { timeout: 60_000 }, async () => {
    const { code, stderr } = await verity(['verify', `${baseUrl}/declared-too-large`]);
    expect(code).toBe(1);
    expect(stderr).toBe(`verity: Cannot read ${baseUrl}/declared-too-large: 209715200 bytes is over ${limitWords}\n`);
    const sent = sentOn.get('/declared-too-large')!;
    expect(sent.clientClosed).toBe(true);
    expect(sent.bytes).toBeLessThan(limit);
  });

  it('still reads a chunked page under the limit', { timeout: 60_000 }, async () => {
    const { code, stdout } = await verity(['verify', `${baseUrl}/small-chunked`, '--report', 'json'], '', { binary: 'cli/verity.mjs' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ source: { kind: 'page', title: 'Chunked' }, snippets: [] });
  });

  it('refuses a file over the limit by its size, without reading it', { timeout: 60_000 }, async () => {
    const path = join(workDir, 'huge.html');
    await writeFile(path, '<p>');
    await truncate(path, 200 * 1024 * 1024); // sparse: no disk used
    const { code, stdout, stderr } = await verity(['verify', path]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    // The declared size in the message: refused by its size, before any read (a read would stop at "more than").
    expect(stderr).toBe(`verity: Cannot read ${path}: 209715200 bytes is over ${limitWords}\n`);
  });

  it('stops reading standard input past the limit, and exits 1', { timeout: 60_000 }, async () => {
    const { code, stdout, stderr } = await verity(['verify', '-'], Buffer.alloc(limit + 1024 * 1024, 'a'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`verity: Cannot read standard input: more than ${limitWords}\n`);
  });
});
