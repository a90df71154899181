import { PublishError } from './publish-errors';

/** The attestation's UID or EIP-712 signature does not hold: it was changed after signing, or `signer` did not sign it. */
export class AttestationSignatureError extends PublishError {
  override name = 'AttestationSignatureError';
}

/** The attested contentHash is not keccak256(UTF-8 of canonical(text)) of the text being published (spec §4). */
export class ContentHashMismatchError extends PublishError {
  override name = 'ContentHashMismatchError';
}

/** The schema an attestation would use is not registered on the chain's SchemaRegistry. */
export class SchemaNotRegisteredError extends PublishError {
  override name = 'SchemaNotRegisteredError';
}

/** The RPC serves another chain than the one configured or named. */
export class ChainMismatchError extends PublishError {
  override name = 'ChainMismatchError';
}

/** The attester's key cannot be had or read: missing, given on the command line, or not a secp256k1 private key. */
export class AttesterKeyError extends PublishError {
  override name = 'AttesterKeyError';
}

/** A check of the proof against the chain failed: readers would see it fail too. */
export class ChainCheckError extends PublishError {
  override name = 'ChainCheckError';
}
