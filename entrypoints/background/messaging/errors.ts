import { BaseError } from '../../../lib/errors';

/** A message whose request does not have the shape its type requires. */
export class MalformedRequestError extends BaseError {
  override name = 'MalformedRequestError';
}

/** A message of a type the worker does not answer. */
export class UnknownMessageError extends BaseError {
  override name = 'UnknownMessageError';
}

/** A message the sender's kind of context may not send (a page asking to verify its own proofs, say). */
export class WrongSenderError extends BaseError {
  override name = 'WrongSenderError';
}

/** A proof to verify on its own came without the text it is for: verifying it against nothing would call it altered. */
export class MissingTextError extends BaseError {
  override name = 'MissingTextError';
}
