import { BaseError } from '../errors';

/**
 * A chain read that could not be made or could not be trusted. Verifiers turn
 * it into an `unavailable` check; it never becomes `invalid` or `verified`.
 */
export class ChainUnavailableError extends BaseError {
  override name = 'ChainUnavailableError';
  readonly chainId: number;

  constructor(shortMessage: string, { chainId, details = '' }: { chainId: number; details?: string }) {
    super(shortMessage, { details });
    this.chainId = chainId;
  }
}

/** Two or more RPC endpoints of one chain answered the same read differently. */
export class RpcDisagreementError extends ChainUnavailableError {
  override name = 'RpcDisagreementError';

  constructor({ chainId, details }: { chainId: number; details: string }) {
    super('RPC endpoints disagree', { chainId, details });
  }
}

/** The chain is not in the trust configuration. */
export class ChainNotConfiguredError extends ChainUnavailableError {
  override name = 'ChainNotConfiguredError';

  constructor({ chainId }: { chainId: number }) {
    super(`Chain ${chainId} is not configured`, { chainId });
  }
}

/**
 * The contract itself reverted the call: a definite answer from the chain,
 * not an outage. Verifiers decide what it means (usually `invalid`).
 */
export class ContractRevertedError extends BaseError {
  override name = 'ContractRevertedError';
  /**
   * The revert data when the call reverted (`0x` when it reverted without
   * any, as a call to a function the contract does not have does);
   * undefined when it returned nothing or an answer that does not decode.
   */
  readonly revertData: `0x${string}` | undefined;

  constructor({ details, revertData }: { details: string; revertData?: `0x${string}` | undefined }) {
    super('The contract reverted the call', { details });
    this.revertData = revertData;
  }
}
