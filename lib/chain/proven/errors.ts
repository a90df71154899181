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

/**
 * The block holds a transaction of a type Verity cannot encode (Arbitrum's
 * pre-Nitro wrapper, Polygon's state syncs, Celo's fee-currency ones, or an
 * Arbitrum type whose encoding does not give its listed hash), so its
 * transactions and receipts tries cannot be rebuilt. Not a
 * sign of a lie on its own: the read that needed the block is taken on the
 * endpoints' agreement instead (two agreeing, never one), and the verdict
 * says so. A liar can fake such a type only to force that agreement.
 */
export class UnrebuildableBlockError extends BaseError {
  override name = 'UnrebuildableBlockError';
}

/**
 * Every endpoint that answered gave the agreed block's header, and none
 * rebuilt to its hash: the chain's headers carry fields Verity does not hash
 * (or every endpoint lies). The chain's reads for the pass are taken on the
 * endpoints' agreement instead (two agreeing, never one), and the verdict
 * says so.
 */
export class UnrebuildableHeaderError extends BaseError {
  override name = 'UnrebuildableHeaderError';
}
