import { parseAbi } from 'viem';

/**
 * OpenGradient's InferenceSettlementRelay (reference: opengradient.md), the
 * one definition shared by the verifiers, the devnet and the tests: the
 * events a verifier reads, then the devnet's writes.
 */
export const settlementRelayAbi = parseAbi([
  'event IndividualSettlement(bytes32 indexed teeId, address indexed ethAddress, bytes32 inputHash, bytes32 outputHash, uint256 timestamp, bytes walrusBlobId, bytes signature)',
  'event BatchSettlement(bytes32 indexed merkleRoot, uint256 batchSize, bytes walrusBlobId)',
  // Writes of the devnet's stand-in (devnet/contracts/InferenceSettlementRelay.sol).
  'function settleIndividual(bytes32 teeId, address ethAddress, bytes32 inputHash, bytes32 outputHash, uint256 timestamp, bytes walrusBlobId, bytes signature)',
  'function settleBatch(bytes32 merkleRoot, uint256 batchSize, bytes walrusBlobId)',
]);

/** topic0 of each event, as the reference gives them; tests check them against the ABI and the compiled relay. */
export const individualSettlementTopic = '0x74e71a1981c03bd0c36f3b1227f3ee2a34dca5d6fef25c4b2787e033ab60b782';
export const batchSettlementTopic = '0xc2aff8d8a10a4543baabf39bd9ff45e7fc3881d19098df350a3b7f339e911127';
