import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';

/** SOURCE could not be read: the CLI exits 1. */
export class SourceError extends Error {
  override name = 'SourceError';
}

export type ReadSourceReturnType = { content: string; isHtml: boolean; url?: string };

/** Largest page the CLI reads; real articles are far smaller. */
const maxSourceBytes = 20 * 1024 * 1024;
const fetchTimeoutMs = 30_000;

/** Reads a file, an http(s) URL, or standard input (`-`). */
export async function readSource(source: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<ReadSourceReturnType> {
  if (source === '-') {
    const content = await readStream(stdin);
    return { content, isHtml: looksLikeHtml(content) };
  }
  if (/^https?:\/\//i.test(source)) return fetchSource(source);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) throw new SourceError(`Cannot read ${source}: only http(s) URLs, files and - are supported`);

  let content: string;
  try {
    content = await readFile(source, 'utf8');
  } catch (error) {
    throw new SourceError(`Cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const extension = extname(source).toLowerCase();
  const isHtml = extension === '.html' || extension === '.htm' || (extension !== '.txt' && looksLikeHtml(content));
  return { content, isHtml };
}

async function fetchSource(url: string): Promise<ReadSourceReturnType> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(fetchTimeoutMs), redirect: 'follow' });
  } catch (error) {
    throw new SourceError(`Cannot fetch ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new SourceError(`Cannot fetch ${url}: HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > maxSourceBytes) throw new SourceError(`Cannot read ${url}: ${length} bytes is over the ${maxSourceBytes}-byte limit`);
  const content = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const isHtml = /html/i.test(type) || (!/text\/plain/i.test(type) && looksLikeHtml(content));
  return { content, isHtml, url: response.url || url };
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buffer.length;
    if (size > maxSourceBytes) throw new SourceError(`Standard input is over the ${maxSourceBytes}-byte limit`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function looksLikeHtml(content: string): boolean {
  return /^\s*</.test(content);
}
