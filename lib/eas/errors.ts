import { BaseError } from '../errors';

/** A schema string that does not parse as a list of ABI parameters. */
export class InvalidSchemaError extends BaseError {
  override name = 'InvalidSchemaError';
  readonly schema: string;

  constructor({ schema, reason }: { schema: string; reason: string }) {
    super(`The schema does not parse: ${reason}`);
    this.schema = schema;
  }
}

/** Attestation data that does not decode with its schema's parameters. */
export class AttestationDataError extends BaseError {
  override name = 'AttestationDataError';

  constructor({ reason }: { reason: string }) {
    super(`The attestation data does not decode with its schema: ${reason}`);
  }
}

/**
 * A message field an off-chain attestation hashes is missing or does not fit
 * its type. The SDK throws on these, so the attestation is rejected.
 */
export class OffchainFieldError extends BaseError {
  override name = 'OffchainFieldError';
  readonly field: string;

  constructor({ field, reason }: { field: string; reason: string }) {
    super(`The attestation's ${field} ${reason}`);
    this.field = field;
  }
}
