import { createCustomCommon, Hardfork, Mainnet, type Common } from '@ethereumjs/common';

/** The header fields that tell which hardfork a block was made under. */
export type HardforkFields = {
  baseFeePerGas?: unknown;
  withdrawalsRoot?: unknown;
  blobGasUsed?: unknown;
  parentBeaconBlockRoot?: unknown;
  requestsHash?: unknown;
};

/**
 * The newest hardfork whose header fields the block carries. A header hashes
 * over exactly the fields its hardfork has, and rollups and local chains do
 * not follow mainnet's schedule, so the block itself says which one: an
 * `@ethereumjs/common` schedule by block number would be wrong for them.
 */
export function hardforkOf(fields: HardforkFields): Hardfork {
  if (fields.requestsHash !== undefined) return Hardfork.Prague;
  if (fields.parentBeaconBlockRoot !== undefined || fields.blobGasUsed !== undefined) return Hardfork.Cancun;
  if (fields.withdrawalsRoot !== undefined) return Hardfork.Shanghai;
  if (fields.baseFeePerGas !== undefined) return Hardfork.London;
  return Hardfork.Berlin;
}

export type ChainCommonParameters = { chainId: number; fields: HardforkFields };

/** Mainnet's rules at the block's hardfork, under the chain's id (CHAINID answers it). */
export function chainCommon({ chainId, fields }: ChainCommonParameters): Common {
  return createCustomCommon({ chainId }, Mainnet, { hardfork: hardforkOf(fields) });
}
