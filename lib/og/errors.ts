import { BaseError } from '../errors';

/** Text that is not standard or URL-safe base64 (RFC 4648 §4, §5), padding optional. */
export class InvalidBase64Error extends BaseError {
  override name = 'InvalidBase64Error';

  constructor() {
    super('Not valid base64');
  }
}
