import { SourceTooLargeError } from './source-error';

export type ReadLimitedParameters = {
  /** A Node stream, a fetch body or any other source of byte (or string) chunks. */
  chunks: AsyncIterable<Uint8Array | string>;
  maxBytes: number;
  /** What is being read, for the error. */
  source: string;
};

/**
 * Reads chunks until they end, counting bytes, and stops with
 * SourceTooLargeError once they pass `maxBytes`, so a source that never says
 * its size (chunked HTTP, a pipe, /dev/zero) cannot fill memory. Leaving the
 * loop early destroys a Node stream and cancels a fetch body.
 */
export async function readLimited({ chunks, maxBytes, source }: ReadLimitedParameters): Promise<Buffer> {
  const read: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += buffer.length;
    if (size > maxBytes) throw new SourceTooLargeError({ source, maxBytes });
    read.push(buffer);
  }
  return Buffer.concat(read, size);
}
