import { parseAbi } from 'viem';

/**
 * OpenGradient's TEERegistry (reference: opengradient.md), the one
 * definition shared by the verifiers, the devnet and the tests. The views a
 * verifier reads come first; the devnet's writes follow.
 */
export const teeRegistryAbi = parseAbi([
  'function getTEEPublicKey(bytes32 teeId) view returns (bytes)',
  'function isTEEEnabled(bytes32 teeId) view returns (bool)',
  'function isTEEActive(bytes32 teeId) view returns (bool)',
  'function computeTEEId(bytes publicKey) pure returns (bytes32)',
  'event TEERegistered(bytes32 indexed teeId, address indexed owner, uint8 teeType)',
  'event TEEDisabled(bytes32 indexed teeId)',
  'event HeartbeatReceived(bytes32 indexed teeId, uint256 timestamp)',
  // Writes of the devnet's stand-in (devnet/contracts/TEERegistry.sol); the real registry registers attested enclaves instead.
  'function registerTEE(bytes publicKey, uint8 teeType) returns (bytes32 teeId)',
  'function heartbeat(bytes32 teeId)',
  'function disableTEE(bytes32 teeId)',
  'function heartbeatWindow() view returns (uint256)',
]);

/**
 * The registry's views before og-evm's change of 2026-03-10. `isActive` is
 * the registry's own on/off switch (no heartbeat), and some deployments
 * revert `getPublicKey` with `TEENotFound()` for an unknown TEE.
 */
export const legacyTeeRegistryAbi = parseAbi([
  'function getPublicKey(bytes32 teeId) view returns (bytes)',
  'function isActive(bytes32 teeId) view returns (bool)',
  'error TEENotFound()',
  // Writes of the devnet's stand-in (devnet/contracts/TEERegistryLegacy.sol).
  'function registerTEE(bytes publicKey, uint8 teeType) returns (bytes32 teeId)',
  'function deactivateTEE(bytes32 teeId)',
]);
