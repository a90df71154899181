import { BaseError } from '../../errors';
import { ChainUnavailableError } from '../errors';

/**
 * One endpoint's answer did not prove what it claimed against the agreed
 * block: a header that does not hash to the agreed hash, a proof that does
 * not reach the state root, code that does not hash to the proven code hash.
 * The answer is never believed; the read moves on to another endpoint.
 */
export class ProofMismatchError extends BaseError {
  override name = 'ProofMismatchError';
}

/**
 * No endpoint gave a read that proves against the agreed block: every one
 * failed, or answered with something that does not prove. An `unavailable`,
 * never a verdict.
 */
export class ProofUnavailableError extends ChainUnavailableError {
  override name = 'ProofUnavailableError';
}
