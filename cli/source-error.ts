import { BaseError } from '../lib/errors';

/** SOURCE could not be read: the CLI exits 1 (spec §8). */
export class SourceError extends BaseError {
  override name = 'SourceError';
}

export type SourceTooLargeErrorParameters = {
  /** What was being read: a URL, a path, or "standard input". */
  source: string;
  maxBytes: number;
  /** The size the source declared (a file's size, a Content-Length), when it did. */
  size?: number | undefined;
};

/** SOURCE holds more than the CLI reads. */
export class SourceTooLargeError extends SourceError {
  override name = 'SourceTooLargeError';
  readonly maxBytes: number;

  constructor({ source, maxBytes, size }: SourceTooLargeErrorParameters) {
    const limit = `${maxBytes / (1024 * 1024)} MiB (${maxBytes}-byte) limit`;
    super(`Cannot read ${source}: ${size === undefined ? 'more than' : `${size} bytes is over`} the ${limit}`);
    this.maxBytes = maxBytes;
  }
}
