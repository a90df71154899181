export type BaseErrorParameters = {
  /** More about what went wrong, for the inspector and reports; never part of `message`. */
  details?: string | undefined;
  /** The error this one wraps. */
  cause?: unknown;
};

/**
 * The one error base of Verity, after viem's `BaseError`: a short message a
 * reader can be shown, details for those who ask, the cause it wraps, and
 * `walk()` to find a kind of error down the cause chain. Failures are told
 * apart by class (`instanceof`, `walk`), never by their message text.
 */
export class BaseError extends Error {
  override name = 'BaseError';
  /** The message, without details: what a badge or a CLI line shows. */
  readonly shortMessage: string;
  readonly details: string;

  constructor(shortMessage: string, { details = '', cause }: BaseErrorParameters = {}) {
    super(shortMessage, cause === undefined ? undefined : { cause });
    this.shortMessage = shortMessage;
    this.details = details;
  }

  /**
   * The first error down the cause chain, this one included, for which `match`
   * holds; without `match`, the innermost error.
   */
  walk(match?: (error: unknown) => boolean): unknown {
    return walkErrors(this, match);
  }
}

/** `walk()` for any thrown value, so a caller need not know it got a BaseError. */
export function walkErrors(error: unknown, match?: (error: unknown) => boolean): unknown {
  let current: unknown = error;
  const seen = new Set<unknown>();
  while (current !== undefined && !seen.has(current)) {
    if (match?.(current)) return current;
    seen.add(current);
    const next: unknown = current instanceof Error ? current.cause : undefined;
    if (next === undefined) return match ? null : current;
    current = next;
  }
  return match ? null : current;
}
