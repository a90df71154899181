import { BaseError, type BaseErrorParameters } from '../errors';

export type PublishErrorParameters = BaseErrorParameters & {
  /** The input field at fault, as the publisher wrote it (`tee_output_hash`, `settlement.proof[2]`, `options.registry`). */
  field: string;
};

/**
 * Why a proof was not made. Every failure names the field at fault, so a
 * publisher knows what to fix; nothing is output when one is thrown.
 */
export class PublishError extends BaseError {
  override name = 'PublishError';
  readonly field: string;

  constructor(shortMessage: string, { field, ...rest }: PublishErrorParameters) {
    super(shortMessage, rest);
    this.field = field;
  }
}

/** A field is missing, of the wrong type or in a form that cannot be converted. */
export class InvalidFieldError extends PublishError {
  override name = 'InvalidFieldError';
}

/** The output does not hash to the hash the TEE signed: the text was changed or is not the one signed. */
export class OutputHashMismatchError extends PublishError {
  override name = 'OutputHashMismatchError';
}

/** The TEE's RSA-PSS signature does not verify with its public key. */
export class TeeSignatureError extends PublishError {
  override name = 'TeeSignatureError';
}

/** The TEE's public key cannot be had or is not the TEE's: unknown to the registry, unreadable, or another key. */
export class TeeKeyError extends PublishError {
  override name = 'TeeKeyError';
}

/** A settlement's Merkle proof does not lead from this inference to the batch root. */
export class SettlementProofError extends PublishError {
  override name = 'SettlementProofError';
}

/** The proof cannot be written in the form asked for (a short reference of a proof that has none, say). */
export class EmbeddingFormError extends PublishError {
  override name = 'EmbeddingFormError';
}
