import { BaseError } from '../../../lib/errors';

/** The engine worker failed on an image (it died, or threw outside the engine's own errors). */
export class ImageEngineError extends BaseError {
  override name = 'ImageEngineError';
  constructor({ reason }: { reason: string }) {
    super('The image could not be checked', { details: reason });
  }
}

/** The image's bytes could not be had: the reason is what `unavailable` says. */
export class ImageFetchError extends BaseError {
  override name = 'ImageFetchError';
}

/** A page asked for an image check without the reader's grant of image access. */
export class ImageAccessError extends BaseError {
  override name = 'ImageAccessError';
}
