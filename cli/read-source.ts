import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { readLimited } from './read-limited';
import { SourceError, SourceTooLargeError } from './source-error';

export type ReadSourceReturnType = {
  content: string;
  isHtml: boolean;
  url?: string;
  /** The bytes as read, for a SOURCE that is an image (`content` is their UTF-8 decoding); absent for a page Verity made. */
  bytes?: Uint8Array;
  /** The Content-Type an http(s) SOURCE was served with. */
  contentType?: string;
};

/** Largest page the CLI reads, from any SOURCE; real articles are far smaller. */
const maxSourceBytes = 20 * 1024 * 1024;
const fetchTimeoutMs = 30_000;

/** Reads a file, an http(s) URL, or standard input (`-`), none of them past maxSourceBytes. */
export async function readSource(source: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<ReadSourceReturnType> {
  if (source === '-') {
    const bytes = await readLimited({ chunks: stdin as AsyncIterable<Buffer | string>, maxBytes: maxSourceBytes, source: 'standard input' });
    const content = bytes.toString('utf8');
    return { content, isHtml: looksLikeHtml(content), bytes };
  }
  if (/^https?:\/\//i.test(source)) return fetchSource(source);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) throw new SourceError(`Cannot read ${source}: only http(s) URLs, files and - are supported`);

  const bytes = await readFileSource(source);
  const content = bytes.toString('utf8');
  const extension = extname(source).toLowerCase();
  const isHtml = extension === '.html' || extension === '.htm' || (extension !== '.txt' && looksLikeHtml(content));
  return { content, isHtml, bytes };
}

async function readFileSource(path: string): Promise<Buffer> {
  try {
    // The size first, so a huge file is refused unread; counting still guards a file that grows or a device.
    const { size } = await stat(path);
    if (size > maxSourceBytes) throw new SourceTooLargeError({ source: path, maxBytes: maxSourceBytes, size });
    return await readLimited({ chunks: createReadStream(path), maxBytes: maxSourceBytes, source: path });
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
}

async function fetchSource(url: string): Promise<ReadSourceReturnType> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(fetchTimeoutMs), redirect: 'follow' });
  } catch (error) {
    throw new SourceError(`Cannot fetch ${url}: ${messageOf(error)}`, { cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new SourceError(`Cannot fetch ${url}: HTTP ${response.status}`);
  }
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > maxSourceBytes) {
    await response.body?.cancel();
    throw new SourceTooLargeError({ source: url, maxBytes: maxSourceBytes, size: Number(declared) });
  }
  let bytes: Buffer;
  try {
    // Counted as it arrives: a server may send no Content-Length, or a false one.
    bytes = response.body === null ? Buffer.alloc(0) : await readLimited({ chunks: response.body, maxBytes: maxSourceBytes, source: url });
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(`Cannot fetch ${url}: ${messageOf(error)}`, { cause: error });
  }
  // As response.text() decodes: UTF-8, a leading BOM dropped.
  const content = new TextDecoder().decode(bytes);
  const type = response.headers.get('content-type') ?? '';
  const isHtml = /html/i.test(type) || (!/text\/plain/i.test(type) && looksLikeHtml(content));
  return { content, isHtml, url: response.url || url, bytes, ...(type !== '' && { contentType: type }) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function looksLikeHtml(content: string): boolean {
  return /^\s*</.test(content);
}
